package dev.loupe.wal;

import dev.loupe.format.wal.ShmFile;
import dev.loupe.format.wal.WalCheckpointInfo;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.format.wal.WalHeader;
import dev.loupe.format.wal.WalIndexHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint state a -shm records (walformat §"The WAL-Index Header" and §"Checkpoint Information"), compared
 * with the WAL it indexes.
 *
 * @param mxFrame            header copy 1's last valid commit frame
 * @param nPage              header copy 1's database size in pages
 * @param nBackfill          frames already copied into the database file
 * @param nBackfillAttempted the most frames a checkpoint has tried to copy
 * @param readMarks          aReadMark[0..4]; 0xffffffff = unused
 * @param headerTrusted      both header copies identical, initialized and with a correct checksum: a reader would
 *                           use the -shm rather than run recovery from the WAL
 * @param disagreements      each way the -shm contradicts the WAL (empty when they agree)
 */
public record CheckpointState(long mxFrame, long nPage, long nBackfill, long nBackfillAttempted, long[] readMarks,
                              boolean headerTrusted, List<String> disagreements) {

    public CheckpointState {
        readMarks = readMarks.clone();
        disagreements = List.copyOf(disagreements);
    }

    @Override
    public long[] readMarks() {
        return readMarks.clone();
    }

    public boolean agreesWithWal() {
        return disagreements.isEmpty();
    }

    /** The state {@code shm} records, checked against {@code wal}; null when the -shm has no header copy. */
    public static CheckpointState of(ShmFile shm, WalFile wal) {
        if (shm.headers().isEmpty()) {
            return null;
        }
        WalIndexHeader h = shm.headers().get(0);
        boolean trusted = shm.copiesAgree() && h.checksumOk() && h.isInit() != 0;
        WalCheckpointInfo info = shm.checkpointInfo().orElse(null);
        long[] marks = info == null ? new long[0] : info.aReadMark();
        long nBackfill = info == null ? 0 : info.nBackfill();
        long attempted = info == null ? 0 : info.nBackfillAttempted();
        return new CheckpointState(h.mxFrame(), h.nPage(), nBackfill, attempted, marks, trusted,
                disagreements(h, nBackfill, wal));
    }

    private static List<String> disagreements(WalIndexHeader h, long nBackfill, WalFile wal) {
        List<String> out = new ArrayList<>();
        int valid = wal.validFrameCount();
        if (h.mxFrame() != valid) {
            out.add("-shm mxFrame is " + h.mxFrame() + " but the WAL's valid prefix ends at frame " + valid);
        }
        if (nBackfill > h.mxFrame()) {
            out.add("nBackfill " + nBackfill + " is beyond mxFrame " + h.mxFrame());
        }
        WalHeader wh = wal.header().orElse(null);
        if (wh == null) {
            out.add("the WAL has no header");
            return out;
        }
        if (h.salt1() != wh.salt1() || h.salt2() != wh.salt2()) {
            out.add(String.format("-shm salts (0x%08x, 0x%08x) differ from the WAL header's (0x%08x, 0x%08x)",
                    h.salt1(), h.salt2(), wh.salt1(), wh.salt2()));
        }
        if (wh.pageSizeOk() && h.pageSize() != wh.pageSize()) {
            out.add("-shm page size " + h.pageSize() + " differs from the WAL's " + wh.pageSize());
        }
        if ((h.bigEndCksum() != 0) != wh.bigEndianChecksum()) {
            out.add("-shm bigEndCksum " + h.bigEndCksum() + " does not match the WAL magic's byte order");
        }
        if (h.mxFrame() >= 1 && h.mxFrame() <= wal.frames().size()) {
            WalFrame f = wal.frames().get((int) h.mxFrame() - 1);
            if (f.checksum1() != h.frameCksum1() || f.checksum2() != h.frameCksum2()) {
                out.add(String.format("-shm aFrameCksum (0x%08x, 0x%08x) is not frame %d's checksum (0x%08x, 0x%08x)",
                        h.frameCksum1(), h.frameCksum2(), h.mxFrame(), f.checksum1(), f.checksum2()));
            }
            if (f.commitSize() != 0 && f.commitSize() != h.nPage()) {
                out.add("-shm nPage " + h.nPage() + " differs from frame " + h.mxFrame() + "'s database size "
                        + f.commitSize());
            }
        } else if (h.mxFrame() > wal.frames().size()) {
            out.add("-shm mxFrame " + h.mxFrame() + " is beyond the WAL's " + wal.frames().size() + " frames");
        }
        return out;
    }
}
