package dev.loupe.format.journal;

import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded rollback journal (fileformat2 §"The Rollback Journal"; pager.c readJournalHdr, pager_playback,
 * pager_playback_one_page). Decode only: nothing is written anywhere.
 *
 * <p>Layout: segments, each a {@link JournalHeader} padded to the sector size and followed by its page records
 * ({@link JournalRecord}: page number, page, checksum); the next header starts at the next sector boundary. The
 * first header's page and sector sizes govern the whole file. A multi-database transaction may end the file with
 * a super-journal name.
 *
 * <p>Besides decoding, this says what SQLite's hot-journal rollback would do with the file, because that decides
 * what the database will look like after the next open: playback reads headers while their magic is right,
 * restores each record whose page number is within the first header's initial database size and whose checksum
 * holds, and stops for good at a record with page number 0 (or the lock-byte page) or a bad checksum. A header with
 * zero magic and zero nRec (a segment not yet synced) ends playback but its records are still decoded here, as an
 * unfinished transaction's journal holds them: their content is the pages' original content all the same.
 */
public final class JournalFile {
    private static final int MAX_SECTOR_SIZE = 0x10000;
    private static final int MAX_REPORTED_CHECKSUMS = 100;

    private final long fileSize;
    private final boolean hotLooking;
    private final List<JournalHeader> headers;
    private final List<JournalRecord> records;
    private final String superJournal;
    private final List<Problem> problems;

    private JournalFile(long fileSize, boolean hotLooking, List<JournalHeader> headers, List<JournalRecord> records,
                        String superJournal, List<Problem> problems) {
        this.fileSize = fileSize;
        this.hotLooking = hotLooking;
        this.headers = List.copyOf(headers);
        this.records = List.copyOf(records);
        this.superJournal = superJournal;
        this.problems = List.copyOf(problems);
    }

    public static JournalFile read(ReadOnlyFile f) throws IOException {
        return new Reader(f).read();
    }

    /** One pass over the file; holds the state of the walk. */
    private static final class Reader {
        private final ReadOnlyFile f;
        private final List<Problem> problems = new ArrayList<>();
        private final List<JournalHeader> headers = new ArrayList<>();
        private final List<JournalRecord> records = new ArrayList<>();
        private long size;
        private boolean playing;
        private int badChecksums;

        Reader(ReadOnlyFile f) {
            this.f = f;
        }

        JournalFile read() throws IOException {
            size = f.size();
            byte[] first = f.readAt(0, JournalHeader.FIELDS_SIZE);
            // pager.c hasHotJournal: a journal whose first byte is 0 is not hot.
            boolean hot = first.length > 0 && first[0] != 0;
            String superName = size >= 16 ? readSuperJournal() : null;
            if (size == 0) {
                return result(false, null);
            }
            if (first.length < JournalHeader.FIELDS_SIZE) {
                problems.add(new Problem(ProblemKind.FILE_TRUNCATED, Span.inFile(0, first.length), "journal is "
                        + size + " bytes, shorter than a 28-byte header: SQLite ignores it"));
                return result(hot, superName);
            }
            JournalHeader h = decodeHeader(first, 0, 0);
            if (!firstHeaderUsable(h, first)) {
                return result(hot, superName);
            }
            int pageSize = (int) h.pageSize();
            int sectorSize = (int) h.sectorSize();
            playing = hot && h.magicOk();
            long dbSize = h.initialDbSize();
            long lockBytePage = LockBytePage.of(pageSize);
            long recordSize = pageSize + 8L;
            long offset = 0;
            while (true) {
                if (h.index() > 0 && !h.magicOk()) {
                    if (!h.unsynced()) {
                        break; // not a header: the journal ends here for SQLite too
                    }
                    playing = false;
                }
                headers.add(h);
                long start = offset + sectorSize;
                long available = Math.max(0, (size - start) / recordSize);
                boolean toEnd = h.unsynced() || h.nRec() == JournalHeader.NREC_TO_END;
                long count = toEnd ? available : h.nRec();
                if (count > available) {
                    problems.add(new Problem(ProblemKind.FILE_TRUNCATED, h.nRecSpan(), "segment " + h.index()
                            + " declares " + count + " records but only " + available + " whole records follow:"
                            + " the journal is truncated" + (playing ? "; SQLite's rollback stops at its end" : "")));
                    count = available;
                }
                readRecords(h, start, count, pageSize, dbSize, lockBytePage);
                if (toEnd) {
                    break;
                }
                long end = start + count * recordSize;
                long next = (end + sectorSize - 1) / sectorSize * sectorSize;
                // pager.c readJournalHdr: a header must fit whole before the end of the file.
                if (next <= offset || next + sectorSize > size) {
                    break;
                }
                byte[] hb = f.readAt(next, JournalHeader.FIELDS_SIZE);
                h = decodeHeader(hb, next, headers.size());
                offset = next;
            }
            return result(hot, superName);
        }

