package dev.loupe.wal;

/** A run of bytes {@code [offset, offset + length)} of a page that differ between two versions. */
public record ByteRange(int offset, int length) {

    public int end() {
        return offset + length;
    }
}
