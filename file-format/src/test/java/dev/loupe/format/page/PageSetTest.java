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
}