        private JournalFile result(boolean hot, String superName) {
            if (badChecksums > MAX_REPORTED_CHECKSUMS) {
                problems.add(new Problem(ProblemKind.JOURNAL_RECORD, Span.inFile(0, 0), (badChecksums
                        - MAX_REPORTED_CHECKSUMS) + " more records with a checksum mismatch"));
            }
            return new JournalFile(size, hot, headers, records, superName, problems);
        }

        private JournalHeader decodeHeader(byte[] b, long offset, int index) {
            long magic = ((long) BigEndian.i32(b, 0) << 32) | BigEndian.u32(b, 4);
            return new JournalHeader(index, offset, magic, BigEndian.u32(b, 8), BigEndian.u32(b, 12),
                    BigEndian.u32(b, 16), BigEndian.u32(b, 20), BigEndian.u32(b, 24));
        }

        /** pager.c readJournalHdr's checks on the first header, which fixes page and sector size. */
        private boolean firstHeaderUsable(JournalHeader h, byte[] b) {
            boolean allZero = true;
            for (byte x : b) {
                allZero &= x == 0;
            }
            if (allZero) {
                headers.add(h);
                problems.add(new Problem(ProblemKind.JOURNAL_HEADER, Span.inFile(0, JournalHeader.FIELDS_SIZE),
                        "header is zeroed (a journal finalized in PERSIST mode, or never written): nothing to roll"
                                + " back"));
                return false;
            }
            if (!h.magicOk() && !h.unsynced()) {
                headers.add(h);
                problems.add(new Problem(ProblemKind.JOURNAL_HEADER, h.magicSpan(), String.format("bad magic %016x"
                        + " (expected d9d505f920a163d7): SQLite does not roll this journal back", h.magic())));
                return false;
            }
            String bad = null;
            if (h.pageSize() == 0) {
                bad = "page size 0 (journals before SQLite 3.5.8): the database's page size applies and is not"
                        + " known here; records not decoded";
            } else if (h.pageSize() < 512 || h.pageSize() > 65536 || Long.bitCount(h.pageSize()) != 1) {
                bad = "bad page size " + h.pageSize() + ": SQLite stops reading the journal here";
            } else if (h.sectorSize() < 32 || h.sectorSize() > MAX_SECTOR_SIZE
                    || Long.bitCount(h.sectorSize()) != 1) {
                bad = "bad sector size " + h.sectorSize() + ": SQLite stops reading the journal here";
            } else if (h.sectorSize() > size) {
                bad = "journal is " + size + " bytes, shorter than its " + h.sectorSize()
                        + "-byte header sector: SQLite ignores it";
            }
            if (bad != null) {
                headers.add(h);
                problems.add(new Problem(ProblemKind.JOURNAL_HEADER, Span.inFile(0, JournalHeader.FIELDS_SIZE),
                        bad));
                return false;
            }
            return true;
        }

