package dev.loupe.format.btree;

import dev.loupe.format.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walker that reuses its page buffers ({@link BTreeWalker#reusingPageBuffers()}) visits the same cells as one that
 * copies every page, and keeps what it promises: when a cell is visited, the cell visited before it still has its
 * bytes, wherever in the tree it was (previous leaf, the interior cell above, the last leaf of another subtree), and
 * so does the leaf cell before (a walk that skips interior cells, as of a rowid table's rows, keeps that one).
 * Trees of three and four levels, built by SQLite.
 */
class ReusedPageBuffersTest {

    @TempDir
    Path tmp;

    @Test
    void theCellBeforeKeepsItsBytesAndTheWalkIsTheSame() throws Exception {
        Path file = tmp.resolve("deep.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=512");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, pad BLOB)");
            s.execute("CREATE INDEX t_name ON t(name, pad)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)"
                    + " INSERT INTO t SELECT i, printf('%08d-%x', (i * 7919) % 6000, i), randomblob(i % 60) FROM n");
        }
        try (Database db = Database.open(file)) {
            for (long root : new long[] {2, 3}) {
                List<String> copied = cells(db, root, false);
                List<String> reused = cells(db, root, true);
                assertThat(reused).hasSizeGreaterThanOrEqualTo(6000).isEqualTo(copied);
            }
        }
    }

    /** Each cell as page:index:payload bytes, checking on the way that the previous cell's bytes are unchanged. */
    private static List<String> cells(Database db, long root, boolean reuse) throws Exception {
        BTreeWalker walker = new BTreeWalker(db.pages(), db.usableSize());
        if (reuse) {
            walker.reusingPageBuffers();
        }
        List<String> out = new ArrayList<>();
        int[] depth = {0};
        walker.walk(root, new TreeVisitor() {
            byte[] previousData;
            int previousStart;
            byte[] previousBytes;
            // the leaf cell before: what a walk that skips interior cells (a rowid table's rows) keeps
            byte[] leafData;
            int leafStart;
            byte[] leafBytes;

            @Override
            public boolean page(BTreePage page, List<PathStep> path, int d) {
                depth[0] = Math.max(depth[0], d + 1);
                return true;
            }

            @Override
            public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                if (previousData != null) {
                    byte[] now = Arrays.copyOfRange(previousData, previousStart, previousStart + previousBytes.length);
                    assertThat(now).as("the cell before %s", path).isEqualTo(previousBytes);
                }
                if (leafData != null) {
                    byte[] now = Arrays.copyOfRange(leafData, leafStart, leafStart + leafBytes.length);
                    assertThat(now).as("the leaf cell before %s", path).isEqualTo(leafBytes);
                }
                int start = (int) cell.span().offset();
                int end = start + cell.span().length();
                previousData = page.data();
                previousStart = start;
                previousBytes = Arrays.copyOfRange(page.data(), start, end);
                if (page.type().isLeaf()) {
                    leafData = previousData;
                    leafStart = start;
                    leafBytes = previousBytes;
                }
                out.add(page.number() + ":" + cell.index() + ":" + Arrays.toString(previousBytes));
            }
        });
        assertThat(depth[0]).as("tree depth").isGreaterThanOrEqualTo(3);
        return out;
    }
}
