package dev.loupe.format.hexdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text written by SQLite's own dbtotxt: the x9.db example of SQLite's {@code tool/dbtotxt.md} (public domain).
 * Loupe must read it without complaint and write exactly the same text back from the bytes; the sqlite3 CLI
 * running the example script and sqlite-jdbc reading Loupe's bytes must agree on the rows.
 */
class HexDbSampleTest {

    /** Verbatim from tool/dbtotxt.md, without the markdown indent. */
    static final String X9 = """
            | size 8192 pagesize 4096 filename x9.db
            | page 1 offset 0
            |      0: 53 51 4c 69 74 65 20 66 6f 72 6d 61 74 20 33 00   SQLite format 3.
            |     16: 10 00 01 01 00 40 20 20 00 00 00 04 00 00 00 02   .....@  ........
            |     32: 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 04   ................
            |     48: 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00   ................
            |     80: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 04   ................
            |     96: 00 2e 30 38 0d 00 00 00 01 0f c0 00 0f c0 00 00   ..08............
            |   4032: 3e 01 06 17 11 11 01 69 74 61 62 6c 65 74 31 74   >......itablet1t
            |   4048: 31 02 43 52 45 41 54 45 20 54 41 42 4c 45 20 74   1.CREATE TABLE t
            |   4064: 31 28 78 2c 79 20 44 45 46 41 55 4c 54 20 78 27   1(x,y DEFAULT x'
            |   4080: 66 66 27 2c 7a 20 44 45 46 41 55 4c 54 20 30 29   ff',z DEFAULT 0)
            | page 2 offset 4096
            |      0: 0d 08 14 00 04 00 10 00 0e 05 0a 0f 04 15 00 10   ................
            |     16: 88 02 03 05 90 04 0e 08 00 00 00 00 00 00 00 00   ................
            |   1040: 00 00 00 00 ff 87 7c 02 05 8f 78 0e 08 00 00 00   ......|...x.....
            |   2064: 00 00 00 ff 0c 0a 01 fb 00 00 00 00 00 00 00 00   ................
            |   2560: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 83   ................
            |   2576: 78 01 05 87 70 0e 08 00 00 00 00 00 00 00 00 00   x...p...........
            |   3072: 00 00 00 00 00 00 00 00 00 ff 00 00 01 fb 00 00   ................
            |   3584: 00 00 00 00 00 83 78 00 05 87 70 0e 08 00 00 00   ......x...p.....
            |   4080: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff   ................
            | end x9.db
            """;

    static final String SCRIPT = ".open --hexdb\n" + X9 + "SELECT rowid FROM t1;\nPRAGMA integrity_check;\n";

    @TempDir
    Path dir;

    @Test
    void readsDbtotxtOutputAndWritesItBackIdentically() {
        HexDbImage image = HexDbReader.read(X9);
        assertThat(image.problems()).isEmpty();
        assertThat(image.pageSize()).isEqualTo(4096);
        assertThat(image.name()).isEqualTo("x9.db");
        assertThat(image.bytes()).hasSize(8192);
        assertThat(HexDbWriter.toText(image.bytes(), 4096, "x9.db")).isEqualTo(X9);
    }

    @Test
    void theScriptFormReadsTheSame() {
        HexDbImage script = HexDbReader.read(SCRIPT);
        assertThat(script.problems()).as("a leading .open line and trailing SQL are no problem").isEmpty();
        assertThat(script.bytes()).isEqualTo(HexDbReader.read(X9).bytes());
    }

    @Test
    void cliOnTheTextAndSqliteOnLoupesBytesAgree() throws Exception {
        SqliteCli.Result cli = SqliteCli.run(dir, SCRIPT);
        assertThat(cli.err()).isEmpty();

        Path db = dir.resolve("x9.db");
        Files.write(db, HexDbReader.read(X9).bytes());
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT rowid FROM t1")) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        assertThat(rows).containsExactly("0", "1", "2", "3", "ok");
        assertThat(cli.out().lines().toList()).isEqualTo(rows);

        byte[] saved = SqliteCli.loadAndSave(dir, X9);
        assertThat(SqliteCli.firstDifference(SqliteCli.maskBackupFields(saved),
                SqliteCli.maskBackupFields(HexDbReader.read(X9).bytes()))).isEqualTo(-1);
    }
}
