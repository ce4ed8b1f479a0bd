package dev.loupe.check.index;

import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RecordEncoder;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.IndexedColumn;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The intervals where an index's key order breaks, as the exact pass asks about them. */
class KeyBreaksTest {

    /** Index records of (a TEXT, rowid). */
    private final KeyComparator order = new KeyComparator(List.of(
            new IndexedColumn("a", null, 0, "BINARY", false),
            new IndexedColumn(null, null, -1, "BINARY", false)), TextEncoding.UTF8);

    private static List<Value> key(String a, long rowid) {
        return Arrays.asList(new TextValue(a), IntegerValue.of(rowid));
    }

    @Test
    void aKeyIsInsideWhenBetweenTheEndsOfAnIntervalBothIncluded() {
        KeyBreaks b = new KeyBreaks();
        b.add(key("m", 5), key("t", 2)); // 'm' came after 't'
        KeyBreaks.Ranges r = b.ranges(order, TextEncoding.UTF8);
        assertThat(r.contain(key("m", 5))).isTrue();
        assertThat(r.contain(key("p", 1))).isTrue();
        assertThat(r.contain(key("t", 2))).isTrue();
        assertThat(r.contain(key("m", 4))).isFalse();
        assertThat(r.contain(key("t", 3))).isFalse();
        assertThat(r.contain(key("a", 1))).isFalse();
        assertThat(r.contain(key("z", 1))).isFalse();
    }

    @Test
    void overlappingIntervalsAreMergedAndDisjointOnesKeptApart() {
        KeyBreaks b = new KeyBreaks();
        b.add(key("q", 1), key("s", 1));
        b.add(key("c", 1), key("e", 1));
        b.add(key("d", 1), key("g", 1)); // overlaps c..e: c..g
        b.add(key("r", 1), key("r", 9)); // inside q..s
        KeyBreaks.Ranges r = b.ranges(order, TextEncoding.UTF8);
        assertThat(r.size()).isEqualTo(2);
        for (String in : List.of("c", "d", "f", "g", "q", "r", "s")) {
            assertThat(r.contain(key(in, 1))).as(in).isTrue();
        }
        for (String out : List.of("a", "h", "p", "t")) {
            assertThat(r.contain(key(out, 1))).as(out).isFalse();
        }
    }

    @Test
    void damagedPagesGiveIntervalsThatMayBeOpenOnEitherSide() {
        KeyBreaks b = new KeyBreaks();
        b.addDamaged(null, key("c", 1)); // a damaged first leaf: no key before it
        b.add(key("m", 5), key("n", 2));
        b.addDamaged(key("x", 1), null); // a damaged last leaf: no key after it
        b.addDamaged(key("b", 1), key("d", 1)); // overlaps the first: ..d
        assertThat(b.bounded()).isTrue();
        KeyBreaks.Ranges r = b.ranges(order, TextEncoding.UTF8);
        assertThat(r.size()).isEqualTo(3);
        for (String in : List.of("", "a", "c", "d", "m ", "n", "x", "zzz")) {
            assertThat(r.contain(key(in, 1))).as(in).isTrue();
        }
        for (String out : List.of("d ", "l", "n ", "w")) {
            assertThat(r.contain(key(out, 1))).as(out).isFalse();
        }
        // open on both outer sides: no first value is outside without decoding
        byte[] rec = RecordEncoder.encode(key("h", 7), TextEncoding.UTF8);
        RecordView row = new RecordView(TextEncoding.UTF8);
        assertThat(row.parse(rec, 0, rec.length, 2)).isTrue();
        assertThat(r.outside(row, 0)).isFalse();
        // open below only: a first value above the highest end is still outside
        KeyBreaks below = new KeyBreaks();
        below.addDamaged(null, key("c", 1));
        KeyBreaks.Ranges rb = below.ranges(order, TextEncoding.UTF8);
        assertThat(rb.outside(row, 0)).isTrue();
        assertThat(rb.contain(key("h", 7))).isFalse();
        assertThat(rb.contain(key("a", 7))).isTrue();
    }

    @Test
    void aFirstValueBeforeEveryIntervalOrAfterEveryOneIsOutsideWithoutDecoding() {
        KeyBreaks b = new KeyBreaks();
        b.add(key("q", 1), key("s", 1));
        b.add(key("c", 1), key("e", 1));
        KeyBreaks.Ranges r = b.ranges(order, TextEncoding.UTF8);
        // the first value alone says "outside" only below c or above s; in between, contain() decides
        for (String a : List.of("a", "bzz", "c", "cc", "f", "p", "s", "s ", "t", "é")) {
            byte[] rec = RecordEncoder.encode(key(a, 7), TextEncoding.UTF8);
            RecordView row = new RecordView(TextEncoding.UTF8);
            assertThat(row.parse(rec, 0, rec.length, 2)).isTrue();
            boolean outside = a.compareTo("c") < 0 || a.compareTo("s") > 0;
            assertThat(r.outside(row, 0)).as(a).isEqualTo(outside);
            if (outside) {
                assertThat(r.contain(key(a, 7))).as(a).isFalse();
            }
        }
        // DESC: the order of the first column turned round
        KeyComparator desc = new KeyComparator(List.of(new IndexedColumn("a", null, 0, "BINARY", true),
                new IndexedColumn(null, null, -1, "BINARY", false)), TextEncoding.UTF8);
        KeyBreaks d = new KeyBreaks();
        d.add(key("e", 1), key("c", 1));
        KeyBreaks.Ranges rd = d.ranges(desc, TextEncoding.UTF8);
        for (String a : List.of("a", "c", "d", "e", "f")) {
            byte[] rec = RecordEncoder.encode(key(a, 7), TextEncoding.UTF8);
            RecordView row = new RecordView(TextEncoding.UTF8);
            row.parse(rec, 0, rec.length, 2);
            assertThat(rd.outside(row, 0)).as("DESC " + a).isEqualTo(a.equals("a") || a.equals("f"));
        }
    }

    @Test
    void aBreakWithoutItsKeyOrTooManyBreaksLeaveTheBreaksUnbounded() {
        KeyBreaks unknown = new KeyBreaks();
        unknown.add(key("m", 1), null);
        assertThat(unknown.bounded()).isFalse();

        KeyBreaks many = new KeyBreaks();
        for (int i = 0; i < KeyBreaks.MAX; i++) {
            many.add(key("k", i), key("k", i));
        }
        assertThat(many.bounded()).isTrue();
        many.add(key("k", -1), key("k", -1));
        assertThat(many.bounded()).isFalse();

        KeyBreaks longKeys = new KeyBreaks();
        String text = "x".repeat(1 << 20); // 2 MiB as Java text: a little over 4 MiB per interval
        for (int i = 0; i < 3; i++) {
            longKeys.add(key(text, i), key(text, i));
        }
        assertThat(longKeys.bounded()).as("12 MiB of keys").isTrue();
        longKeys.add(key(text, 9), key(text, 9));
        assertThat(longKeys.bounded()).as("over 16 MiB of keys").isFalse();

        KeyBreaks merged = new KeyBreaks();
        merged.add(key("a", 1), key("b", 1));
        merged.addAll(unknown);
        assertThat(merged.bounded()).isFalse();
    }
}