        private void readRecords(JournalHeader h, long start, long count, int pageSize, long dbSize,
                                 long lockBytePage) throws IOException {
            int recordSize = pageSize + 8;
            byte[] b = new byte[recordSize];
            for (long i = 0; i < count; i++) {
                long offset = start + i * recordSize;
                if (f.read(offset, b, 0, recordSize) < recordSize) {
                    throw new IOException("journal shrank while being read: " + f.path());
                }
                int index = records.size() + 1;
                long pgno = BigEndian.u32(b, 0);
                long stored = BigEndian.u32(b, 4 + pageSize);
                long computed = JournalRecord.checksumOf(h.nonce(), b, 4, pageSize);
                boolean restore = false;
                if (playing) {
                    if (pgno == 0 || pgno == lockBytePage) {
                        playing = false;
                        problems.add(new Problem(ProblemKind.JOURNAL_RECORD, Span.inFile(offset, 4), "record "
                                + index + ": page number " + pgno + (pgno == 0 ? "" : " (the lock-byte page)")
                                + ": SQLite's rollback stops here; this and later records are not restored"));
                    } else if (pgno <= dbSize) {
                        // pager_playback_one_page skips pages past the initial size before checking the checksum.
                        if (stored == computed) {
                            restore = true;
                        } else {
                            playing = false;
                            reportChecksum(index, pgno, offset + 4 + pageSize, stored, computed,
                                    ": SQLite's rollback stops here; this and later records are not restored");
                        }
                    }
                } else if (stored != computed) {
                    reportChecksum(index, pgno, offset + 4 + pageSize, stored, computed, "");
                }
                records.add(new JournalRecord(index, h.index(), offset, pgno, pageSize, stored, computed, restore));
            }
        }

        private void reportChecksum(int index, long pgno, long at, long stored, long computed, String consequence) {
            if (++badChecksums <= MAX_REPORTED_CHECKSUMS || !consequence.isEmpty()) {
                problems.add(new Problem(ProblemKind.JOURNAL_RECORD, Span.inFile(at, 4), String.format(
                        "record %d (page %d): checksum mismatch, stored 0x%08x, computed 0x%08x%s", index, pgno,
                        stored, computed, consequence)));
            }
        }

        /**
         * pager.c readSuperJournal: the file may end with u32 length, u32 checksum (sum of the name's bytes as
         * signed chars) and the 8 magic bytes, preceded by the name. A wrong checksum means "no name".
         */
        private String readSuperJournal() throws IOException {
            byte[] tail = f.readAt(size - 16, 16);
            long len = BigEndian.u32(tail, 0);
            long cksum = BigEndian.u32(tail, 4);
            long magic = ((long) BigEndian.i32(tail, 8) << 32) | BigEndian.u32(tail, 12);
            if (magic != JournalHeader.MAGIC || len == 0 || len > size - 16 || len > 65536) {
                return null;
            }
            byte[] name = f.readAt(size - 16 - len, (int) len);
            long sum = 0;
            for (byte c : name) {
                sum += c; // signed chars, as pager.c sums them
            }
            if (((cksum - sum) & 0xffffffffL) != 0) {
                return null;
            }
            return new String(name, StandardCharsets.UTF_8);
        }
    }

    public long fileSize() {
        return fileSize;
    }

    /**
     * Whether the journal looks hot: it is not empty and its first byte is not 0 (pager.c hasHotJournal). SQLite
     * also requires that no connection holds a RESERVED lock on the database, that the database is not empty, and
     * that a named super-journal exists; a file alone cannot tell those.
     */
    public boolean hotLooking() {
        return hotLooking;
    }

    /** Headers read, in file order; the first may be one that stopped decoding (see {@link #problems()}). */
    public List<JournalHeader> headers() {
        return headers;
    }

    public List<JournalRecord> records() {
        return records;
    }

    /** The super-journal name at the end of the file, for a multi-database transaction. */
    public Optional<String> superJournal() {
        return Optional.ofNullable(superJournal);
    }

    /** Page size from the first header, 0 when it is unusable. */
    public int pageSize() {
        return usable(headers) ? (int) headers.get(0).pageSize() : 0;
    }

    private static boolean usable(List<JournalHeader> hs) {
        if (hs.isEmpty()) {
            return false;
        }
        long p = hs.get(0).pageSize();
        return p >= 512 && p <= 65536 && Long.bitCount(p) == 1;
    }

    /** The database size in pages a rollback restores (the first header's initial size), -1 without a header. */
    public long initialDbSize() {
        return headers.isEmpty() ? -1 : headers.get(0).initialDbSize();
    }

    public List<Problem> problems() {
        return problems;
    }
}
