package dev.loupe.wal;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.wal.ShmFile;
import dev.loupe.format.wal.ShmHashBlock;
import dev.loupe.format.wal.WalCheckpointInfo;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalIndexHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A wal-index (-shm) file judged the way a reader judges it (wal.c walIndexTryHdr, sqlite3WalFindFrame): both header
 * copies and whether they agree, the checkpoint information with its read marks, and the hash tables checked against
 * the WAL when the WAL is at hand (else against the -shm's own page-number arrays).
 *
 * @param shm        the decoded file
 * @param checkpoint the checkpoint state compared with the WAL; absent without a WAL or a header
 * @param hashCheck  the hash tables checked for frames 1..mxFrame
 * @param problems   the decoder's problems and the hash-table mismatches
 */
public record ShmReport(ShmFile shm, Optional<CheckpointState> checkpoint, HashCheck hashCheck,
                        List<Problem> problems) {

    public ShmReport {
        problems = List.copyOf(problems);
    }

    public List<WalIndexHeader> headers() {
        return shm.headers();
    }

    public boolean copiesAgree() {
        return shm.copiesAgree();
    }

    public Optional<WalCheckpointInfo> checkpointInfo() {
        return shm.checkpointInfo();
    }

    /** Checks {@code shm}; {@code wal} is the WAL it indexes, when it exists. */
    public static ShmReport of(ShmFile shm, Optional<WalFile> wal) {
        CheckpointState state = wal.map(w -> CheckpointState.of(shm, w)).orElse(null);
        HashCheck hashes = checkHashes(shm, wal.orElse(null));
        List<Problem> problems = new ArrayList<>(shm.problems());
        problems.addAll(hashes.problems());
        return new ShmReport(shm, Optional.ofNullable(state), hashes, problems);
    }

    private static HashCheck checkHashes(ShmFile shm, WalFile wal) {
        List<Problem> problems = new ArrayList<>();
        if (shm.headers().isEmpty()) {
            return new HashCheck(0, 0, 0, problems);
        }
        long mx = shm.headers().get(0).mxFrame();
        if (wal != null) {
            mx = Math.min(mx, wal.frames().size());
        }
        long pgnoBad = 0;
        long missed = 0;
        long checked = 0;
        for (long f = 1; f <= mx; f++) {
            long stored = shm.pgnoOfFrame(f);
            if (stored < 0) {
                problems.add(new Problem(ProblemKind.SHM_HASH_TABLE, Span.inFile(shm.fileSize(), 0), "frames " + f
                        + ".." + mx + " lie beyond the -shm's " + shm.hashBlocks().size() + " hash blocks"));
                pgnoBad += mx - f + 1;
                break;
            }
            checked++;
            ShmHashBlock block = blockOf(shm, f);
            int i = (int) (f - block.firstFrame());
            long expected = wal != null ? wal.frames().get((int) f - 1).pageNumber() : stored;
            Span entry = Span.inFile(block.pgnoSpan().offset() + 4L * i, 4);
            if (stored != expected) {
                pgnoBad++;
                if (problems.size() < HashCheck.MAX_PROBLEMS) {
                    problems.add(new Problem(ProblemKind.SHM_HASH_TABLE, entry, "frame " + f + ": aPgno holds page "
                            + stored + " but the WAL frame holds page " + expected));
                }
            }
            if (block.lookup(expected, f) != f) {
                missed++;
                if (problems.size() < HashCheck.MAX_PROBLEMS) {
                    problems.add(new Problem(ProblemKind.SHM_HASH_TABLE, Span.inFile(block.hashSpan().offset()
                            + 2L * ShmHashBlock.hashOf(expected), 2), "frame " + f + " (page " + expected
                            + "): not reached by probing hash block " + block.index() + " from slot "
                            + ShmHashBlock.hashOf(expected) + ": a reader would not find this frame"));
                }
            }
        }
        return new HashCheck(checked, pgnoBad, missed, problems);
    }

    private static ShmHashBlock blockOf(ShmFile shm, long frame) {
        int b = frame <= ShmHashBlock.NPAGE_ONE ? 0
                : (int) ((frame - ShmHashBlock.NPAGE_ONE - 1) / ShmHashBlock.NPAGE + 1);
        return shm.hashBlocks().get(b);
    }
}
