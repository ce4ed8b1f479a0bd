package dev.loupe.format.record;

import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowSink;
import dev.loupe.format.table.TableReader;
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
 * Records written by SQLite itself, read back, decoded and encoded again: byte for byte the record SQLite wrote, in
 * tables and indexes, in each text encoding.
 */
class RecordEncoderTest {

    @TempDir
    Path dir;

    @Test
    void encodesEveryRecordAsSqliteWroteIt() throws Exception {
        for (String encoding : List.of("UTF-8", "UTF-16le", "UTF-16be")) {
            Path file = dir.resolve(encoding + ".db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = c.createStatement()) {
                s.execute("PRAGMA encoding = '" + encoding + "'");
                s.execute("CREATE TABLE v(a, b, c REAL, d TEXT, e BLOB)");
                s.execute("CREATE INDEX v_ab ON v(a, b)");
                // integers at every serial type's edges (0 and 1 have types of their own), reals, an integral
                // REAL (stored as an integer), text short and long (a two-byte serial type), blobs, NULLs
                s.execute("WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 63)"
                        + " INSERT INTO v SELECT (1 << i) - 1, -(1 << i), i * 1.5, substr(hex(randomblob(80)), 1,"
                        + " i * 3), randomblob(i) FROM k");
                s.execute("INSERT INTO v VALUES (NULL, 1, 2.0, 'é日本\uD83D\uDE00', x''), (-1, 0, -0.0, '', NULL),"
                        + " (9223372036854775807, -9223372036854775808, 1e300, 'x', x'00ff'),"
                        + " (127, 128, 32767.5, NULL, NULL), (-128, -129, NULL, 'ab', x'01')");
            }
            int records = 0;
            try (Database db = Database.open(file)) {
                Table v = db.schema().table("v").orElseThrow();
                records += check(db, v, encoding);
                Index ab = db.schema().indexesOf("v").get(0);
                records += checkIndex(db, ab, encoding);
            }
            assertThat(records).as(encoding).isEqualTo(2 * 69);
        }
    }

    private static int check(Database db, Table t, String what) throws Exception {
        int[] n = {0};
        new TableReader(db).read(t, (page, offset, size, rowid) -> {
            same(db, Arrays.copyOfRange(page.data(), offset, offset + size), what + " row " + rowid);
            n[0]++;
            return false;
        }, new RowSink() {
            @Override
            public boolean row(Row row) {
                throw new AssertionError("a row not wholly on its leaf: " + row);
            }
        });
        return n[0];
    }

    private static int checkIndex(Database db, Index index, String what) throws Exception {
        List<byte[]> records = new ArrayList<>();
        new BTreeWalker(db.pages(), db.usableSize()).walk(index.rootPage(), new TreeVisitor() {
            @Override
            public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                LocalPayload p = ((PayloadCell) cell).payload();
                assertThat(p.overflows()).isFalse();
                records.add(Arrays.copyOfRange(page.data(), p.localOffset(), p.localOffset() + p.localSize()));
            }
        });
        for (byte[] stored : records) {
            same(db, stored, what + " index record");
        }
        return records.size();
    }

    /** The record's values, read in place, encode to the very bytes SQLite stored. */
    private static void same(Database db, byte[] stored, String what) {
        RecordView view = new RecordView(db.encoding());
        assertThat(view.parse(stored, 0, stored.length, Integer.MAX_VALUE)).as(what).isTrue();
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < view.count(); i++) {
            values.add(view.value(i));
        }
        assertThat(RecordEncoder.encode(values, db.encoding())).as(what).isEqualTo(stored);
    }
}
