package dev.loupe.bench;

import dev.loupe.wal.CommitInfo;
import dev.loupe.wal.RowTrack;
import dev.loupe.wal.RowTracker;
import dev.loupe.wal.WalCommits;
import dev.loupe.wal.WalInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Timed main for `wal commits` and `wal track` on a database that grows through its WAL ({@link GrowingWal}):
 * generates DIR/growing/g.db with {@code commits} WAL commits (an inserting commit adds {@code rows} rows; with
 * rows other than 3 the directory is DIR/growing-ROWS) on its first run, then times, in one JVM,
 * {@link WalCommits#of} (what `loupe wal commits` computes) and {@link RowTracker#track} of one row (what `loupe wal
 * track` computes), {@code repeats} times each.
 * Usage: java -cp ... dev.loupe.bench.WalCommitsBench DIR [repeats [commits [rows]]]
 */
public final class WalCommitsBench {

    private WalCommitsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 12_000;
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long t0 = System.nanoTime();
        Path db = GrowingWal.generate(dir.resolve(rows == 3 ? "growing" : "growing-" + rows), n, rows);
        Path walPath = Path.of(db + "-wal");
        System.out.printf("growing WAL %s: ready in %,d ms (%,d bytes; database file %,d bytes)%n", walPath,
                (System.nanoTime() - t0) / 1_000_000, Files.size(walPath), Files.size(db));
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            try (WalInput in = WalInput.open(db, walPath)) {
                List<CommitInfo> commits = WalCommits.of(in);
                CommitInfo last = commits.get(commits.size() - 1);
                long pages = commits.stream().mapToLong(c -> c.pages().size()).sum();
                System.out.printf("wal commits run %d: %,d ms (%,d commits, %,d frames, %,d pages written,"
                        + " %,d -> %,d pages)%n", r + 1, (System.nanoTime() - t) / 1_000_000, commits.size(),
                        last.lastFrame(), pages, commits.get(0).previousSize(), last.databaseSize());
            }
        }
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            try (WalInput in = WalInput.open(db, walPath)) {
                RowTrack track = new RowTracker(in).track("t", GrowingWal.TRACKED_ROWID);
                System.out.printf("wal track run %d: %,d ms (row %d of t: %d versions, %,d of %,d commits"
                        + " examined)%n", r + 1, (System.nanoTime() - t) / 1_000_000, GrowingWal.TRACKED_ROWID,
                        track.versions().size(), track.evaluated(), track.commits());
            }
        }
    }
}
