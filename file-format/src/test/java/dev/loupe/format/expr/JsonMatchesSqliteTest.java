package dev.loupe.format.expr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON functions against two SQLites at once ({@link TwoSqlites}): sqlite-jdbc, which reads JSON5 and JSONB,
 * and the sqlite3 CLI (3.40: RFC 8259 only). The share Loupe does evaluate is held up too, so that refusing
 * everything cannot pass.
 */
class JsonMatchesSqliteTest extends TwoSqlites {

    @Test
    void handWrittenExpressionsMatchBothSqlites() throws Exception {
        Outcome o = run(JsonCorpus.handWritten());
        assertThat(o.mismatches()).as("Loupe's value differs from an SQLite's").isEmpty();
        // where the two SQLites agree on a value, Loupe computes it but for the cases it leaves alone on purpose:
        // BLOB and REAL documents, an index of more than nine digits, nesting past JsonReader.MAX_DEPTH, a BLOB
        // that is not UTF-8 cast to text (the evaluator's CAST leaves that alone)
        assertThat(o.agreedButNotEvaluated()).as("agreed by both, not evaluated: %s", o.agreedButNotEvaluated())
                .hasSizeLessThanOrEqualTo(8);
        assertThat(o.evaluated()).as("evaluated").isGreaterThanOrEqualTo(75);
    }

    /**
     * json_valid(NULL) is 0 in 3.40 and NULL later: an expression that comes to the same with either is known (a
     * WHERE clause, Django's CHECK); one that does not is left alone.
     */
    @Test
    void aVersionDependentAnswerIsKnownWhereBothAnswersAgree() throws Exception {
        List<String> agreeing = List.of("CASE WHEN json_valid(NULL) THEN 1 ELSE 0 END", "json_valid(NULL) IS NOT 1",
                "json_valid(NULL) OR NULL IS NULL", "NOT json_valid(NULL) OR 1", "coalesce(json_valid(NULL), 0)");
        assertKnownWhereAnswersAgree(agreeing,
                List.of("json_valid(NULL)", "typeof(json_valid(NULL))", "json_valid(NULL) + 1"));
    }

    @Test
    void randomDocumentsMatchBothSqlites() throws Exception {
        List<String> corpus = JsonCorpus.random(20261123L, 3000);
        Outcome o = run(corpus);
        assertThat(o.mismatches()).as("Loupe's value differs from an SQLite's").isEmpty();
        // Measured: most of 3,000 evaluated; of the rest, some where both SQLites agree (labels and keys written
        // with escapes, quotes or dots, which the two read differently elsewhere; escaped NULs)
        assertThat(o.evaluated()).as("evaluated").isGreaterThan(corpus.size() * 3 / 4);
        assertThat(o.agreedButNotEvaluated().size()).as("agreed by both, not evaluated: %s", o.agreedButNotEvaluated())
                .isLessThan(corpus.size() / 20);
    }
}
