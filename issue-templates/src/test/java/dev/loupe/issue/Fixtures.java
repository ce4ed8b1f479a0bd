package dev.loupe.issue;

import dev.loupe.format.hexdb.HexDbWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reproducer directories written by hand in the shared format (as `loupe repro` writes them), one per failure class;
 * the database ones hold a real SQLite file damaged on purpose, with SQLite's own integrity_check verdict.
 */
final class Fixtures {

    static final List<String> CASES = List.of("wrong-result-sql", "error-mismatch-sql", "crash-sql",
            "corruption-file", "file-compat-file", "file-compat-sql");

    private Fixtures() {
    }

    static Path write(String name, Path dir) throws Exception {
        Files.createDirectories(dir.resolve("outputs"));
        switch (name) {
            case "wrong-result-sql" -> sql(dir, "wrong-result", 1, "SELECT",
                    "SELECT 1e308 * 10 differs: sqlite returns Inf, turso returns NULL",
                    "CREATE TABLE t(a REAL);\nSELECT 1e308 * 10, 'it''s $HOME `x`';\n",
                    Map.of("sqlite", "\nInf|it's $HOME `x`\n", "turso", "\n|it's $HOME `x`\n"),
                    "{\"rows\":[[{\"r\":\"Inf\"},{\"t\":\"it's $HOME `x`\"}]]}",
                    "{\"rows\":[[null,{\"t\":\"it's $HOME `x`\"}]]}");
            case "error-mismatch-sql" -> sql(dir, "error-mismatch", 2, "INSERT",
                    "INSERT of a text into a STRICT INTEGER column: \"cannot store\" on sqlite, accepted by turso",
                    "CREATE TABLE t(a INTEGER) STRICT;\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES ('x');\n",
                    Map.of("sqlite", "\n\nError: cannot store TEXT value in INTEGER column t.a (CONSTRAINT)\n",
                            "turso", "\n\n\n"),
                    "{\"error\":{\"class\":\"CONSTRAINT\",\"message\":\"cannot store TEXT value in INTEGER column t.a\"}}",
                    "{\"rows\":[]}");
            case "crash-sql" -> sql(dir, "crash", 0, "SELECT",
                    "turso panics on a recursive CTE with\na newline, \"quotes\" and ünïcödé",
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5) SELECT max(x) FROM c;\n",
                    Map.of("sqlite", "5\n", "turso", "(aborted: crash, exit 101)\n"),
                    "{\"rows\":[[{\"i\":\"5\"}]]}",
                    "{\"aborted\":{\"kind\":\"CRASH\",\"detail\":\"exit 101\"}}");
            case "corruption-file" -> file(dir, "corruption", "check:cell-pointer-out-of-range",
                    "cell-pointer-out-of-range on page 2 of table t", false);
            case "file-compat-file" -> file(dir, "file-compat", "filediff",
                    "sqlite rejects a table b-tree page written by turso", true);
            case "file-compat-sql" -> fileDiffSql(dir);
            default -> throw new IllegalArgumentException(name);
        }
        return dir;
    }

    /** The shell engine of the filediff fixture: sqlite3 writing the legacy file format (schema format 1). */
    static final String LEGACY = "cmd:sqlite3 -batch -cmd '.dbconfig legacy_file_format on' {db}";

    /**
     * A filediff reproducer as `repro sql --oracle filediff` writes it: SQLite in process against the sqlite3 shell
     * writing the legacy file format, where the value 0 cannot use serial type 8.
     */
    private static void fileDiffSql(Path dir) throws IOException {
        String script = "CREATE TABLE t0(id INTEGER PRIMARY KEY, a INTEGER, b TEXT);\n"
                + "INSERT INTO t0 VALUES (1, 0, 'x');\n";
        String text = "table t0\n"
                + "  incompatible  encoding          rowid 1  column a: the same value stored as zero (serial type 8)"
                + " vs int8 (serial type 1)\n"
                + "      A page 2 @4089: zero (serial type 8) = 0\n"
                + "      B page 2 @4090: int8 (serial type 1) 00 = 0\n"
                + "benign (--benign lists them): header 1, cell-placement 1\n"
                + "1 incompatible, 2 benign differences\n";
        String summary = "t0 rowid 1: column a: the same value stored as zero (serial type 8) vs"
                + " int8 (serial type 1)";
        String json = "{\n  \"kind\": \"sql\",\n  \"loupeVersion\": \"0.1.0-SNAPSHOT\",\n"
                + "  \"created\": \"2026-11-22T03:00:00Z\",\n"
                + "  \"engines\": [{\"name\": \"sqlite\", \"version\": \"3.54.1\"},"
                + " {\"name\": " + jsonString(LEGACY) + ", \"version\": \"unknown\"}],\n"
                + "  \"reference\": \"sqlite\",\n  \"oracle\": \"filediff\",\n"
                + "  \"failure\": {\"class\": \"file-compat\", \"statementIndex\": null,"
                + " \"statementClass\": \"SCRIPT\","
                + " \"signature\": \"encoding\", \"summary\": " + jsonString(summary) + "},\n"
                + "  \"original\": {\"statements\": 60, \"bytes\": 2719, \"pages\": null},\n"
                + "  \"reduced\": {\"statements\": 2, \"bytes\": " + script.length() + ", \"pages\": null},\n"
                + "  \"steps\": 41,\n  \"millis\": 2900,\n"
                + "  \"outcomes\": {\"sqlite\": {\"rows\": []}, " + jsonString(LEGACY)
                + ": {\"columns\": [\"stdout\", \"stderr\", \"exit\"], \"rows\": [[{\"t\": \"\"}, {\"t\": \"\"},"
                + " {\"i\": \"0\"}]]}},\n"
                + "  \"finding\": null,\n"
                + "  \"fileDiff\": {\"fileA\": \"run.db\", \"fileB\": \"run.db\", \"incompatible\": 1, \"benign\": 2,"
                + " \"summary\": \"1 incompatible, 2 benign differences\", \"firstIncompatible\": {\"class\":"
                + " \"incompatible\", \"kind\": \"encoding\", \"signature\": \"encoding\"}, \"text\": "
                + jsonString(text) + "},\n"
                + "  \"databases\": {\"sqlite\": \"databases/sqlite.db\", " + jsonString(LEGACY) + ": "
                + jsonString("databases/" + dev.loupe.repro.sql.SqlReproducerWriter.fileName(LEGACY) + ".db")
                + "}\n}\n";
        Files.writeString(dir.resolve("reproducer.json"), json);
        Files.writeString(dir.resolve("repro.sql"), script);
        Files.writeString(dir.resolve("outputs").resolve("sqlite.txt"), "-- [0] CREATE TABLE t0(id INTEGER PRIMARY"
                + " KEY, a INTEGER, b TEXT)\nok\n-- [1] INSERT INTO t0 VALUES (1, 0, 'x')\nok\n");
    }

    private static void sql(Path dir, String failureClass, int index, String statementClass, String summary,
                            String script, Map<String, String> outputs, String sqliteOutcome, String tursoOutcome)
            throws IOException {
        int statements = (int) script.lines().count();
        String json = "{\n  \"kind\": \"sql\",\n  \"loupeVersion\": \"0.1.0-SNAPSHOT\",\n"
                + "  \"created\": \"2026-11-22T03:00:00Z\",\n"
                + "  \"engines\": [{\"name\": \"sqlite\", \"version\": \"3.54.1\"},"
                + " {\"name\": \"turso\", \"version\": \"0.7.2\"}],\n"
                + "  \"reference\": \"sqlite\",\n  \"oracle\": \"" + (failureClass.equals("crash") ? "crash" : "diff")
                + "\",\n  \"failure\": {\"class\": \"" + failureClass + "\", \"statementIndex\": " + index
                + ", \"statementClass\": \"" + statementClass + "\", \"summary\": " + jsonString(summary) + "},\n"
                + "  \"original\": {\"statements\": 214, \"bytes\": 9876, \"pages\": null},\n"
                + "  \"reduced\": {\"statements\": " + statements + ", \"bytes\": " + script.length()
                + ", \"pages\": null},\n  \"steps\": 57,\n  \"millis\": 4321,\n"
                + "  \"outcomes\": {\"sqlite\": " + sqliteOutcome + ", \"turso\": " + tursoOutcome + "},\n"
                + "  \"finding\": null\n}\n";
        Files.writeString(dir.resolve("reproducer.json"), json);
        Files.writeString(dir.resolve("repro.sql"), script);
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            Files.writeString(dir.resolve("outputs").resolve(e.getKey() + ".txt"), e.getValue());
        }
    }

    /** A 512-byte-page database with one table, page 2's first cell pointer aimed past the page. */
    private static void file(Path dir, String failureClass, String oracle, String summary, boolean tursoOutput)
            throws Exception {
        Path db = dir.resolve("repro.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=512");
            s.execute("PRAGMA journal_mode=DELETE");
            s.execute("CREATE TABLE t(a TEXT)");
            s.execute("INSERT INTO t VALUES ('hello'), ('loupe'), ('world')");
        }
        byte[] image = Files.readAllBytes(db);
        int cellPointer = 512 + 8; // page 2, a leaf: the cell pointer array follows the 8-byte header
        image[cellPointer] = (byte) 0x0f;
        image[cellPointer + 1] = (byte) 0xf0;
        Files.write(db, image);
        Files.deleteIfExists(dir.resolve("repro.db-journal"));
        String verdict = integrityCheck(image, dir.getParent());
        Files.writeString(dir.resolve("repro.hexdb"), HexDbWriter.toText(image, 512, "repro.db"));
        Files.writeString(dir.resolve("outputs").resolve("sqlite.txt"), verdict + "\n");
        if (tursoOutput) {
            Files.writeString(dir.resolve("outputs").resolve("turso.txt"), "ok\n");
        }
        String first = verdict.lines().filter(l -> !l.startsWith("***")).findFirst().orElse(verdict);
        String json = "{\n  \"kind\": \"file\",\n  \"loupeVersion\": \"0.1.0-SNAPSHOT\",\n"
                + "  \"created\": \"2026-11-22T03:00:00Z\",\n"
                + "  \"engines\": [{\"name\": \"sqlite\", \"version\": \"3.54.1\"}"
                + (tursoOutput ? ", {\"name\": \"turso\", \"version\": \"0.7.2\"}" : "") + "],\n"
                + "  \"reference\": \"sqlite\",\n  \"oracle\": \"" + oracle + "\",\n"
                + "  \"failure\": {\"class\": \"" + failureClass + "\", \"statementIndex\": null,"
                + " \"statementClass\": null, \"summary\": " + jsonString(summary) + "},\n"
                + "  \"original\": {\"statements\": 0, \"bytes\": 524288, \"pages\": 1024},\n"
                + "  \"reduced\": {\"statements\": 0, \"bytes\": " + image.length + ", \"pages\": "
                + image.length / 512 + "},\n  \"steps\": 311,\n  \"millis\": 2500,\n  \"outcomes\": {},\n"
                + "  \"finding\": {\"code\": \"cell-pointer-out-of-range\", \"severity\": \"error\","
                + " \"message\": \"cell 0 pointer 4080 is past the end of the 512-byte page\", \"page\": 2,"
                + " \"cell\": 0, \"offset\": 8, \"length\": 2, \"sqlite\": " + jsonString(first) + "}\n}\n";
        Files.writeString(dir.resolve("reproducer.json"), json);
    }

    /** SQLite's PRAGMA integrity_check on a copy (SQLite may create files beside what it opens). */
    static String integrityCheck(byte[] image, Path scratch) throws IOException, SQLException {
        Path copy = Files.createTempFile(scratch, "copy", ".db");
        Files.write(copy, image);
        StringJoiner out = new StringJoiner("\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            out.add("Error: " + e.getMessage());
        }
        return out.toString();
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
