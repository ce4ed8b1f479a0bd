package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** WAL damage (walformat §4): what SQLite silently ignores or drops. */
final class WalCases {
    private WalCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("wal-checksum-break", Sample.WAL,
                        "A page byte of the first frame of commit 15 (of 29) changed: commits 15..29 are dropped",
                        img -> img.walFlip(img.walFrameStart(firstFrameOfCommit(img, 14)) + 24 + 100),
                        "wal-commits-dropped"),
                of("wal-checksum-break-bigendian", Sample.WAL_BIGENDIAN,
                        "The same break in the big-endian-checksum WAL",
                        img -> img.walFlip(img.walFrameStart(firstFrameOfCommit(img, 14)) + 24 + 100),
                        "wal-commits-dropped"),
                of("wal-last-commit-checksum-break", Sample.WAL,
                        "A page byte of the last frame changed: the last commit is dropped",
                        img -> img.walFlip(img.walFrameStart(img.walFrameCount() - 1) + 24 + 7),
                        "wal-commits-dropped"),
                of("wal-salt-mismatch", Sample.WAL,
                        "Salt-1 of the first frame of commit 15 no longer matches the header: commits 15..29 dropped",
                        img -> img.walFlip(img.walFrameStart(firstFrameOfCommit(img, 14)) + 8),
                        "wal-commits-dropped"),
                of("wal-frame-page-number-zero", Sample.WAL,
                        "Page number of the first frame of commit 20 set to 0 (checksums recomputed): SQLite stops"
                                + " there",
                        img -> {
                            img.walPut32(img.walFrameStart(firstFrameOfCommit(img, 19)), 0);
                            img.walReseal();
                        }, "wal-commits-dropped"),
                of("wal-trailing-uncommitted-frames", Sample.WAL,
                        "Commit marker of the last frame cleared (checksums recomputed): the last transaction is"
                                + " unfinished",
                        img -> {
                            img.walPut32(img.walFrameStart(img.walFrameCount() - 1) + 4, 0);
                            img.walReseal();
                        }, "wal-uncommitted-frames"),
                of("wal-page-size-mismatch", Sample.WAL,
                        "WAL header page size set to 2048 (database: 1024), header checksum recomputed",
                        img -> {
                            img.walPut32(8, 2048);
                            resealHeader(img);
                        }, "wal-page-size-mismatch"),
                of("wal-header-magic", Sample.WAL, "WAL magic changed to 0x377f0684: SQLite ignores the WAL",
                        img -> img.walPut32(0, 0x377f0684L), "wal-header-invalid"),
                of("wal-header-checksum", Sample.WAL, "WAL header checksum broken: SQLite ignores the WAL",
                        img -> img.walFlip(24), "wal-header-invalid"));
    }

    /** Frame index of the first frame of commit {@code k} (0-based). */
    private static int firstFrameOfCommit(Image img, int k) {
        List<Integer> commits = img.walCommitFrames();
        return k == 0 ? 0 : commits.get(k - 1) + 1;
    }

    private static void resealHeader(Image img) {
        byte[] w = img.wal();
        long[] s = WalChecksum.of(w, 0, 24, (img.walU32(0) & 1) == 1, 0, 0);
        img.walPut32(24, s[0]);
        img.walPut32(28, s[1]);
    }
}
