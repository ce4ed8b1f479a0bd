package dev.loupe.format.expr;

import dev.loupe.format.record.NullValue;
import dev.loupe.format.schema.Affinity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Garbage, truncations and deep nesting never make the parser or the evaluator throw. */
class ExpressionParserRobustnessTest {

    private static final String[] PIECES = {
        "(", ")", ",", "'", "\"", "[", "]", "x'", "0x", "1", "2.5", "e", "NOT", "AND", "OR", "IN", "IS", "NULL",
        "BETWEEN", "LIKE", "ESCAPE", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "COLLATE", "SELECT", "-", "+",
        "*", "/", "||", "->", "?", ":a", "a", "b.c", "abs", "substr", "--", "/*", "\u00e9", "\0", ";", "=", "<>", " "};

    private final RowContext row = RowContext.of(List.of(
            new RowContext.ColumnBinding("a", NullValue.INSTANCE, Affinity.INTEGER, null)), 1L);

    @Test
    void randomTokenSoupNeverThrows() {
        Random rnd = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(20);
            for (int j = 0; j < n; j++) {
                b.append(PIECES[rnd.nextInt(PIECES.length)]).append(rnd.nextBoolean() ? " " : "");
            }
            check(b.toString());
        }
    }

    @Test
    void randomCharactersNeverThrow() {
        Random rnd = new Random(11);
        for (int k = 0; k < 20_000; k++) {
            char[] c = new char[rnd.nextInt(30)];
            for (int j = 0; j < c.length; j++) {
                c[j] = (char) (rnd.nextInt(4) == 0 ? rnd.nextInt(0x3000) : 32 + rnd.nextInt(95));
            }
            check(new String(c));
        }
    }

    @Test
    void everyTruncationOfTheCorpusParses() {
        List<String> corpus = new ArrayList<>(ExpressionCorpus.handWritten());
        corpus.addAll(ExpressionCorpus.random(3, 100));
        for (String e : corpus) {
            for (int i = 0; i <= e.length(); i++) {
                check(e.substring(0, i));
                check(e.substring(i));
            }
        }
    }

    @Test
    void deepNestingIsReportedNotOverflowed() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertThat(Expression.parse(deep)).isInstanceOf(Unsupported.class);
        String negations = "NOT ".repeat(50_000) + "1";
        assertThat(Expression.parse(negations)).isInstanceOf(Unsupported.class);
        assertThat(Expression.parse("(((1)))")).isEqualTo(Expression.parse("1"));
    }

    @Test
    void unsupportedConstructsAreNamed() {
        assertThat(Expression.parse("a IN (SELECT 1)")).isInstanceOf(Unsupported.class);
        assertThat(Expression.parse("1 + (SELECT 2)")).isInstanceOf(Binary.class);
        assertThat(Expression.parse("count(*) OVER ()")).isInstanceOf(Unsupported.class);
        assertThat(Expression.parse("1 +")).isInstanceOf(Unsupported.class);
        assertThat(Evaluator.evaluate(Expression.parse("printf('%.2f', 1)"), row))
                .isInstanceOf(Evaluation.NotEvaluable.class);
        assertThat(Evaluator.evaluate(Expression.parse("nosuchcolumn + 1"), row))
                .isInstanceOf(Evaluation.NotEvaluable.class);
    }

    private void check(String sql) {
        ParsedExpression e = Expression.parse(sql);
        assertThat(e).as(sql).isNotNull();
        assertThat(Evaluator.evaluate(e, row)).as(sql).isNotNull();
    }
}
