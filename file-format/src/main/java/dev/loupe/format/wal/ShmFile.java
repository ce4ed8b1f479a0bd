package dev.loupe.format.wal;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A decoded wal-index (-shm) file (walformat §"The WAL-Index Format"): two copies of the {@link WalIndexHeader},
 * the {@link WalCheckpointInfo}, then 32 KiB {@link ShmHashBlock}s. Decode only: this says what the bytes hold, a
 * later tool compares them with the WAL.
 *
 * <p>The -shm is written in the writer's native byte order. It is recognised by the version field: 3007000 read
 * little-endian or big-endian; when neither matches, this machine's order is assumed and a problem reported.
 *
 * <p>Memory: about the size of the file (the hash blocks are kept).
 */
public final class ShmFile {

    /** WALINDEX_HDR_SIZE: two header copies and the checkpoint information. */
    public static final int HEADER_SIZE = 136;

    private final long fileSize;
    private final boolean bigEndian;
    private final List<WalIndexHeader> headers;
    private final boolean copiesAgree;
    private final WalCheckpointInfo checkpointInfo;
    private final List<ShmHashBlock> hashBlocks;
    private final List<Problem> problems;

    private ShmFile(long fileSize, boolean bigEndian, List<WalIndexHeader> headers, boolean copiesAgree,
                    WalCheckpointInfo checkpointInfo, List<ShmHashBlock> hashBlocks, List<Problem> problems) {
        this.fileSize = fileSize;
        this.bigEndian = bigEndian;
        this.headers = List.copyOf(headers);
        this.copiesAgree = copiesAgree;
        this.checkpointInfo = checkpointInfo;
        this.hashBlocks = List.copyOf(hashBlocks);
        this.problems = List.copyOf(problems);
    }

    public static ShmFile read(ReadOnlyFile f) throws IOException {
        long size = f.size();
        List<Problem> problems = new ArrayList<>();
        byte[] head = f.readAt(0, HEADER_SIZE);
        if (head.length < HEADER_SIZE && size > 0) {
            problems.add(new Problem(ProblemKind.FILE_TRUNCATED, Span.inFile(0, head.length), "-shm is " + size
                    + " bytes, shorter than its 136-byte header"));
        }
        boolean bigEndian = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;
        if (head.length >= 4) {
            ShmByteOrder le = new ShmByteOrder(false);
            ShmByteOrder be = new ShmByteOrder(true);
            if (le.u32(head, 0) == WalIndexHeader.VERSION) {
                bigEndian = false;
            } else if (be.u32(head, 0) == WalIndexHeader.VERSION) {
                bigEndian = true;
            } else {
                problems.add(new Problem(ProblemKind.SHM_HEADER, Span.inFile(0, 4), String.format(
                        "iVersion 0x%08x is not 3007000 in either byte order: assuming %s-endian", le.u32(head, 0),
                        bigEndian ? "big" : "little")));
            }
        }
        ShmByteOrder order = new ShmByteOrder(bigEndian);
        List<WalIndexHeader> headers = new ArrayList<>();
        for (int copy = 1; copy <= 2; copy++) {
            if (head.length >= copy * WalIndexHeader.SIZE) {
                WalIndexHeader h = WalIndexHeader.decode(head, copy, order);
                headers.add(h);
                if (!h.checksumOk()) {
                    problems.add(new Problem(ProblemKind.SHM_HEADER, h.cksumSpan(), "header copy " + copy
                            + ": stored checksum does not match bytes " + (copy - 1) * 48 + ".." + (copy * 48 - 9)));
                }
                if (h.isInit() == 0) {
                    problems.add(new Problem(ProblemKind.SHM_HEADER, h.isInitSpan(), "header copy " + copy
                            + " is not initialized (isInit = 0)"));
                }
            }
        }
        boolean agree = headers.size() == 2 && Arrays.equals(head, 0, 48, head, 48, 96);
        if (headers.size() == 2 && !agree) {
            problems.add(new Problem(ProblemKind.SHM_HEADER, Span.inFile(0, 96), "the two header copies differ:"
                    + " a writer stopped between them, or damage; SQLite would run recovery from the WAL"));
        }
        WalCheckpointInfo info = head.length >= HEADER_SIZE ? WalCheckpointInfo.decode(head, order) : null;
        List<ShmHashBlock> blocks = new ArrayList<>();
        if (size > HEADER_SIZE) {
            readBlocks(f, size, order, blocks, problems);
        }
        return new ShmFile(size, bigEndian, headers, agree, info, blocks, problems);
    }

