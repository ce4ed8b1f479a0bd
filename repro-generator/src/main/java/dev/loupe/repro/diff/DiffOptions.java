package dev.loupe.repro.diff;

import dev.loupe.format.Progress;

/**
 * How to diff.
 *
 * @param maxListed    differences of each class kept in the result's list (all are counted); the rest are dropped
 * @param check        run the checker on both files and compare its findings
 * @param checkThreads worker threads for the checker (1 when several diffs run at once)
 * @param progress     told the pages walked so far, of both files
 */
public record DiffOptions(int maxListed, boolean check, int checkThreads, Progress progress) {

    public static final int DEFAULT_MAX_LISTED = 1000;

    public DiffOptions {
        if (maxListed < 0) {
            throw new IllegalArgumentException("maxListed must be at least 0");
        }
        if (checkThreads < 1) {
            throw new IllegalArgumentException("checkThreads must be at least 1");
        }
        progress = progress == null ? Progress.NONE : progress;
    }

    public static DiffOptions defaults() {
        return new DiffOptions(DEFAULT_MAX_LISTED, true, Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }

    public DiffOptions withMaxListed(int n) {
        return new DiffOptions(n, check, checkThreads, progress);
    }

    public DiffOptions withCheck(boolean c) {
        return new DiffOptions(maxListed, c, checkThreads, progress);
    }

    public DiffOptions withCheckThreads(int n) {
        return new DiffOptions(maxListed, check, n, progress);
    }

    public DiffOptions withProgress(Progress p) {
        return new DiffOptions(maxListed, check, checkThreads, p);
    }
}
