package dev.loupe.format.expr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * printf() against two SQLites at once ({@link TwoSqlites}). The share Loupe does evaluate is held up too, so
 * that refusing everything cannot pass.
 */
class PrintfMatchesSqliteTest extends TwoSqlites {

    @Test
    void handWrittenCallsMatchBothSqlites() throws Exception {
        Outcome o = run(PrintfCorpus.handWritten());
        assertThat(o.mismatches()).as("Loupe's value differs from an SQLite's").isEmpty();
        // agreed by both, not evaluated: the floating-point conversions (%f, %e, %g round some values differently
        // from one version to the next), %r, %p
        assertThat(o.agreedButNotEvaluated()).as("agreed by both, not evaluated").hasSizeLessThanOrEqualTo(5);
        assertThat(o.evaluated()).as("evaluated").isGreaterThanOrEqualTo(75);
    }

    @Test
    void randomCallsMatchBothSqlites() throws Exception {
        List<String> corpus = PrintfCorpus.random(20261123L, 3000);
        Outcome o = run(corpus);
        assertThat(o.mismatches()).as("Loupe's value differs from an SQLite's").isEmpty();
        // Measured: 1,289 of 3,000 evaluated. A call is left whole when any of its conversions is one of the nine
        // of 22 in the corpus Loupe does not evaluate (%f %e %g %r %p %y; %q %Q %w with a width or precision), so
        // a call of three conversions is evaluated about one time in four
        assertThat(o.evaluated()).as("evaluated").isGreaterThan(corpus.size() * 38 / 100);
    }
}
