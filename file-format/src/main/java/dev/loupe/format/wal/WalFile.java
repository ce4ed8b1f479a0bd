package dev.loupe.format.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A decoded WAL file, judged the way SQLite's recovery (wal.c walIndexRecover) judges it when it rebuilds the
 * wal-index from the WAL alone:
 * <ul>
 *   <li>The whole WAL is ignored when it is not longer than its 32-byte header, when the magic is neither
 *       0x377f0682 nor 0x377f0683, when the page size is not a power of two from 512 to 65536, or when the header
 *       checksum is wrong. A header that passes all that but carries a format version other than 3007000 makes
 *       SQLite refuse to open the database (SQLITE_CANTOPEN); no frame is used either.</li>
 *   <li>Only whole frames count: frame count = (file size - 32) / (24 + page size).</li>
 *   <li>Frames are read in order; the first frame whose salts differ from the header's, whose page number is 0,
 *       or whose checksum does not continue the chain ends the WAL: it and every later frame are ignored.</li>
 *   <li>Of the unbroken prefix, SQLite uses frames up to the last commit frame (mxFrame); frames after it belong
 *       to a transaction that never committed and are ignored too.</li>
 * </ul>
 * Frames past the usable prefix are still decoded (for diagnosis), marked not {@linkplain WalFrame#valid valid}.
 * Memory: about 30 bytes per frame; nothing is read twice.
 */
public final class WalFile {

    /** Bytes read per I/O: whole frames, about 1 MiB. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final long fileSize;
    private final WalHeader header;
    private final boolean headerUsable;
    private final WalFrameTable frames;
    private final List<WalCommit> commits;
    private final List<Problem> problems;
    private final List<Problem> headerProblems;
    private final Problem chainBreak;
    private final int lostCommits;

    private WalFile(long fileSize, WalHeader header, boolean headerUsable, WalFrameTable frames,
                    List<WalCommit> commits, List<Problem> problems) {
        this(fileSize, header, headerUsable, frames, commits, problems, problems, null, 0);
    }

    private WalFile(long fileSize, WalHeader header, boolean headerUsable, WalFrameTable frames,
                    List<WalCommit> commits, List<Problem> problems, List<Problem> headerProblems,
                    Problem chainBreak, int lostCommits) {
        this.headerProblems = List.copyOf(headerProblems);
        this.chainBreak = chainBreak;
        this.lostCommits = lostCommits;
        this.fileSize = fileSize;
        this.header = header;
        this.headerUsable = headerUsable;
        this.frames = frames;
        this.commits = List.copyOf(commits);
        this.problems = List.copyOf(problems);
    }

    /** Reads and judges the whole WAL. Only I/O failures throw; damage becomes {@link #problems()}. */
    public static WalFile read(ReadOnlyFile f) throws IOException {
        long size = f.size();
        List<Problem> problems = new ArrayList<>();
        if (size < WalHeader.SIZE) {
            if (size > 0) {
                problems.add(new Problem(ProblemKind.FILE_TRUNCATED, Span.inFile(0, (int) size),
                        "WAL is " + size + " bytes, shorter than its 32-byte header: the whole WAL is ignored"));
            }
            return new WalFile(size, null, false, new WalFrameTable(0), List.of(), problems);
        }
        byte[] hb = new byte[WalHeader.SIZE];
        if (f.read(0, hb, 0, hb.length) < hb.length) {
            throw new IOException("WAL shrank while being read: " + f.path());
        }
        WalHeader h = WalHeader.decode(hb);
        boolean usable = judgeHeader(h, hb, problems);
        if (!h.pageSizeOk()) {
            return new WalFile(size, h, false, new WalFrameTable(0), List.of(), problems);
        }
        return scanFrames(f, size, h, usable, problems, List.copyOf(problems));
    }

    /** Reports what is wrong with the header; true when SQLite would read the frames. */
    private static boolean judgeHeader(WalHeader h, byte[] hb, List<Problem> problems) {
        boolean usable = true;
        if (!h.magicOk()) {
            problems.add(new Problem(ProblemKind.WAL_HEADER, h.magicSpan(), String.format(
                    "bad magic 0x%08x (expected 0x377f0682 or 0x377f0683): the whole WAL is ignored", h.magic())));
            usable = false;
        }
        if (!h.pageSizeOk()) {
            problems.add(new Problem(ProblemKind.WAL_PAGE_SIZE, h.pageSizeSpan(), "bad page size " + h.pageSize()
                    + " (must be a power of two from 512 to 65536): the whole WAL is ignored"));
            usable = false;
        }
        if (!h.headerChecksumOk()) {
            WalChecksum computed = WalChecksum.of(h.bigEndianChecksum(), hb, 0, 24);
            problems.add(new Problem(ProblemKind.WAL_CHECKSUM, Span.inFile(24, 8), String.format(
                    "bad header checksum: stored (0x%08x, 0x%08x), computed %s over bytes 0..23: "
                            + "the whole WAL is ignored", h.checksum1(), h.checksum2(), computed)));
            usable = false;
        }
        if (!h.versionOk()) {
            problems.add(new Problem(ProblemKind.WAL_HEADER, h.formatVersionSpan(), usable
                    ? "bad version " + h.formatVersion() + " (expected 3007000) under a valid header checksum: "
                            + "SQLite refuses to open the database while this WAL exists (SQLITE_CANTOPEN)"
                    : "bad version " + h.formatVersion() + " (expected 3007000): the whole WAL is ignored"));
            usable = false;
        }
        return usable;
    }

    private static WalFile scanFrames(ReadOnlyFile f, long size, WalHeader h, boolean usable,
                                      List<Problem> problems, List<Problem> headerProblems) throws IOException {
        int pageSize = (int) h.pageSize();
        int frameSize = pageSize + WalFrame.HEADER_SIZE;
        long wholeFrames = (size - WalHeader.SIZE) / frameSize;
        int partial = (int) ((size - WalHeader.SIZE) % frameSize);
        int nFrames = (int) Math.min(wholeFrames, Integer.MAX_VALUE - 8);
        boolean be = h.bigEndianChecksum();

        WalFrameTable table = new WalFrameTable(frameSize);
        List<WalCommit> commits = new ArrayList<>();
        long[] openPages = new long[16];
        int openCount = 0;
        int commitStart = 1;
        int mxFrame = 0;
        int chainEnd = 0;          // last frame of the unbroken chain
        int breakFrame = 0;        // first frame that broke it, 0 if none
        ProblemKind breakKind = null;
        String breakWhat = null;
        Span breakSpan = null;
        int lastLostCommitFrame = 0;
        int lostCommits = 0;
        Problem chainBreak = null;
        boolean intact = usable;

        WalChecksum previous = h.storedChecksum();
        int perChunk = Math.max(1, CHUNK_BYTES / frameSize);
        byte[] buf = new byte[perChunk * frameSize];
        int index = 0;
        while (index < nFrames) {
            int n = Math.min(perChunk, nFrames - index);
            long pos = WalHeader.SIZE + (long) index * frameSize;
            int got = f.read(pos, buf, 0, n * frameSize);
            if (got < n * frameSize) {
                throw new IOException("WAL shrank while being read: " + f.path());
            }
            for (int k = 0; k < n; k++) {
                index++;
                int p = k * frameSize;
                long pgno = BigEndian.u32(buf, p);
                long dbSize = BigEndian.u32(buf, p + 4);
                long s1 = BigEndian.u32(buf, p + 8);
                long s2 = BigEndian.u32(buf, p + 12);
                long c1 = BigEndian.u32(buf, p + 16);
                long c2 = BigEndian.u32(buf, p + 20);
                boolean saltOk = s1 == h.salt1() && s2 == h.salt2();
                boolean checksumOk = previous.update(be, buf, p, 8).update(be, buf, p + WalFrame.HEADER_SIZE,
                        pageSize).matches(c1, c2);
                previous = new WalChecksum(c1, c2);
                table.add(pgno, dbSize, s1, s2, c1, c2, saltOk, checksumOk);
                long frameOffset = pos + p;
                if (intact) {
                    // wal.c walDecodeFrame tests salts, then the page number, then the checksum.
                    if (!saltOk) {
                        breakKind = ProblemKind.WAL_SALT;
                        breakWhat = "salt mismatch at frame " + index;
                        breakSpan = Span.inFile(frameOffset + 8, 8);
                    } else if (pgno == 0) {
                        breakKind = ProblemKind.WAL_FRAME;
                        breakWhat = "page number 0 at frame " + index;
                        breakSpan = Span.inFile(frameOffset, 4);
                    } else if (!checksumOk) {
                        breakKind = ProblemKind.WAL_CHECKSUM;
                        breakWhat = "checksum break at frame " + index;
                        breakSpan = Span.inFile(frameOffset + 16, 8);
                    }
                    if (breakKind != null) {
                        intact = false;
                        breakFrame = index;
                        if (saltOk && dbSize != 0) {
                            lostCommits++;
                            lastLostCommitFrame = index;
                        }
                        continue;
                    }
                    chainEnd = index;
                    if (openCount == openPages.length) {
                        openPages = Arrays.copyOf(openPages, openCount * 2);
                    }
                    openPages[openCount++] = pgno;
                    if (dbSize != 0) {
                        int number = commits.size() + 1;
                        commits.add(new WalCommit(number, commitStart, index, dbSize,
                                distinctSorted(openPages, openCount)));
                        table.setCommit(commitStart, index, number);
                        commitStart = index + 1;
                        openCount = 0;
                        mxFrame = index;
                    }
                } else if (breakFrame > 0 && saltOk && dbSize != 0) {
                    lostCommits++;
                    lastLostCommitFrame = index;
                }
            }
        }
        table.setValidCount(mxFrame);

        if (breakFrame > 0) {
            String tail = "frames " + breakFrame + ".." + nFrames + " ignored";
            if (lostCommits > 0) {
                int first = commits.size() + 1;
                // a lost commit's frames start after the last valid commit, which may be before the break
                long lost = lastLostCommitFrame - mxFrame;
                tail += ", and with them " + lost + " committed " + (lost == 1 ? "frame" : "frames") + " (frames "
                        + (mxFrame + 1) + ".." + lastLostCommitFrame + ", commits " + first + ".."
                        + (first + lostCommits - 1) + ")";
            } else if (breakKind == ProblemKind.WAL_SALT) {
                tail += ", none of them in a commit with this WAL's salts (frames left from before a WAL restart"
                        + " are normal)";
            } else {
                tail += ", none of them in a later commit";
            }
            chainBreak = new Problem(breakKind, breakSpan, breakWhat + ": " + tail);
            problems.add(chainBreak);
        }
        if (chainEnd > mxFrame) {
            int count = chainEnd - mxFrame;
            long start = WalHeader.SIZE + (long) mxFrame * frameSize;
            problems.add(new Problem(ProblemKind.WAL_TRAILING_FRAMES,
                    Span.inFile(start, (int) Math.min(Integer.MAX_VALUE, (long) count * frameSize)),
                    count + (count == 1 ? " frame" : " frames") + " after the last commit frame "
                            + (count == 1 ? "is" : "are") + " ignored (frames " + (mxFrame + 1) + ".."
                            + chainEnd + (lostCommits > 0 ? ": their commit frame is lost in the break at frame "
                            + breakFrame : ": a transaction that never committed") + ")"));
        }
        if (partial > 0) {
            long start = WalHeader.SIZE + wholeFrames * frameSize;
            problems.add(new Problem(ProblemKind.FILE_TRUNCATED, Span.inFile(start, partial), "partial frame at the"
                    + " end: " + partial + " of " + frameSize + " bytes after frame " + wholeFrames
                    + " are ignored (SQLite reads whole frames only)"));
        }
        if (wholeFrames > nFrames) {
            problems.add(new Problem(ProblemKind.WAL_FRAME, Span.inFile(WalHeader.SIZE + (long) nFrames * frameSize,
                    0), "more than " + nFrames + " frames: the rest are not decoded"));
        }
        return new WalFile(size, h, usable, table, commits, problems, headerProblems, chainBreak, lostCommits);
    }

    private static long[] distinctSorted(long[] pages, int count) {
        long[] sorted = Arrays.copyOf(pages, count);
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** The header, absent when the file is shorter than 32 bytes. */
    public Optional<WalHeader> header() {
        return Optional.ofNullable(header);
    }

    /** Whether SQLite reads this WAL's frames at all: magic, page size, header checksum and version are right. */
    public boolean headerUsable() {
        return headerUsable;
    }

    /** Every whole frame in the file, valid or not (empty when the header's page size is unusable). */
    public List<WalFrame> frames() {
        return frames;
    }

    /** The valid commits, in order; commit {@code k} is {@code commits().get(k - 1)}. */
    public List<WalCommit> commits() {
        return commits;
    }

    /** SQLite's mxFrame after recovery: the last commit frame of the unbroken valid prefix, 0 if none. */
    public int validFrameCount() {
        return commits.isEmpty() ? 0 : commits.get(commits.size() - 1).lastFrame();
    }

    /** The WAL header's page size when it is usable, else 0. */
    public int pageSize() {
        return header != null && header.pageSizeOk() ? (int) header.pageSize() : 0;
    }

    public long fileSize() {
        return fileSize;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * The problems of the 32-byte header (or of a file too short to hold one). When {@link #headerUsable()} is false
     * they are why the whole WAL is ignored; when it is true, a bad version (SQLite then refuses to open).
     */
    public List<Problem> headerProblems() {
        return headerProblems;
    }

    /** The problem that reports where the frame chain breaks (salt, page number 0 or checksum), if it does. */
    public Optional<Problem> chainBreak() {
        return Optional.ofNullable(chainBreak);
    }

    /** Commits with this WAL's salts after the break that SQLite drops with it, committed data included. */
    public int lostCommits() {
        return lostCommits;
    }

    /** Page number of frame {@code index} (1-based) without building a record. */
    long pageNumberOf(int index) {
        return frames.pageNumber(index);
    }
}
