package dev.loupe.check.structure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-order test of {@link Extents} against the bitmap on random pages: laid out in cell order (as SQLite writes
 * them) or not, with freeblocks, overlaps, extents outside the content area and zero or negative lengths. Where
 * the in-order test answers, it must give the bitmap's answer; on pages in cell order it must answer.
 */
class ExtentsTest {

    private static final int USABLE = 1024;

    @Test
    void inOrderAgreesWithTheBitmap() {
        Random random = new Random(20261122);
        int answered = 0;
        int overlapping = 0;
        for (int round = 0; round < 200_000; round++) {
            byte[] page = new byte[USABLE];
            int contentOffset = 100 + random.nextInt(200);
            List<int[]> pieces = layOut(random, contentOffset);
            // every third piece a freeblock (the free-space check guarantees them ascending and on the page)
            List<int[]> free = new ArrayList<>();
            List<Long> cells = new ArrayList<>();
            for (int[] p : pieces) {
                if (random.nextInt(3) == 0 && p[1] - p[0] >= 3 && p[0] > 0 && p[1] < USABLE
                        && (free.isEmpty() || free.get(free.size() - 1)[1] < p[0])) {
                    free.add(p);
                } else {
                    cells.add(((long) p[0] << 16) | (p[1] & 0xffff));
                }
            }
            int hdr = 0;
            int prev = hdr + 1;
            for (int[] f : free) {
                put16(page, prev, f[0]);
                put16(page, f[0] + 2, f[1] - f[0] + 1);
                prev = f[0];
            }
            put16(page, prev, 0);
            if (random.nextBoolean()) {
                java.util.Collections.reverse(cells);
            }
            if (random.nextInt(4) == 0 && cells.size() > 1) {
                java.util.Collections.swap(cells, random.nextInt(cells.size()), random.nextInt(cells.size()));
            }
            long[] extents = new long[cells.size() + 3];
            for (int i = 0; i < cells.size(); i++) {
                extents[i] = cells.get(i);
            }
            Extents e = new Extents(USABLE);
            boolean expected = e.bitmap(page, hdr, contentOffset, extents, cells.size());
            int inOrder = e.inOrder(page, hdr, contentOffset, extents, cells.size());
            if (inOrder >= 0) {
                answered++;
                assertThat(inOrder == 1).as("round %d", round).isEqualTo(expected);
            }
            if (!expected) {
                overlapping++;
            }
            assertThat(e.disjoint(page, hdr, contentOffset, extents, cells.size())).isEqualTo(expected);
        }
        assertThat(answered).isGreaterThan(100_000);
        assertThat(overlapping).isGreaterThan(20_000);
    }

    /** Pieces [first, last] going up the page, some overlapping, touching, outside it or inverted. */
    private static List<int[]> layOut(Random random, int contentOffset) {
        List<int[]> out = new ArrayList<>();
        int at = contentOffset + random.nextInt(8) - (random.nextInt(10) == 0 ? 6 : 0);
        int n = random.nextInt(12);
        for (int i = 0; i < n && at < USABLE + 8; i++) {
            int len = 4 + random.nextInt(60);
            int first = at;
            int last = first + len - 1;
            if (random.nextInt(25) == 0) {
                last = first - 1 - random.nextInt(3); // inverted
            }
            out.add(new int[] {first, last});
            at = last + 1 + random.nextInt(6) - (random.nextInt(12) == 0 ? 3 + random.nextInt(5) : 0);
        }
        return out;
    }

    private static void put16(byte[] b, int off, int v) {
        if (off >= 0 && off + 1 < b.length) {
            b[off] = (byte) (v >>> 8);
            b[off + 1] = (byte) v;
        }
    }
}
