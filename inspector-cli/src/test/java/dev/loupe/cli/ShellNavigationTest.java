package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** child/up/next/prev/back move as the b-tree says; leaf order is checked against SQLite's dbstat paths. */
class ShellNavigationTest {

    @TempDir
    Path tmp;

    @Test
    void childUpBackFollowTheTree() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        long root = rootOf(db, "books");
        try (Session session = Session.open(db, OpenOptions.defaults())) {
            StringWriter out = new StringWriter();
            Shell shell = new Shell(session, new PrintWriter(out), new PrintWriter(new StringWriter()));
            Database d = session.database();
            BTreePage rootPage = BTreePage.decode(root, d.pages().read(root), d.usableSize());
            assertThat(rootPage.type().isLeaf()).as("books must span several pages in demo.db").isFalse();

            assertThat(shell.runLine("page " + root)).isLessThanOrEqualTo(1);
            assertThat(shell.prompt()).isEqualTo("demo.db page " + root + "> ");
            out.getBuffer().setLength(0);
            shell.runLine("child 0");
            long left = rootPage.child(0);
            assertThat(shell.place().page()).isEqualTo(left);
            assertThat(out.toString()).isEqualTo(Cli.run("page", db.toString(), Long.toString(left)).out());
            shell.runLine("up");
            assertThat(shell.place().page()).isEqualTo(root);
            shell.runLine("child " + rootPage.cellCount());
            assertThat(shell.place().page()).isEqualTo(rootPage.child(rootPage.cellCount()));
            shell.runLine("back");
            assertThat(shell.place().page()).isEqualTo(root);
            // up without a way down: found from the tree itself
            shell.runLine("page " + left);
            shell.runLine("up");
            assertThat(shell.place().page()).isEqualTo(root);
        }
    }

    @Test
    void nextAndPrevWalkTheLeavesInSqliteKeyOrder() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp.resolve("loupe"));
        Path copy = Samples.copyTo(Sample.DEMO, tmp.resolve("sqlite"));
        List<Long> leaves = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pageno FROM dbstat WHERE name = 'books' AND pagetype = 'leaf'"
                     + " ORDER BY path")) {
            while (rs.next()) {
                leaves.add(rs.getLong(1));
            }
        }
        assertThat(leaves).hasSizeGreaterThan(1);
        try (Session session = Session.open(db, OpenOptions.defaults())) {
            StringWriter err = new StringWriter();
            Shell shell = new Shell(session, new PrintWriter(new StringWriter()), new PrintWriter(err));
            shell.runLine("page " + leaves.get(0));
            List<Long> seen = new ArrayList<>(List.of(shell.place().page()));
            while (shell.runLine("next") <= 1) {
                seen.add(shell.place().page());
            }
            assertThat(seen).isEqualTo(leaves);
            assertThat(err.toString()).contains("last leaf");
            List<Long> backwards = new ArrayList<>(List.of(shell.place().page()));
            while (shell.runLine("prev") <= 1) {
                backwards.add(shell.place().page());
            }
            List<Long> reversed = new ArrayList<>(leaves);
            java.util.Collections.reverse(reversed);
            assertThat(backwards).isEqualTo(reversed);
        }
    }

    private static long rootOf(Path db, String table) throws Exception {
        try (Database d = Database.open(db)) {
            return d.schema().table(table).orElseThrow().rootPage();
        }
    }
}
