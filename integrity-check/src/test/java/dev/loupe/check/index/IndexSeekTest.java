package dev.loupe.check.index;

import dev.loupe.format.Database;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.find.TreeSearch;
import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup that compares cells on their record bytes finds exactly what one that decodes every probed cell finds:
 * the same entry, or nothing, for keys that are there and keys that are not, whole entries and key prefixes, in
 * indexes of mixed types, NOCASE, RTRIM and DESC columns, in each text encoding, and in an index out of key order
 * (where both must probe the same cells, as SQLite's OP_Found does).
 */
class IndexSeekTest {

    @TempDir
    Path dir;

    @Test
    void lookupsOnRecordBytesFindWhatDecodedLookupsFind() throws Exception {
        int found = 0;
        int lookups = 0;
        for (String encoding : List.of("UTF-8", "UTF-16le", "UTF-16be")) {
            Path file = dir.resolve(encoding + ".db");
            IndexFixtures.build(file, "PRAGMA encoding = '" + encoding + "'",
                    "CREATE TABLE t(a, b INT, c REAL, d TEXT COLLATE NOCASE, e BLOB)",
                    // values of every kind in a, text that differs only in case or trailing spaces
                    "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000)"
                            + " INSERT INTO t SELECT CASE i % 5 WHEN 0 THEN i WHEN 1 THEN i * 0.5 WHEN 2 THEN NULL"
                            + " ELSE 'k' || (i * 7919 % 3001) || substr('  ', 1, i % 3) END, i % 37 - 18,"
                            + " CASE WHEN i % 4 = 0 THEN NULL ELSE i / 7.0 END,"
                            + " CASE i % 3 WHEN 0 THEN 'Name' || (i % 50) ELSE 'nAME' || (i % 50) END,"
                            + " CASE WHEN i % 6 = 0 THEN NULL ELSE randomblob(i % 5) END FROM s",
                    "CREATE INDEX ta ON t(a)", "CREATE INDEX tbc ON t(b DESC, c)", "CREATE INDEX td ON t(d)",
                    "CREATE INDEX tae ON t(a COLLATE RTRIM, e)", "CREATE INDEX tdc ON t(d DESC, c COLLATE NOCASE)");
            int[] n = compareAll(file, encoding);
            found += n[0];
            lookups += n[1];
        }
        // a key damaged in place: the index out of key order, where a descent can miss entries that are there
        Path disordered = dir.resolve("disordered.db");
        IndexFixtures.build(disordered, "CREATE TABLE t(a TEXT)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 4000)"
                        + " INSERT INTO t SELECT 'name ' || (i * 7919 % 4001) FROM s",
                "CREATE INDEX ta ON t(a)");
        byte[] image = java.nio.file.Files.readAllBytes(disordered);
        int pageSize = ((image[16] & 0xff) << 8) | (image[17] & 0xff);
        long leaf = -1;
        for (int p = 1; p < image.length / pageSize && leaf < 0; p++) {
            if (image[p * pageSize] == 10 && new String(image, p * pageSize, pageSize, StandardCharsets.ISO_8859_1)
                    .contains("name 3")) {
                leaf = p + 1;
            }
        }
        IndexFixtures.patchPage(disordered, leaf, "name 3", "zame 3", StandardCharsets.UTF_8);
        int[] n = compareAll(disordered, "disordered");
        found += n[0];
        lookups += n[1];
        assertThat(lookups).isGreaterThan(50_000);
        assertThat(found).isGreaterThan(lookups / 4).isLessThan(lookups);
    }

    /** {found, lookups} over every index of {@code file}, each key looked up both ways. */
    private static int[] compareAll(Path file, String what) throws Exception {
        int found = 0;
        int lookups = 0;
        try (Database db = Database.open(file)) {
            TreeSearch search = new TreeSearch(db.pages(), db.usableSize(), db.encoding());
            for (Index index : db.schema().indexesOf("t")) {
                KeyComparator order = new KeyComparator(index.recordColumns(), db.encoding());
                IndexSeek onBytes = new IndexSeek(db, search, order, true);
                IndexSeek decoded = new IndexSeek(db, search, order, false);
                Random r = new Random(index.name().hashCode());
                for (List<Value> entry : entries(file, index)) {
                    List<List<Value>> keys = new ArrayList<>();
                    keys.add(entry);
                    keys.add(entry.subList(0, entry.size() - 1)); // the key without its rowid
                    List<Value> other = new ArrayList<>(entry);
                    other.set(entry.size() - 1, IntegerValue.of(r.nextInt(4000))); // another rowid
                    keys.add(other);
                    for (List<Value> key : keys) {
                        IndexSeek.Hit a = onBytes.find(index.rootPage(), key);
                        IndexSeek.Hit b = decoded.find(index.rootPage(), key);
                        String as = what + " " + index.name() + " " + key;
                        assertThat(a == null).as(as).isEqualTo(b == null);
                        if (a != null) {
                            assertThat(a.page()).as(as).isEqualTo(b.page());
                            assertThat(a.cell().index()).as(as).isEqualTo(b.cell().index());
                            assertThat(a.values()).as(as).isEqualTo(b.values());
                            found++;
                        }
                        lookups++;
                    }
                }
            }
        }
        return new int[] {found, lookups};
    }

    /** Each row's entry in {@code index} (its key columns, then the rowid), read through SQLite. */
    private static List<List<Value>> entries(Path file, Index index) throws Exception {
        List<String> cols = new ArrayList<>();
        for (var c : index.columns()) {
            cols.add(c.column());
        }
        List<List<Value>> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", cols) + ", rowid FROM t")) {
            while (rs.next()) {
                List<Value> key = new ArrayList<>();
                for (int i = 1; i <= cols.size() + 1; i++) {
                    Object o = rs.getObject(i);
                    key.add(o == null ? NullValue.INSTANCE : o instanceof Integer v ? IntegerValue.of(v)
                            : o instanceof Long v ? IntegerValue.of(v) : o instanceof Double v ? new RealValue(v)
                            : o instanceof byte[] v ? new BlobValue(v) : new TextValue(o.toString()));
                }
                out.add(key);
            }
        }
        return out;
    }
}
