package dev.loupe.format;

/**
 * Told how far a long pass over a database has got, so a front end can show progress. Called from the thread doing
 * the work, at most every few hundred pages; implementations must be cheap.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} pages handled so far. */
    void pages(long done, long total);
}
