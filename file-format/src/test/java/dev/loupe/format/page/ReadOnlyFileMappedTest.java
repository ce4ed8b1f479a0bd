package dev.loupe.format.page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large files are read through mapped windows: every read returns exactly the bytes RandomAccessFile returns,
 * including reads across a window boundary, reads that run past the end, and bytes appended after the file was
 * opened (beyond the mapping).
 */
class ReadOnlyFileMappedTest {

    @Test
    void mappedReadsEqualPlainReads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.bin");
        long size = ReadOnlyFile.WINDOW + (5L << 20) + 123; // a sparse file spanning two windows
        SplittableRandom rnd = new SplittableRandom(42);
        long[] marks = {0, 4096, ReadOnlyFile.WINDOW - 3000, ReadOnlyFile.WINDOW - 1, ReadOnlyFile.WINDOW,
                ReadOnlyFile.WINDOW + 777, size - 2000};
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
            for (long m : marks) {
                byte[] b = new byte[(int) Math.min(4096, size - m)];
                rnd.nextBytes(b);
                raf.seek(m);
                raf.write(b);
            }
        }
        try (ReadOnlyFile file = ReadOnlyFile.open(f); RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            assertThat(size).isGreaterThanOrEqualTo(ReadOnlyFile.MAP_FROM);
            for (int i = 0; i < 2000; i++) {
                long pos = i < marks.length ? marks[i] : rnd.nextLong(size + 100);
                int len = 1 + rnd.nextInt(8192);
                byte[] got = new byte[len];
                int n = file.read(pos, got, 0, len);
                byte[] want = new byte[len];
                raf.seek(Math.min(pos, size));
                int m = Math.max(0, raf.read(want, 0, len));
                assertThat(n).as("read at %d", pos).isEqualTo(m);
                assertThat(Arrays.copyOf(got, n)).as("bytes at %d", pos).isEqualTo(Arrays.copyOf(want, m));
            }
            // bytes appended after opening lie beyond the mapping: read from the channel
            try (RandomAccessFile w = new RandomAccessFile(f.toFile(), "rw")) {
                w.seek(size);
                w.write(new byte[]{1, 2, 3, 4});
            }
            byte[] tail = new byte[6];
            assertThat(file.read(size - 2, tail, 0, 6)).isEqualTo(6);
            assertThat(Arrays.copyOfRange(tail, 2, 6)).containsExactly(1, 2, 3, 4);
        }
        assertThat(Files.size(f)).isEqualTo(size + 4);
    }
}
