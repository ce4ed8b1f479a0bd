package dev.loupe.check;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DamagedRowidsTest {

    private static DamagedRowids of(long... bounds) {
        long[] f = new long[bounds.length / 2];
        long[] l = new long[bounds.length / 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = bounds[2 * i];
            l[i] = bounds[2 * i + 1];
        }
        return DamagedRowids.of(f, l, f.length);
    }

    @Test
    void rangesAreMergedWhereTheyOverlapOrTouch() {
        DamagedRowids d = of(50, 60, 10, 20, 21, 30, 15, 18, 70, 69);
        assertThat(d.toString()).isEqualTo("rowids 10..30, 50..60");
        assertThat(d.ranges()).isEqualTo(2);
        assertThat(d.contains(9)).isFalse();
        assertThat(d.contains(10)).isTrue();
        assertThat(d.contains(30)).isTrue();
        assertThat(d.contains(31)).isFalse();
        assertThat(d.contains(55)).isTrue();
        assertThat(d.contains(61)).isFalse();
        assertThat(d.contains(69)).as("an empty range is dropped").isFalse();
    }

    @Test
    void theEndsOfTheRowidSpaceAreRanges() {
        DamagedRowids d = of(Long.MIN_VALUE, -5, Long.MAX_VALUE, Long.MAX_VALUE, 7, Long.MAX_VALUE - 1);
        assertThat(d.contains(Long.MIN_VALUE)).isTrue();
        assertThat(d.contains(-4)).isFalse();
        assertThat(d.contains(Long.MAX_VALUE)).isTrue();
        assertThat(d.ranges()).as("7..MAX-1 touches MAX..MAX").isEqualTo(2);
    }

    @Test
    void noneAndAll() {
        assertThat(of().none()).isTrue();
        assertThat(of(3, 2).none()).isTrue();
        assertThat(DamagedRowids.NONE.contains(0)).isFalse();
        assertThat(DamagedRowids.ALL.contains(Long.MIN_VALUE)).isTrue();
        assertThat(DamagedRowids.ALL.none()).isFalse();
        assertThat(of(1, 2).and(DamagedRowids.ALL).all()).isTrue();
        assertThat(DamagedRowids.NONE.and(of(1, 2)).toString()).isEqualTo("rowids 1..2");
        assertThat(of(1, 2).and(of(3, 9)).toString()).isEqualTo("rowids 1..9");
    }

    @Test
    void containsWhatOneOfItsRangesHolds() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(20);
            long[] f = new long[n];
            long[] l = new long[n];
            for (int i = 0; i < n; i++) {
                f[i] = r.nextInt(1000);
                l[i] = f[i] + r.nextInt(40) - 5;
            }
            DamagedRowids d = DamagedRowids.of(f.clone(), l.clone(), n);
            for (long x = -10; x < 1050; x++) {
                boolean in = false;
                for (int i = 0; i < n; i++) {
                    in |= f[i] <= x && x <= l[i];
                }
                assertThat(d.contains(x)).as("round %d, rowid %d", round, x).isEqualTo(in);
            }
        }
    }
}
