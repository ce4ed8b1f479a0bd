package dev.loupe.repro.file;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Severity;
import dev.loupe.format.Database;
import dev.loupe.format.hexdb.HexDbWriter;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, must hold: every damaged catalogue case whose base has at least 100 pages reduces to at most 10 pages
 * with the same finding code; the hexdb text loads in the sqlite3 CLI (3.40.1) and its PRAGMA integrity_check
 * there, like sqlite-jdbc's, flags the reproducer whenever SQLite flagged the original.
 */
class CatalogueReductionTest {

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> largeCasesReduceToTenPages() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corruption c : Corruptions.all()) {
            byte[] base = Samples.bytes(c.base());
            int pageSize = DbImage.pageSizeOf(base);
            if (pageSize == 0 || base.length / pageSize < 100 || !damaged(c)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.name(), () -> reduce(c)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
        return tests;
    }

    /** Two runs on the same file give the same bytes (the reducer tries its candidates in a fixed order). */
    @Test
    void reductionIsDeterministic() throws Exception {
        for (String name : List.of("unique-index-duplicate", "overflow-chain-long", "child-depth-differs")) {
            byte[] damaged = Corruptions.named(name).image().db();
            FileReducer.Options options = new FileReducer.Options(null, Duration.ofSeconds(40));
            FileReduction a = new FileReducer(options).reduce(damaged);
            FileReduction b = new FileReducer(options).reduce(damaged);
            assertThat(b.reduced()).as(name).isEqualTo(a.reduced());
            assertThat(b.steps()).as(name).isEqualTo(a.steps());
        }
    }

    /** A case counts when the checker finds an error in it (some cases are warnings only, e.g. header bits). */
    private static boolean damaged(Corruption c) {
        CheckReport r;
        try {
            r = Checker.standard(CheckOptions.defaults().withThreads(1))
                    .check(Database.fromImage(c.image().db(), c.name()));
        } catch (IOException e) {
            return true;
        }
        return r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private void reduce(Corruption c) throws Exception {
        byte[] damaged = c.image().db();
        FileReduction r = new FileReducer(new FileReducer.Options(null, Duration.ofSeconds(40))).reduce(damaged);
        System.out.printf("%-40s %-26s %4d -> %2d pages, %4d steps, %6d ms, sqlite %s%n", c.name(),
                r.target().code(), r.originalPages(), r.reducedPages(), r.steps(), r.millis(),
                r.sqliteFlaggedOriginal() ? "flagged both=" + r.sqliteFlaggedReduced() : "ok");
        assertThat(c.expectedCodes()).contains(r.target().code());
        assertThat(r.reducedPages()).as(c.name()).isLessThanOrEqualTo(10);
        assertThat(r.finding().code().code()).isEqualTo(r.target().code());
        // the reduced file, reread from scratch, still shows the finding
        CandidateTest.Verdict v = CandidateTest.check(
                dev.loupe.check.Checker.standard(dev.loupe.check.CheckOptions.defaults()), r.reduced());
        assertThat(r.target().match(v.findings(), v.schema())).isNotNull();

        Path dir = tmp.resolve(c.name());
        ReproducerWriter.write(r, "test", "3.54.1", dir);
        List<String> cli = sqlite3Hexdb(dir.resolve("repro.hexdb"));
        assertThat(cli).as("sqlite3 .open --hexdb").noneMatch(l -> l.contains("cannot open")
                || l.contains("Error: ") && l.contains("hexdb"));
        if (r.sqliteFlaggedOriginal()) {
            assertThat(r.sqliteFlaggedReduced()).isTrue();
            assertThat(SqliteIntegrity.flags(r.reduced())).isTrue();
            assertThat(cli).isNotEqualTo(List.of("ok"));
            // flagged the same way: integrity_check lines stay lines, a refusal stays a refusal (of the same code)
            assertThat(SqliteIntegrity.kind(r.sqliteReduced())).isEqualTo(SqliteIntegrity.kind(r.sqliteOriginal()));
            Path original = tmp.resolve(c.name() + "-original.hexdb");
            Files.writeString(original, HexDbWriter.toText(damaged, r.pageSize(), "original.db"));
            assertThat(cliKind(cli)).as("sqlite3 CLI on the reproducer vs the original")
                    .isEqualTo(cliKind(sqlite3Hexdb(original)));
        }
        String json = Files.readString(dir.resolve("reproducer.json"));
        assertThat(json).contains("\"kind\" : \"file\"", "\"code\" : \"" + r.target().code() + "\"");
    }

    /**
     * What the CLI's output amounts to: "ok"; else whether it stopped on an error ("Error: ...", "Parse error ...",
     * "Runtime error ...": the file was refused or a cursor met damage) and whether integrity_check listed
     * problems, e.g. "error+report".
     */
    private static String cliKind(List<String> lines) {
        if (lines.equals(List.of("ok"))) {
            return "ok";
        }
        boolean error = lines.stream().anyMatch(l -> l.startsWith("Error") || l.contains(" error near line "));
        boolean report = lines.stream().anyMatch(l -> !(l.startsWith("Error") || l.contains(" error near line ")));
        return (error ? "error" : "") + (error && report ? "+" : "") + (report ? "report" : "");
    }

    /** Loads the hexdb text in the sqlite3 CLI and runs PRAGMA integrity_check there. */
    private List<String> sqlite3Hexdb(Path hexdb) throws IOException, InterruptedException {
        String script = ".open --hexdb " + hexdb + "\nPRAGMA integrity_check;\n";
        Process p = new ProcessBuilder("sqlite3", ":memory:").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }
}
