package dev.loupe.format.find;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.IndexedColumn;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyComparator} over decoded values of damaged records: a value a record lacks (null) counts as run out, on
 * either side of the comparison, and never makes it throw.
 */
class KeyComparatorTest {

    private final KeyComparator order = new KeyComparator(List.of(
            new IndexedColumn("a", null, 0, "BINARY", false),
            new IndexedColumn("b", null, 1, "BINARY", false)), TextEncoding.UTF8);

    @Test
    void aMissingValueCountsAsRunOutOnEitherSide() {
        List<Value> whole = List.of(new TextValue("x"), IntegerValue.of(2));
        List<Value> lacking = Arrays.asList(new TextValue("x"), null);
        List<Value> shorter = List.of(new TextValue("x"));
        assertThat(order.compare(lacking, whole)).isNegative();
        assertThat(order.compare(whole, lacking)).isPositive();
        // as a record shorter than the key: it sorts before the key where its values run out
        assertThat(order.compare(shorter, whole)).isNegative();
        assertThat(order.compare(lacking, lacking)).isNegative();
        // a difference before the missing value decides
        assertThat(order.compare(List.of(new TextValue("y"), IntegerValue.of(0)), lacking)).isPositive();
        assertThat(order.compare(Arrays.asList(new TextValue("a"), null), whole)).isNegative();
    }
}
