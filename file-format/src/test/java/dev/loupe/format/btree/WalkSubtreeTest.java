package dev.loupe.format.btree;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.page.PageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tree walked subtree by subtree below its root ({@link BTreeWalker#walkSubtree}), the root's own cells visited
 * between them, visits the pages and cells a walk from the root visits, in the same order, with the same paths and
 * depths: in a table and an index of three levels, built by SQLite.
 */
class WalkSubtreeTest {

    @TempDir
    Path tmp;

    @Test
    void theSubtreesBelowTheRootWalkAsTheWholeTreeDoes() throws Exception {
        Path file = tmp.resolve("deep.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=512");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE INDEX t_name ON t(name)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000)"
                    + " INSERT INTO t SELECT i, printf('%08d', (i * 7919) % 8000) FROM n");
        }
        try (Database db = Database.open(file)) {
            for (long root : new long[] {2, 3}) {
                List<String> whole = new ArrayList<>();
                new BTreeWalker(db.pages(), db.usableSize()).walk(root, recorder(whole));
                List<String> split = new ArrayList<>();
                BTreePage top = BTreePage.decode(root, db.pages().read(root), db.usableSize());
                assertThat(top.type().isLeaf()).isFalse();
                TreeVisitor v = recorder(split);
                BTreeWalker walker = new BTreeWalker(db.pages(), db.usableSize()).reusingPageBuffers();
                PageSet visited = new PageSet();
                visited.add(root);
                List<PathStep> path = new ArrayList<>();
                v.page(top, path, 0);
                for (int i = 0; i <= top.cellCount(); i++) {
                    path.add(new PathStep(root, i));
                    if (i < top.cellCount()) {
                        InteriorCell cell = (InteriorCell) top.cell(i);
                        walker.walkSubtree(cell.leftChild(), top.type(), cell.leftChildSpan(), path, visited, v);
                        v.cell(top, cell, path);
                    } else {
                        walker.walkSubtree(top.header().rightChild(), top.type(), top.rightChildSpan(), path, visited,
                                v);
                    }
                    path.remove(path.size() - 1);
                }
                assertThat(whole).hasSizeGreaterThan(8000);
                assertThat(split).isEqualTo(whole);
                assertThat(visited.size()).isEqualTo(whole.stream().filter(l -> l.startsWith("page")).count());
            }
        }
    }

    private static TreeVisitor recorder(List<String> out) {
        return new TreeVisitor() {
            @Override
            public boolean page(BTreePage page, List<PathStep> path, int depth) {
                out.add("page " + page.number() + " at " + path + " depth " + depth);
                return true;
            }

            @Override
            public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                out.add("cell " + page.number() + ":" + cell.index() + " at " + path);
            }

            @Override
            public void problem(Problem problem) {
                out.add("problem " + problem);
            }
        };
    }
}
