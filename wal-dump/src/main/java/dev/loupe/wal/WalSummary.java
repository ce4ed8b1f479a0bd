package dev.loupe.wal;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.wal.ShmFile;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.format.wal.WalHeader;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * What a WAL holds and what SQLite makes of it: the header, a row per frame, and the verdict -- the commits and
 * frames SQLite uses, each run of frames it ignores and why, the committed frames it drops -- plus the checkpoint
 * state of the -shm when there is one. The judgement is wal.c walIndexRecover's (see {@link WalFile}); this class
 * only names it frame by frame.
 *
 * <p>The frame rows are built on access from {@link WalFile#frames()}: a WAL of millions of frames costs no more
 * than the WAL's own table.
 */
public final class WalSummary {

    private final WalFile wal;
    private final List<IgnoredFrames> ignored;
    private final LostCommits lost;
    private final int[] lostCommitEnds;
    private final int breakFrame;
    private final CheckpointState checkpoint;

    private WalSummary(WalFile wal, List<IgnoredFrames> ignored, LostCommits lost, int[] lostCommitEnds,
                       int breakFrame, CheckpointState checkpoint) {
        this.wal = wal;
        this.ignored = List.copyOf(ignored);
        this.lost = lost;
        this.lostCommitEnds = lostCommitEnds;
        this.breakFrame = breakFrame;
        this.checkpoint = checkpoint;
    }

    /** Judges {@code wal}; {@code shm}, when present, gives the checkpoint state. */
    public static WalSummary of(WalFile wal, Optional<ShmFile> shm) {
        List<IgnoredFrames> ignored = new ArrayList<>();
        int n = wal.frames().size();
        int frameSize = wal.pageSize() + WalFrame.HEADER_SIZE;
        int breakFrame = 0;
        LostCommits lost = null;
        int[] ends = new int[0];
        Optional<WalHeader> header = wal.header();
        if (!wal.headerUsable()) {
            String why = wal.problems().isEmpty() ? "the WAL header is unusable"
                    : wal.problems().get(0).message();
            Span span = wal.problems().isEmpty() ? Span.inFile(0, (int) Math.min(32, wal.fileSize()))
                    : wal.problems().get(0).span();
            if (header.isPresent() || wal.fileSize() > 0) {
                ignored.add(new IgnoredFrames(IgnoreReason.BAD_HEADER, n == 0 ? 0 : 1, n, span, why));
            }
        } else {
            int mx = wal.validFrameCount();
            int chainEnd = n;
            for (int i = mx; i < n; i++) {
                WalFrame f = wal.frames().get(i);
                if (!f.saltOk() || f.pageNumber() == 0 || !f.checksumOk()) {
                    breakFrame = i + 1;
                    chainEnd = i;
                    break;
                }
            }
            if (breakFrame > 0) {
                ends = lostCommitEnds(wal, breakFrame);
                if (ends.length > 0) {
                    int first = wal.commits().size() + 1;
                    lost = new LostCommits(first, first + ends.length - 1, mx + 1, ends[ends.length - 1]);
                }
            }
            if (chainEnd > mx) {
                long start = WalHeader.SIZE + (long) mx * frameSize;
                ignored.add(new IgnoredFrames(IgnoreReason.AFTER_LAST_COMMIT, mx + 1, chainEnd,
                        Span.inFile(start, (int) Math.min(Integer.MAX_VALUE, (long) (chainEnd - mx) * frameSize)),
                        "frames " + (mx + 1) + ".." + chainEnd + " follow the last commit frame " + mx + ": "
                                + (lost != null ? "they belong to commit " + lost.firstCommit() + ", whose commit"
                                + " frame lies beyond the break at frame " + breakFrame
                                : "a transaction that never committed")));
            }
            if (breakFrame > 0) {
                ignored.add(breakRun(wal.frames().get(breakFrame - 1), n, lost));
            }
        }
        partialFrame(wal).ifPresent(ignored::add);
        CheckpointState state = shm.map(s -> CheckpointState.of(s, wal)).orElse(null);
        return new WalSummary(wal, ignored, lost, ends, breakFrame, state);
    }

    private static int[] lostCommitEnds(WalFile wal, int breakFrame) {
        int[] ends = new int[8];
        int count = 0;
        for (int i = breakFrame - 1; i < wal.frames().size(); i++) {
            WalFrame f = wal.frames().get(i);
            if (f.saltOk() && f.isCommitFrame()) {
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, count * 2);
                }
                ends[count++] = f.index();
            }
        }
        return Arrays.copyOf(ends, count);
    }

    private static IgnoredFrames breakRun(WalFrame f, int n, LostCommits lost) {
        IgnoreReason reason;
        Span span;
        String what;
        if (!f.saltOk()) {
            reason = IgnoreReason.SALT_MISMATCH;
            span = f.saltSpan();
            what = "salt mismatch at frame " + f.index();
        } else if (f.pageNumber() == 0) {
            reason = IgnoreReason.PAGE_NUMBER_ZERO;
            span = f.pageNumberSpan();
            what = "page number 0 at frame " + f.index();
        } else {
            reason = IgnoreReason.CHECKSUM_BREAK;
            span = f.checksumSpan();
            what = "checksum break at frame " + f.index();
        }
        String tail = lost == null ? (reason == IgnoreReason.SALT_MISMATCH
                ? ", none in a commit with this WAL's salts (frames left from before a WAL restart are normal)"
                : ", none of them in a later commit")
                : ", dropping " + lost.frameCount() + " committed frames (frames " + lost.firstFrame() + ".."
                + lost.lastFrame() + ": commits " + lost.firstCommit() + ".." + lost.lastCommit() + ")";
        return new IgnoredFrames(reason, f.index(), n, span, what + ": frames " + f.index() + ".." + n + " ignored"
                + tail);
    }

    private static Optional<IgnoredFrames> partialFrame(WalFile wal) {
        for (Problem p : wal.problems()) {
            if (p.kind() == ProblemKind.FILE_TRUNCATED && wal.header().isPresent()) {
                int next = wal.frames().size() + 1;
                return Optional.of(new IgnoredFrames(IgnoreReason.PARTIAL_FRAME, next, next, p.span(),
                        "partial frame " + next + ": " + p.span().length() + " bytes at the end of the file are"
                                + " ignored (SQLite reads whole frames only)"));
            }
        }
        return Optional.empty();
    }

    public WalFile wal() {
        return wal;
    }

    public Optional<WalHeader> header() {
        return wal.header();
    }

    public boolean headerUsable() {
        return wal.headerUsable();
    }

    public int frameCount() {
        return wal.frames().size();
    }

    /** SQLite's mxFrame: frames 1..this are used. */
    public int validFrames() {
        return wal.validFrameCount();
    }

    public int commitCount() {
        return wal.commits().size();
    }

    /** Frames in the file SQLite does not use. */
    public int ignoredFrameCount() {
        return frameCount() - validFrames();
    }

    /** Each run of ignored frames, in frame order (the uncommitted tail, the break, a partial frame). */
    public List<IgnoredFrames> ignored() {
        return ignored;
    }

    /** Committed transactions SQLite drops after a break, if any. */
    public Optional<LostCommits> lostCommits() {
        return Optional.ofNullable(lost);
    }

    /** The frame that breaks the chain, 0 if none. */
    public int breakFrame() {
        return breakFrame;
    }

    /** The -shm's checkpoint state, when a -shm was given. */
    public Optional<CheckpointState> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /** The reader's problems with the WAL. */
    public List<Problem> problems() {
        return wal.problems();
    }

    /** A row per frame, built on access. */
    public List<FrameRow> rows() {
        return new Rows();
    }

    private FrameRow row(int index) {
        WalFrame f = wal.frames().get(index - 1);
        FrameStatus status;
        if (!wal.headerUsable()) {
            status = FrameStatus.BAD_HEADER;
        } else if (f.valid()) {
            status = FrameStatus.VALID;
        } else if (breakFrame == 0 || index < breakFrame) {
            status = FrameStatus.UNCOMMITTED;
        } else {
            status = index == breakFrame ? FrameStatus.BREAK : FrameStatus.AFTER_BREAK;
        }
        int lostCommit = 0;
        if (lost != null && index >= lost.firstFrame() && index <= lost.lastFrame()) {
            int k = Arrays.binarySearch(lostCommitEnds, index);
            lostCommit = lost.firstCommit() + (k >= 0 ? k : -k - 1);
        }
        return new FrameRow(f, status, f.commit(), lostCommit);
    }

    private final class Rows extends AbstractList<FrameRow> implements RandomAccess {
        @Override
        public FrameRow get(int i) {
            if (i < 0 || i >= frameCount()) {
                throw new IndexOutOfBoundsException(i);
            }
            return row(i + 1);
        }

        @Override
        public int size() {
            return frameCount();
        }
    }
}
