package dev.loupe.format.wal;

/**
 * Reads the -shm file's integers. The wal-index is shared memory and is written in the native byte order of the
 * machine that wrote it (walformat §"The WAL-Index Format"), unlike every other SQLite file.
 */
record ShmByteOrder(boolean bigEndian) {

    long u32(byte[] b, int off) {
        if (bigEndian) {
            return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
                    | (b[off + 3] & 0xff);
        }
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8) | ((b[off + 2] & 0xff) << 16)
                | ((b[off + 3] & 0xffL) << 24);
    }

    int u16(byte[] b, int off) {
        return bigEndian ? ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff) : (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8);
    }
}
