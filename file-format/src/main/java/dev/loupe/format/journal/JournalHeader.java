package dev.loupe.format.journal;

import dev.loupe.format.Span;

/**
 * A rollback-journal header (fileformat2 §"The Rollback Journal", pager.c writeJournalHdr): big-endian fields in the
 * first 28 bytes of a sector-sized block; the rest of the sector is padding. A journal holds one header per
 * segment; each header starts on a sector boundary.
 *
 * @param index          0-based number of this header (segment) in the file
 * @param offset         file offset of the header
 * @param magic          bytes 0..7 as a big-endian number; d9d505f920a163d7 when valid
 * @param nRec           records in this segment; 0xffffffff = "up to the end of the file" (no-sync mode)
 * @param nonce          the random checksum initializer (cksumInit) for this segment's records
 * @param initialDbSize  database size in pages before the transaction
 * @param sectorSize     sector size of the writer, which is also the header's size
 * @param pageSize       database page size (0 in journals from before SQLite 3.5.8)
 */
public record JournalHeader(int index, long offset, long magic, long nRec, long nonce, long initialDbSize,
                            long sectorSize, long pageSize) {

    public static final long MAGIC = 0xd9d505f920a163d7L;
    /** Bytes of a header that carry fields. */
    public static final int FIELDS_SIZE = 28;
    /** nRec value meaning: compute the count from the file size. */
    public static final long NREC_TO_END = 0xffffffffL;

    public boolean magicOk() {
        return magic == MAGIC;
    }

    /**
     * Magic and nRec both zero: the header of a segment whose records have not been synced yet. SQLite writes
     * headers that way outside no-sync mode and fills in magic and nRec only when it syncs the journal
     * (pager.c syncJournal); a hot-journal rollback stops at such a header.
     */
    public boolean unsynced() {
        return magic == 0 && nRec == 0;
    }

    @Override
    public String toString() {
        return String.format("JournalHeader[index=%d, offset=%d, magic=%016x, nRec=%d, nonce=0x%08x, initialDbSize=%d,"
                + " sectorSize=%d, pageSize=%d]", index, offset, magic, nRec, nonce, initialDbSize, sectorSize,
                pageSize);
    }

    public Span magicSpan() {
        return Span.inFile(offset, 8);
    }

    public Span nRecSpan() {
        return Span.inFile(offset + 8, 4);
    }

    public Span nonceSpan() {
        return Span.inFile(offset + 12, 4);
    }

    public Span initialDbSizeSpan() {
        return Span.inFile(offset + 16, 4);
    }

    public Span sectorSizeSpan() {
        return Span.inFile(offset + 20, 4);
    }

    public Span pageSizeSpan() {
        return Span.inFile(offset + 24, 4);
    }
}
