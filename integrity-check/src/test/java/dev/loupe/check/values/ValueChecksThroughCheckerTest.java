package dev.loupe.check.values;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** ValueChecks run by the Checker: intact samples give no value findings; damaged rows are found as SQLite finds them. */
class ValueChecksThroughCheckerTest {

    private static final Set<FindingCode> CODES = EnumSet.of(FindingCode.NOT_NULL_VIOLATED,
            FindingCode.STRICT_TYPE_VIOLATED, FindingCode.AFFINITY_VIOLATED, FindingCode.CHECK_CONSTRAINT_FAILED,
            FindingCode.RECORD_TOO_LONG);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void intactSamplesGiveNoValueFindings(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, dir.resolve(sample.name()));
        CheckReport report = new Checker(CheckOptions.defaults().withThreads(1), List.of(new ValueChecks()))
                .check(db, OpenOptions.defaults());
        assertThat(report.findings()).filteredOn(f -> CODES.contains(f.code())).isEmpty();
        assertThat(SqliteSide.cliLines(db, dir)).isEmpty();
    }

    @Test
    void checkerReportsWhatTheCliPrints() throws Exception {
        Path db = dir.resolve("mixed.db");
        SqliteSide.build(db, List.of(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b, c)",
                "INSERT INTO t VALUES (1, NULL, 5, 'x'), (2, 'z', '7', 3), (3, 'ok', 'no', 'x')",
                "CREATE TABLE w(k PRIMARY KEY, v) WITHOUT ROWID",
                "INSERT INTO w VALUES ('a', -1), ('b', 2)"),
                "t", "CREATE TABLE t(id INTEGER PRIMARY KEY, a NOT NULL, b INT, c TEXT CHECK (length(c) = 1))",
                "w", "CREATE TABLE w(k PRIMARY KEY, v CHECK (v > 0)) WITHOUT ROWID");
        CheckReport report = new Checker(CheckOptions.defaults().withThreads(2), List.of(new ValueChecks()))
                .check(db, OpenOptions.defaults());
        List<Finding> values = report.findings().stream().filter(f -> CODES.contains(f.code())).toList();
        assertThat(values.stream().map(Finding::sqlite).filter(Objects::nonNull).sorted().toList())
                .isEqualTo(SqliteSide.cliLines(db, dir).stream().sorted().toList());
        assertThat(values).extracting(Finding::keys).contains(List.of("1"), List.of("2"), List.of("'a'"));
        assertThat(values).allSatisfy(f -> assertThat(f.path()).isNotEmpty());
        assertThat(values).allSatisfy(f -> assertThat(f.severity()).isNotEqualTo(Severity.INFO));
        assertThat(report.findings()).extracting(Finding::code).contains(FindingCode.NOT_NULL_VIOLATED,
                FindingCode.AFFINITY_VIOLATED, FindingCode.CHECK_CONSTRAINT_FAILED);
    }
}
