package dev.loupe.format;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Varint.length against the definition of fileformat2 §1.6 spelled out byte by byte: a varint ends at the first
 * byte with the high bit clear, or at the ninth byte whatever it holds; running into {@code limit} first means
 * truncated (0). Checked for every limit around random, high-bit-heavy bytes.
 */
class VarintLengthTest {

    private static int byDefinition(byte[] b, int off, int limit) {
        for (int i = 0; i < 9; i++) {
            if (off + i >= limit) {
                return 0;
            }
            if (i == 8 || (b[off + i] & 0x80) == 0) {
                return i + 1;
            }
        }
        return 9;
    }

    @Test
    void agreesWithTheDefinitionAtEveryOffsetAndLimit() {
        SplittableRandom rnd = new SplittableRandom(7);
        byte[] b = new byte[24];
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextInt(8) == 0 ? rnd.nextInt(128) : 0x80 | rnd.nextInt(128));
            }
            for (int off = 0; off <= b.length; off++) {
                for (int limit = Math.max(0, off - 2); limit <= b.length; limit++) {
                    assertThat(Varint.length(b, off, limit)).isEqualTo(byDefinition(b, off, limit));
                }
            }
        }
    }

    @Test
    void onePassReadsWhatLengthAndValueRead() {
        SplittableRandom rnd = new SplittableRandom(13);
        byte[] b = new byte[24];
        Varint.OnePass one = new Varint.OnePass();
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextInt(8) == 0 ? rnd.nextInt(128) : 0x80 | rnd.nextInt(128));
            }
            for (int off = 0; off <= b.length; off++) {
                for (int limit = Math.max(0, off - 2); limit <= b.length; limit++) {
                    int n = Varint.length(b, off, limit);
                    assertThat(one.read(b, off, limit)).isEqualTo(n);
                    if (n > 0) {
                        assertThat(one.value()).isEqualTo(Varint.value(b, off));
                    }
                }
            }
        }
    }

    @Test
    void roundTripsWrittenValues() {
        SplittableRandom rnd = new SplittableRandom(11);
        byte[] b = new byte[9];
        for (int round = 0; round < 100_000; round++) {
            long v = rnd.nextLong() >>> rnd.nextInt(64);
            int n = Varint.write(v, b, 0);
            assertThat(Varint.length(b, 0, n)).isEqualTo(n);
            assertThat(Varint.length(b, 0, n - 1)).isZero();
            assertThat(Varint.value(b, 0)).isEqualTo(v);
        }
    }
}
