package dev.loupe.format.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Below schema format 4 SQLite ignores DESC in index definitions (fileformat2 §1.3.10): a database whose header
 * says format 1 gets every index column ascending from SQLite, and from {@code Schema.from(rows, 1)}.
 */
class LegacyFormatTest {

    @TempDir
    Path dir;

    @Test
    void descIsIgnoredBelowFormatFour() throws Exception {
        List<SchemaRow> rows;
        try (SqliteOracle db = SqliteOracle.create(dir, "legacy.db")) {
            db.exec("CREATE TABLE t(a, b, PRIMARY KEY(a DESC)) WITHOUT ROWID", "CREATE INDEX i ON t(b DESC)",
                    "CREATE TABLE u(a UNIQUE, b, UNIQUE(b DESC))");
            rows = db.schemaRows();
        }
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("legacy.db").toFile(), "rw")) {
            f.seek(44);
            assertThat(f.readInt()).isEqualTo(4);
            f.seek(44);
            f.writeInt(1);
        }
        Schema legacy = Schema.from(rows, 1);
        Schema current = Schema.from(rows, 4);
        try (SqliteOracle db = SqliteOracle.create(dir, "legacy.db")) {
            for (Index i : legacy.indexes()) {
                List<Long> desc = new ArrayList<>();
                for (Map<String, Object> r : db.query("SELECT desc FROM pragma_index_xinfo('" + i.name() + "')")) {
                    desc.add((Long) r.get("desc"));
                }
                assertThat(i.recordColumns()).extracting(c -> c.descending() ? 1L : 0L).containsExactlyElementsOf(desc);
            }
        }
        assertThat(legacy.table("t").orElseThrow().primaryKey()).extracting(IndexedColumn::descending)
                .containsExactly(false);
        assertThat(current.table("t").orElseThrow().primaryKey()).extracting(IndexedColumn::descending)
                .containsExactly(true);
        assertThat(current.index("i").orElseThrow().recordColumns()).extracting(IndexedColumn::descending)
                .containsExactly(true, true);
    }
}
