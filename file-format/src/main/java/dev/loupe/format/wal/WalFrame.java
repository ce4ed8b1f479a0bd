package dev.loupe.format.wal;

import dev.loupe.format.Span;

/**
 * One WAL frame (walformat §"WAL File Format"): a 24-byte header of six big-endian 32-bit fields, then one page.
 *
 * @param index      1-based frame number
 * @param offset     file offset of the frame header (32 + (index-1) * (24 + page size))
 * @param pageNumber database page this frame holds; 0 makes the frame invalid
 * @param commitSize for a commit frame, the database size in pages after the commit; 0 otherwise
 * @param salt1      must equal the WAL header's salt-1
 * @param salt2      must equal the WAL header's salt-2
 * @param checksum1  stored checksum, first word
 * @param checksum2  stored checksum, second word
 * @param saltOk     both salts equal the WAL header's
 * @param checksumOk the stored checksum equals the checksum continued from the previous frame's stored checksum
 *                   (the header's for frame 1) over this frame's first 8 header bytes and its page. Within the
 *                   prefix SQLite uses this is exactly SQLite's test; past a break it tells which frames are
 *                   themselves damaged and which only follow a damaged one.
 * @param valid      the frame is in the prefix SQLite uses after recovery (index &lt;= mxFrame)
 * @param commit     1-based number of the valid commit this frame belongs to, 0 if none
 */
public record WalFrame(int index, long offset, long pageNumber, long commitSize, long salt1, long salt2,
                       long checksum1, long checksum2, boolean saltOk, boolean checksumOk, boolean valid,
                       int commit) {

    public static final int HEADER_SIZE = 24;

    public boolean isCommitFrame() {
        return commitSize != 0;
    }

    public Span headerSpan() {
        return Span.inFile(offset, HEADER_SIZE);
    }

    public Span pageNumberSpan() {
        return Span.inFile(offset, 4);
    }

    public Span commitSizeSpan() {
        return Span.inFile(offset + 4, 4);
    }

    public Span saltSpan() {
        return Span.inFile(offset + 8, 8);
    }

    public Span checksumSpan() {
        return Span.inFile(offset + 16, 8);
    }

    /** The page image, {@code pageSize} bytes after the frame header. */
    public Span dataSpan(int pageSize) {
        return Span.inFile(offset + HEADER_SIZE, pageSize);
    }
}
