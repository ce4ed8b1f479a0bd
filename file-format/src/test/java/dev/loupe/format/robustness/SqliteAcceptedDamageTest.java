package dev.loupe.format.robustness;

import dev.loupe.format.Database;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.format.oracle.Values;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.TableReader;
import dev.loupe.samples.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite as the oracle on damaged files: of the seeded mutants of {@link MutationRobustnessTest}'s families, those
 * that SQLite's {@code PRAGMA integrity_check} passes as "ok" (damage SQLite does not see: flipped bits inside
 * values, a changed header field it ignores, a freeblock it does not follow) must read exactly as SQLite reads
 * them: the same tables, and for each the same rows, value for value ({@code SELECT rowid, * ... NOT INDEXED}).
 * Tables SQLite itself refuses to scan (an error at query time) are skipped; the mutants SQLite rejects are
 * counted, not compared ({@code -Dloupe.robustness.debug=true} prints SQLite's verdict on each).
 */
class SqliteAcceptedDamageTest {

    static final int CASES = Integer.getInteger("loupe.robustness.oracleCases", 160);
    /** The kinds of damage SQLite often lets through; the others mostly make integrity_check fail. */
    static final DbDamage[] FAMILIES = {DbDamage.VALUE_BITS, DbDamage.TYPE_SWAP, DbDamage.VALUE_BITS,
            DbDamage.TYPE_SWAP, DbDamage.HEADER_FIELDS, DbDamage.FREEBLOCKS, DbDamage.SERIAL_TYPES,
            DbDamage.FREELIST};

    static final Map<Sample, SampleAnatomy> ANATOMY = new EnumMap<>(Sample.class);

    @TempDir
    Path tmp;

    @BeforeAll
    static void anatomy() throws Exception {
        for (Sample s : Sample.values()) {
            ANATOMY.put(s, SampleAnatomy.of(s));
        }
    }

    @Test
    void mutantsSqliteAcceptsReadAsSqliteReadsThem() throws Exception {
        Sample[] samples = Sample.values();
        List<String> mismatches = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int tablesCompared = 0;
        long rowsCompared = 0;
        for (int i = 0; i < CASES; i++) {
            DbDamage family = FAMILIES[i % FAMILIES.length];
            long caseSeed = MutationRobustnessTest.caseSeed(200 + family.ordinal(), i);
            Sample sample = samples[i % samples.length];
            StringBuilder log = new StringBuilder();
            byte[] image = family.apply(ANATOMY.get(sample), new SplittableRandom(caseSeed), log);
            Path dir = Files.createDirectories(tmp.resolve("case-" + i));
            Path db = dir.resolve(sample.fileName());
            Files.write(db, image);
            String id = String.format("%s #%d on %s (case seed 0x%x; damage: %s)", family, i, sample.fileName(),
                    caseSeed, log);
            try (Sqlite sqlite = Sqlite.openCopy(db, dir.resolve("sqlite"))) {
                if (!integrityOk(sqlite)) {
                    if (Boolean.getBoolean("loupe.robustness.debug")) {
                        System.out.println(id + " -> " + integrity(sqlite));
                    }
                    rejected++;
                    continue;
                }
                accepted++;
                try (Database ours = Database.fromImage(image, sample.fileName())) {
                    List<String> sqliteTables = sqlite.query("SELECT name FROM sqlite_schema WHERE type = 'table'"
                            + " ORDER BY name").stream().map(r -> String.valueOf(r.get(0))).toList();
                    List<String> ourTables = ours.schema().tables().stream().map(Table::name).sorted().toList();
                    if (!ourTables.equals(sqliteTables)) {
                        mismatches.add(id + ": tables " + ourTables + ", SQLite " + sqliteTables);
                        continue;
                    }
                    for (Table t : ours.schema().tables()) {
                        if (t.virtual()) {
                            continue;
                        }
                        List<String> expected;
                        try {
                            expected = sqliteRows(sqlite, t);
                        } catch (SQLException e) {
                            continue; // SQLite cannot scan it either: nothing to compare
                        }
                        List<String> actual = ourRows(ours, t);
                        tablesCompared++;
                        rowsCompared += expected.size();
                        if (!actual.equals(expected)) {
                            mismatches.add(id + ": table " + t.name() + " differs: " + firstDifference(actual,
                                    expected));
                        }
                    }
                }
            } catch (SQLException e) {
                rejected++; // SQLite cannot open or parse the schema: "file is not a database" and the like
            }
        }
        System.out.printf("SQLite accepted %d of %d mutants (rejected %d); compared %d tables, %d rows; "
                + "%d mismatches%n", accepted, CASES, rejected, tablesCompared, rowsCompared, mismatches.size());
        assertThat(accepted).as("mutants SQLite accepts (the test must compare something)").isGreaterThan(CASES / 10);
        assertThat(mismatches).as("mutants SQLite accepts but we read differently").isEmpty();
    }

    private static String integrity(Sqlite sqlite) {
        try {
            return String.valueOf(sqlite.query("PRAGMA integrity_check"));
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private static boolean integrityOk(Sqlite sqlite) {
        try {
            List<List<Object>> rows = sqlite.query("PRAGMA integrity_check");
            return rows.size() == 1 && "ok".equals(rows.get(0).get(0));
        } catch (SQLException e) {
            return false;
        }
    }

    private static List<String> sqliteRows(Sqlite sqlite, Table t) throws SQLException {
        List<Integer> cols = comparableColumns(t);
        String select = (t.withoutRowid() ? "SELECT " : "SELECT rowid, ")
                + cols.stream().map(i -> Sqlite.quote(t.columns().get(i).name())).collect(Collectors.joining(", "))
                + " FROM " + Sqlite.quote(t.name()) + " NOT INDEXED";
        List<String> out = new ArrayList<>();
        for (List<Object> r : sqlite.query(select)) {
            out.add(r.stream().map(Values::ofJdbc).collect(Collectors.joining(" | ")));
        }
        return out;
    }

    private static List<String> ourRows(Database db, Table t) throws Exception {
        List<Integer> cols = comparableColumns(t);
        List<String> out = new ArrayList<>();
        for (Row row : new TableReader(db).readAll(t)) {
            List<String> cells = new ArrayList<>();
            if (row.rowid() != null) {
                cells.add("integer:" + row.rowid());
            }
            for (int i : cols) {
                cells.add(Values.of(row.values().get(i)));
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }

    /** Stored, visible columns: SQLite computes VIRTUAL generated columns, which the file does not hold. */
    private static List<Integer> comparableColumns(Table t) {
        List<Integer> out = new ArrayList<>();
        List<Column> cols = t.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (!cols.get(i).hidden() && cols.get(i).isStored()) {
                out.add(i);
            }
        }
        return out;
    }

    private static String firstDifference(List<String> ours, List<String> sqlite) {
        for (int i = 0; i < Math.min(ours.size(), sqlite.size()); i++) {
            if (!ours.get(i).equals(sqlite.get(i))) {
                return "row " + i + ": ours [" + ours.get(i) + "], SQLite [" + sqlite.get(i) + "]";
            }
        }
        return ours.size() + " rows, SQLite " + sqlite.size();
    }
}
