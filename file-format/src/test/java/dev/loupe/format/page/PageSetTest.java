package dev.loupe.format.page;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PageSetTest {

    @Test
    void marksEachPageOnceAcrossChunksAndBeyondU32() {
        PageSet s = new PageSet();
        Set<Long> expected = new HashSet<>();
        Random r = new Random(7);
        long[] edges = {0, 1, 65_535, 65_536, 65_537, 0xffff_ffffL, 0x1_0000_0000L, Long.MAX_VALUE};
        for (long p : edges) {
            assertThat(s.contains(p)).as("%d before", p).isFalse();
            assertThat(s.add(p)).as("%d first", p).isTrue();
            assertThat(s.add(p)).as("%d again", p).isFalse();
            expected.add(p);
        }
        for (int i = 0; i < 20_000; i++) {
            long p = r.nextInt(3) == 0 ? r.nextLong() >>> r.nextInt(64) : r.nextInt(1 << 20);
            assertThat(s.add(p)).as("%d", p).isEqualTo(expected.add(p));
        }
        for (long p : expected) {
            assertThat(s.contains(p)).isTrue();
        }
        assertThat(s.contains(123_456_789_012L)).isEqualTo(expected.contains(123_456_789_012L));
        assertThat(s.size()).isEqualTo(expected.size());
    }

    @Test
    void addAllSaysWhetherTheSetsWereDisjointAndHoldsTheUnion() {
        Random r = new Random(11);
        for (int round = 0; round < 50; round++) {
            PageSet a = new PageSet();
            PageSet b = new PageSet();
            Set<Long> inA = new HashSet<>();
            Set<Long> inB = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long p = r.nextInt(4) == 0 ? r.nextLong() >>> r.nextInt(64) : r.nextInt(300_000);
                if (r.nextBoolean()) {
                    a.add(p);
                    inA.add(p);
                } else {
                    b.add(p);
                    inB.add(p);
                }
            }
            Set<Long> union = new HashSet<>(inA);
            boolean disjoint = union.addAll(inB) && union.size() == inA.size() + inB.size();
            assertThat(a.addAll(b)).as("round %d", round).isEqualTo(disjoint);
            assertThat(a.size()).isEqualTo(union.size());
            for (long p : union) {
                assertThat(a.contains(p)).isTrue();
            }
            assertThat(b.size()).as("the other set is left alone").isEqualTo(inB.size());
        }
        PageSet one = new PageSet();
        one.add(70_000);
        PageSet same = new PageSet();
        same.add(70_000);
        assertThat(one.addAll(same)).isFalse();
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.addAll(new PageSet())).isTrue();
    }
}
