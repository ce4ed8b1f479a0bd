package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every `loupe wal` subcommand and `loupe shm` find their files by the same rules (WalFiles) and say the same one
 * line for the same mistake; where a rule decides which files are read, SQLite reading those files is the check.
 */
class WalFilesRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path db;

    @BeforeEach
    void sample() throws Exception {
        db = Samples.copyTo(Sample.WAL, dir.resolve("s"));
    }

    /** The commands that read the WAL, given FILE. */
    private static final List<Function<String, String[]>> WAL_READERS = List.of(
            f -> new String[]{"wal", f},
            f -> new String[]{"wal", "commits", f},
            f -> new String[]{"wal", "history", f, "1"},
            f -> new String[]{"wal", "diff", f, "1", "db", "db"},
            f -> new String[]{"wal", "track", f, "accounts", "1"});

    /** The commands that read the database file, given FILE. */
    private static final List<Function<String, String[]>> DATABASE_READERS = List.of(
            f -> new String[]{"wal", "checkout", "--commit", "0", "-o", f + ".out", f},
            f -> new String[]{"wal", "bisect", "--quick", f});

    @Test
    void theSameMistakeGivesTheSameLineEverywhere() throws Exception {
        Path missing = dir.resolve("none.db");
        Path noWal = Samples.copyTo(Sample.DEMO, dir.resolve("d"));
        Path folder = Files.createDirectories(dir.resolve("folder.db"));
        List<Function<String, String[]>> all = new ArrayList<>(WAL_READERS);
        all.addAll(DATABASE_READERS);
        for (Function<String, String[]> command : all) {
            assertError(Cli.run(command.apply(missing.toString())), ExitCode.UNREADABLE, missing + ": no such file");
            assertError(Cli.run(command.apply(folder.toString())), ExitCode.UNREADABLE,
                    folder + ": is a directory, not a database file");
            assertError(Cli.run(with(command.apply(db.toString()), "--wal", dir.resolve("x-wal").toString())),
                    ExitCode.UNREADABLE, dir.resolve("x-wal") + ": no such WAL file");
        }
        for (Function<String, String[]> command : WAL_READERS) {
            assertError(Cli.run(command.apply(noWal.toString())), ExitCode.UNREADABLE,
                    noWal + "-wal: no such WAL file (the database has no WAL; name one with --wal PATH)");
            assertError(Cli.run(with(command.apply(db.toString()), "--wal", "ignore")), ExitCode.USAGE,
                    "--wal ignore makes no sense here: this command reads the WAL");
        }
        assertError(Cli.run("shm", dir.resolve("x.db-shm").toString()), ExitCode.UNREADABLE,
                dir.resolve("x.db-shm") + ": no such file");
        assertError(Cli.run("shm", "--wal", dir.resolve("x-wal").toString(), folder.toString()),
                ExitCode.UNREADABLE, folder + ": is a directory, not a -shm file");
    }

    @Test
    void aWalWithoutItsDatabaseIsReadByTheWalCommandsAndRefusedByTheOthers() throws Exception {
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("wal.db-wal");
        Files.copy(Path.of(db + "-wal"), alone);
        Cli commits = Cli.run("wal", "commits", "--format", "json", alone.toString());
        assertThat(commits.exitCode()).as(commits.err()).isEqualTo(ExitCode.OK);
        JsonNode root = JSON.readTree(commits.out());
        assertThat(root.get("database").isNull()).isTrue();
        assertThat(root.get("commits")).hasSize(29);
        // The commit sizes are those SQLite gives with the database beside the WAL; the owners need the database.
        Cli withDb = Cli.run("wal", "commits", "--format", "json", db.toString());
        for (int i = 0; i < 29; i++) {
            assertThat(root.get("commits").get(i).get("databaseSize"))
                    .isEqualTo(JSON.readTree(withDb.out()).get("commits").get(i).get("databaseSize"));
        }
        assertThat(Cli.run("wal", alone.toString()).out()).contains("Database   none beside the WAL");
        Cli history = Cli.run("wal", "history", alone.toString(), "5");
        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.OK);
        assertThat(history.out()).contains("not in the database file");
        for (Function<String, String[]> command : DATABASE_READERS) {
            assertError(Cli.run(command.apply(alone.toString())), ExitCode.UNREADABLE, alone.resolveSibling("wal.db")
                    + ": no such database file (wal.db-wal is its WAL; this command reads the database file)");
        }
    }

    @Test
    void walPathNamesTheWalAndFileStillNamesTheDatabase() throws Exception {
        // The sample's WAL moved elsewhere: every command reads it through --wal, with FILE the database or its
        // (absent) -wal name. What checkout writes is what SQLite reads from the database with that WAL beside it.
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("moved-wal");
        Files.move(Path.of(db + "-wal"), elsewhere);
        Path out = dir.resolve("latest.db");
        Cli checkout = Cli.run("wal", "checkout", "--commit", "latest", "-o", out.toString(), "--wal",
                elsewhere.toString(), db.toString());
        assertThat(checkout.exitCode()).as(checkout.err()).isEqualTo(ExitCode.OK);
        Path copy = Files.createDirectories(dir.resolve("oracle")).resolve("o.db");
        Files.copy(db, copy);
        Files.copy(elsewhere, Path.of(copy + "-wal"));
        assertThat(rows(out)).isEqualTo(rows(copy)).isNotEmpty();

        Files.copy(elsewhere, Path.of(db + "-wal"));
        Cli history = Cli.run("wal", "history", "--wal", elsewhere.toString(), db + "-wal", "5");
        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCode.OK);
        assertThat(history.out()).startsWith("Page 5 of wal.db: ");
        JsonNode summary = JSON.readTree(Cli.run("wal", "--format", "json", "--wal", elsewhere.toString(),
                db + "-wal").out());
        assertThat(summary.get("database").asText()).isEqualTo(db.toString());
        assertThat(summary.get("wal").asText()).isEqualTo(elsewhere.toString());
    }

    @Test
    void walIgnoreLeavesCheckoutAndBisectTheDatabaseFileAlone() throws Exception {
        Path out = dir.resolve("file-only.db");
        Cli checkout = Cli.run("wal", "checkout", "--commit", "0", "-o", out.toString(), "--wal", "ignore",
                "--format", "json", db.toString());
        assertThat(checkout.exitCode()).as(checkout.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(checkout.out()).get("wal").isNull()).isTrue();
        assertError(Cli.run("wal", "checkout", "--commit", "1", "-o", dir.resolve("x.db").toString(), "--wal",
                "ignore", db.toString()), ExitCode.USAGE, "only commit 0 (the database file) exists");
        // SQLite reading the database file without its WAL sees the same rows.
        Path copy = Files.createDirectories(dir.resolve("nowal")).resolve("n.db");
        Files.copy(db, copy);
        assertThat(rows(out)).isEqualTo(rows(copy));
        Cli bisect = Cli.run("wal", "bisect", "--wal", "ignore", db.toString());
        assertThat(bisect.exitCode()).as(bisect.err()).isEqualTo(ExitCode.OK);
        assertThat(bisect.out()).contains("(no WAL): 0 valid commits");
    }

    /** {@code args} with options added at the end (picocli takes a subcommand's options after its operands). */
    private static String[] with(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    /** SQLite's rows of every table, in order. */
    private static List<String> rows(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder b = new StringBuilder(t);
                        for (int i = 1; i <= n; i++) {
                            b.append('|').append(r.getString(i));
                        }
                        out.add(b.toString());
                    }
                }
            }
        }
        return out;
    }

    private static void assertError(Cli r, int code, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("loupe: ").contains(message);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}