    private static void readBlocks(ReadOnlyFile f, long size, ShmByteOrder order, List<ShmHashBlock> blocks,
                                   List<Problem> problems) throws IOException {
        long nBlocks = (size + ShmHashBlock.BLOCK_SIZE - 1) / ShmHashBlock.BLOCK_SIZE;
        for (int i = 0; i < nBlocks; i++) {
            long offset = (long) i * ShmHashBlock.BLOCK_SIZE;
            byte[] b = f.readAt(offset, ShmHashBlock.BLOCK_SIZE);
            if (b.length < ShmHashBlock.BLOCK_SIZE) {
                problems.add(new Problem(ProblemKind.FILE_TRUNCATED, Span.inFile(offset, b.length), "hash block "
                        + i + " is cut short: " + b.length + " of 32768 bytes"));
            }
            int pgnoStart = i == 0 ? HEADER_SIZE : 0;
            int pgnoEnd = Math.min(b.length, ShmHashBlock.NPAGE * 4);
            int[] pgnos = new int[Math.max(0, (pgnoEnd - pgnoStart) / 4)];
            for (int k = 0; k < pgnos.length; k++) {
                pgnos[k] = (int) order.u32(b, pgnoStart + 4 * k);
            }
            int hashStart = ShmHashBlock.NPAGE * 4;
            char[] slots = new char[Math.max(0, (b.length - hashStart) / 2)];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = (char) order.u16(b, hashStart + 2 * k);
            }
            long firstFrame = i == 0 ? 1 : ShmHashBlock.NPAGE_ONE + (long) (i - 1) * ShmHashBlock.NPAGE + 1;
            blocks.add(new ShmHashBlock(i, offset, firstFrame, pgnos, slots));
        }
    }

    public long fileSize() {
        return fileSize;
    }

    /** The byte order the -shm was written in. */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** The header copies present: copy 1 (offset 0) then copy 2 (offset 48); fewer when the file is that short. */
    public List<WalIndexHeader> headers() {
        return headers;
    }

    /** Whether both copies are present and byte for byte identical, as a reader requires. */
    public boolean copiesAgree() {
        return copiesAgree;
    }

    /** Absent when the file is shorter than 136 bytes. */
    public Optional<WalCheckpointInfo> checkpointInfo() {
        return Optional.ofNullable(checkpointInfo);
    }

    public List<ShmHashBlock> hashBlocks() {
        return hashBlocks;
    }

    /**
     * The page number the -shm records for WAL frame {@code frame} (1-based), or -1 when no block holds it.
     */
    public long pgnoOfFrame(long frame) {
        if (frame < 1) {
            return -1;
        }
        int block = frame <= ShmHashBlock.NPAGE_ONE ? 0
                : (int) ((frame - ShmHashBlock.NPAGE_ONE - 1) / ShmHashBlock.NPAGE + 1);
        if (block >= hashBlocks.size()) {
            return -1;
        }
        ShmHashBlock b = hashBlocks.get(block);
        long i = frame - b.firstFrame();
        return i < b.pgnoCount() ? b.pgno((int) i) : -1;
    }

    /**
     * The frame a reader with snapshot {@code mxFrame} would read page {@code pgno} from, searching the hash blocks
     * newest first as wal.c sqlite3WalFindFrame does; 0 means the database file.
     */
    public long lookup(long pgno, long mxFrame) {
        for (int i = hashBlocks.size() - 1; i >= 0; i--) {
            ShmHashBlock b = hashBlocks.get(i);
            if (b.firstFrame() > mxFrame) {
                continue;
            }
            long frame = b.lookup(pgno, mxFrame);
            if (frame != 0) {
                return frame;
            }
        }
        return 0;
    }

    public List<Problem> problems() {
        return problems;
    }
}
