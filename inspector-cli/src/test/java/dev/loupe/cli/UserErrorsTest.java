package dev.loupe.cli;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors a user can cause: one clear line on stderr, the documented exit code, never a stack trace. */
class UserErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void missingFile() {
        Cli r = Cli.run("info", tmp.resolve("nope.db").toString());
        assertOneLineError(r, ExitCode.UNREADABLE, "no such file");
    }

    @Test
    void directory() {
        Cli r = Cli.run("rows", tmp.toString(), "t");
        assertOneLineError(r, ExitCode.UNREADABLE, "is a directory");
    }

    @Test
    void notADatabase() throws Exception {
        Path txt = Files.writeString(tmp.resolve("notes.txt"), "just some text, not SQLite\n".repeat(50));
        Cli r = Cli.run("rows", txt.toString(), "t");
        assertOneLineError(r, ExitCode.UNREADABLE, "not an SQLite database");
    }

    @Test
    void infoOnANonDatabaseReportsTheHeaderInsteadOfFailing() throws Exception {
        Path txt = Files.writeString(tmp.resolve("notes.txt"), "just some text, not SQLite\n".repeat(50));
        Cli r = Cli.run("info", txt.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("header-magic");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void emptyFile() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.db"));
        Cli r = Cli.run("info", empty.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("file-truncated");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void unknownTableListsTheTables() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli r = Cli.run("rows", db.toString(), "bookz");
        assertOneLineError(r, ExitCode.USAGE, "no such table: bookz (tables: authors, books,");
    }

    @Test
    void viewIsNotATable() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli r = Cli.run("rows", db.toString(), "open_loans");
        assertOneLineError(r, ExitCode.USAGE, "is a view");
    }

    @Test
    void badOptionIsAUsageError() {
        Cli r = Cli.run("info", "--frobnicate", "x.db");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Unknown option").contains("--help");
    }

    @Test
    void badFormatIsAUsageError() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli r = Cli.run("rows", "--format", "xml", db.toString(), "books");
        assertOneLineError(r, ExitCode.USAGE, "--format must be");
    }

    @Test
    void missingWalFile() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli r = Cli.run("info", "--wal", tmp.resolve("x-wal").toString(), db.toString());
        assertOneLineError(r, ExitCode.UNREADABLE, "no such WAL file");
    }

    @Test
    void versionAndHelp() {
        Cli v = Cli.run("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("loupe ").doesNotContain("unknown");
        Cli h = Cli.run("--help");
        assertThat(h.exitCode()).isZero();
        assertThat(h.out()).contains("info").contains("rows").contains("demo").contains("Exit codes");
        Cli rh = Cli.run("rows", "--help");
        assertThat(rh.out()).contains("Examples:");
    }

    private static void assertOneLineError(Cli r, int code, String text) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("loupe: ").contains(text).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
