package dev.loupe.format.expr;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON, date and printf functions on what a damaged row can hold (random text near the shapes they read, random
 * bytes, extreme numbers): each evaluation ends with a value or "not evaluable", never an exception, and quickly.
 */
class FunctionRobustnessTest {

    private static final String[] CALLS = {
        "json_extract(a, b)", "json_extract(a, b, b)", "a -> b", "a ->> b", "json_valid(a)", "date(a)", "time(a, b)",
        "datetime(a, b, b)", "julianday(a)", "unixepoch(a, b)", "strftime(b, a)", "strftime(a, b, b)", "printf(a, b, b)",
        "printf(b, a)", "format(a, b, a)"};
    private static final String[] SHAPES = {
        "{\"a\":[1,{\"b\":\"x\\u0041\"}],\"c\":1.5e3}", "[1,2,[3,[4]]]", "\"\\ud83d\\ude00\"", "$.a[1].b", "$[#-1]",
        "2023-06-15 10:20:30.123+02:00", "12:34", "+1 days", "start of month", "weekday 3", "%Y-%m-%d %H:%M:%S %f %j",
        "%-+ #0,!*.*lld %s %q %c %%", "2460000.5", "unixepoch"};

    @Test
    void damagedArgumentsNeverThrow() {
        Random rnd = new Random(20261123L);
        List<ParsedExpression> calls = new ArrayList<>();
        for (String c : CALLS) {
            calls.add(Expression.parse(c));
        }
        int evaluated = 0;
        long start = System.nanoTime();
        for (int k = 0; k < 40_000; k++) {
            RowContext row = RowContext.of(List.of(
                    new RowContext.ColumnBinding("a", value(rnd), Affinity.BLOB, null),
                    new RowContext.ColumnBinding("b", value(rnd), Affinity.BLOB, null)), 1L);
            ParsedExpression e = calls.get(rnd.nextInt(calls.size()));
            Evaluation r = Evaluator.evaluate(e, row);
            assertThat(r).isNotNull();
            if (r instanceof Evaluation.Evaluated) {
                evaluated++;
            }
        }
        assertThat(evaluated).as("some evaluations give a value (the test is not idle)").isGreaterThan(4_000);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for 40,000 evaluations").isLessThan(60_000);
    }

    @Test
    void deepAndLongDocumentsAreBounded() {
        RowContext row = RowContext.of(List.of(
                new RowContext.ColumnBinding("a", new TextValue("[".repeat(200_000)), Affinity.BLOB, null),
                new RowContext.ColumnBinding("b", new TextValue("{\"k\":\"" + "x".repeat(1_000_000)
                        + "\"}"), Affinity.BLOB, null)), 1L);
        assertThat(Evaluator.evaluate(Expression.parse("json_valid(a)"), row))
                .isInstanceOf(Evaluation.NotEvaluable.class);
        assertThat(Evaluator.evaluate(Expression.parse("length(b ->> 'k')"), row))
                .isEqualTo(new Evaluation.Evaluated(IntegerValue.of(1_000_000)));
        assertThat(Evaluator.evaluate(Expression.parse("printf('%100001d', 1)"), row))
                .isInstanceOf(Evaluation.NotEvaluable.class);
    }

    /** A shape with a few characters changed, random characters, random bytes or a number at an extreme. */
    private static Value value(Random rnd) {
        switch (rnd.nextInt(8)) {
            case 0:
                return NullValue.INSTANCE;
            case 1:
                return IntegerValue.of(rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(100) - 50);
            case 2:
                double[] reals = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, 4.9e-324, 2460000.5};
                return new RealValue(rnd.nextBoolean() ? reals[rnd.nextInt(reals.length)] : rnd.nextGaussian() * 1e6);
            case 3:
                byte[] b = new byte[rnd.nextInt(40)];
                rnd.nextBytes(b);
                return new BlobValue(b);
            case 4:
                char[] c = new char[rnd.nextInt(30)];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (char) (rnd.nextInt(5) == 0 ? rnd.nextInt(0x10000) : 32 + rnd.nextInt(95));
                }
                return new TextValue(new String(c));
            default:
                StringBuilder s = new StringBuilder(SHAPES[rnd.nextInt(SHAPES.length)]);
                int changes = rnd.nextInt(4);
                for (int i = 0; i < changes && s.length() > 0; i++) {
                    int at = rnd.nextInt(s.length());
                    String set = "{}[]\",:\\$.#-+%*0123456789eEuT Z\0";
                    char ch = set.charAt(rnd.nextInt(set.length()));
                    switch (rnd.nextInt(3)) {
                        case 0 -> s.deleteCharAt(at);
                        case 1 -> s.setCharAt(at, ch);
                        default -> s.insert(at, ch);
                    }
                }
                return new TextValue(s.toString());
        }
    }
}
