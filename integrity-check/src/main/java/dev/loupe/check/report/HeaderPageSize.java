package dev.loupe.check.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The page size in a database file's header (fileformat2 §1.3.2: 2 bytes at offset 16, 1 meaning 65536). */
final class HeaderPageSize {

    private HeaderPageSize() {
    }

    /** The page size the file's header gives, or 0 if it cannot be read or is not a power of two in 512..65536. */
    static int read(String file) {
        try (FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(2);
            while (b.hasRemaining()) {
                if (ch.read(b, 16 + b.position()) < 0) {
                    return 0;
                }
            }
            int v = ((b.get(0) & 0xff) << 8) | (b.get(1) & 0xff);
            int size = v == 1 ? 65536 : v;
            return size >= 512 && Integer.bitCount(size) == 1 ? size : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
