package dev.loupe.check;

/**
 * The pages a {@link Finisher} reads after the walks (the exact pass's scans of a table and an index), counted into
 * the check's progress so that the progress line moves while it works instead of standing still for seconds.
 */
public interface ExtraPages {

    /** Counts nothing (tests, callers without progress). */
    ExtraPages NONE = new ExtraPages() {
        @Override
        public void expect(long pages) {
        }

        @Override
        public void read(long pages) {
        }
    };

    /** About {@code pages} more pages will be read than the check planned for: the progress total grows. */
    void expect(long pages);

    /** {@code pages} of them were read. */
    void read(long pages);
}
