package dev.loupe.format.journal;

import dev.loupe.format.Span;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;

/**
 * One page record of a rollback journal: a big-endian page number, the page's original content, and a checksum
 * (pager.c pager_cksum: the segment's nonce plus the unsigned bytes at offsets pageSize-200, pageSize-400, ...,
 * down to the last offset above 0, modulo 2^32).
 *
 * @param index            1-based record number in the file
 * @param segment          0-based index of the header this record follows
 * @param offset           file offset of the record (its page-number field)
 * @param pageNumber       database page the content belongs to
 * @param pageSize         bytes of page content
 * @param checksum         stored checksum
 * @param computedChecksum checksum computed from the nonce and the content
 * @param wouldRestore     SQLite's hot-journal rollback would write this page back (pager.c pager_playback): the
 *                         journal looks hot, its header is valid, playback has not stopped before this record, the
 *                         page number is within the initial database size, and the checksum holds
 */
public record JournalRecord(int index, int segment, long offset, long pageNumber, int pageSize, long checksum,
                            long computedChecksum, boolean wouldRestore) {

    public boolean checksumOk() {
        return checksum == computedChecksum;
    }

    public Span pageNumberSpan() {
        return Span.inFile(offset, 4);
    }

    public Span dataSpan() {
        return Span.inFile(offset + 4, pageSize);
    }

    public Span checksumSpan() {
        return Span.inFile(offset + 4 + pageSize, 4);
    }

    /** Bytes the record occupies: page number, content, checksum. */
    public long size() {
        return pageSize + 8L;
    }

    /** Reads the page content from the journal this record was decoded from. */
    public byte[] readData(ReadOnlyFile journal) throws IOException {
        byte[] b = new byte[pageSize];
        if (journal.read(offset + 4, b, 0, pageSize) < pageSize) {
            throw new IOException("journal shrank while being read: " + journal.path());
        }
        return b;
    }

    /** pager_cksum over {@code data[off .. off+pageSize)}. */
    static long checksumOf(long nonce, byte[] data, int off, int pageSize) {
        long sum = nonce;
        for (int i = pageSize - 200; i > 0; i -= 200) {
            sum += data[off + i] & 0xff;
        }
        return sum & 0xffffffffL;
    }
}
