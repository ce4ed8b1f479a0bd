package dev.loupe.check.catalogue;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every case of the corruption catalogue against real SQLite and Loupe: SQLite's output (sqlite-jdbc 3.54.1, and
 * the sqlite3 3.40.1 CLI read-only as users run it and read-write, which is how CHECK constraints get evaluated)
 * is captured and written to target/catalogue/CASE.txt; Loupe must report the expected codes, must report an
 * error whenever SQLite flags the file, and every Finding.sqlite text must be a line the 3.40 CLI printed.
 */
class CatalogueTest {
    private static final Path REPORTS = Path.of("target", "catalogue");

    static Stream<String> cases() {
        return Corruptions.all().stream().map(Corruption::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loupeFindsWhatSqliteFindsAndMore(String name, @TempDir Path tmp) throws Exception {
        Corruption c = Corruptions.named(name);
        Path db = c.apply(tmp.resolve("case"));
        List<String> jdbc = SqliteOracle.jdbc(db, tmp);
        List<String> cliRo = SqliteOracle.cli(db, tmp, true);
        List<String> cliRw = SqliteOracle.cli(db, tmp, false);
        Checker checker = CatalogueChecker.checker(1);
        CheckReport report = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CatalogueChecker.check(checker, db));

        Set<String> codes = new HashSet<>();
        List<String> errors = new ArrayList<>();
        for (Finding f : report.findings()) {
            codes.add(f.code().code());
            if (f.severity() == Severity.ERROR) {
                errors.add(f.code().code());
            }
        }
        boolean sqliteFlags = SqliteOracle.flags(jdbc) || SqliteOracle.flags(cliRo) || SqliteOracle.flags(cliRw);
        Set<String> cliLines = new HashSet<>(SqliteOracle.messages(cliRo));
        cliLines.addAll(SqliteOracle.messages(cliRw));

        List<String> failures = new ArrayList<>();
        for (String expected : c.expectedCodes()) {
            if (!codes.contains(expected)) {
                failures.add("expected code " + expected + " not reported");
            }
        }
        if (sqliteFlags && errors.isEmpty()) {
            failures.add("SQLite flags the file but Loupe reports no error");
        }
        for (Finding f : report.findings()) {
            if (f.sqlite() != null && !cliLines.contains(f.sqlite())) {
                failures.add("Finding.sqlite not printed by sqlite3 3.40: \"" + f.sqlite() + "\"");
            }
        }

        String text = render(c, jdbc, cliRo, cliRw, report, failures);
        Files.createDirectories(REPORTS);
        Files.writeString(REPORTS.resolve(name + ".txt"), text);
        System.out.println(text);

        assertThat(failures).as("case %s (%s)", name, c.description()).isEmpty();
    }

    private static String render(Corruption c, List<String> jdbc, List<String> cliRo, List<String> cliRw,
                                 CheckReport report, List<String> failures) {
        StringBuilder sb = new StringBuilder();
        sb.append("=== ").append(c.name()).append(" (").append(c.base().fileName()).append(")\n");
        sb.append(c.description()).append('\n');
        sb.append("expected codes: ").append(c.expectedCodes()).append('\n');
        sb.append("--- sqlite-jdbc 3.54.1 PRAGMA integrity_check\n");
        jdbc.forEach(l -> sb.append(l).append('\n'));
        sb.append("--- sqlite3 3.40.1 -readonly\n");
        cliRo.forEach(l -> sb.append(l).append('\n'));
        if (!cliRw.equals(cliRo)) {
            sb.append("--- sqlite3 3.40.1 (read-write copy)\n");
            cliRw.forEach(l -> sb.append(l).append('\n'));
        }
        sb.append("--- loupe: ").append(report.verdict().code()).append('\n');
        for (Finding f : report.findings()) {
            sb.append(f.severity().code()).append(' ').append(f.code().code()).append(" page ").append(f.page())
                    .append(f.cell() >= 0 ? " cell " + f.cell() : "").append(": ").append(f.message());
            if (f.sqlite() != null) {
                sb.append("  [sqlite: ").append(f.sqlite()).append(']');
            }
            sb.append('\n');
        }
        if (!failures.isEmpty()) {
            sb.append("--- FAILURES\n");
            failures.forEach(l -> sb.append(l).append('\n'));
        }
        return sb.toString();
    }
}
