package dev.loupe.format;

/**
 * Where a decoded value came from.
 *
 * <p>{@code page >= 1}: {@code offset} is a byte offset inside that database page (from the page's first byte,
 * also on page 1, as the file format's cell offsets are). {@code page == 0}: {@code offset} is an absolute byte
 * offset in the file being decoded (used for WAL, wal-index and journal files, and for bytes outside any page).
 */
public record Span(long page, long offset, int length) {

    public Span {
        if (page < 0 || offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative span " + page + ":" + offset + "+" + length);
        }
    }

    public static Span inPage(long page, int offset, int length) {
        return new Span(page, offset, length);
    }

    public static Span inFile(long offset, int length) {
        return new Span(0, offset, length);
    }

    public boolean isInPage() {
        return page > 0;
    }

    /** One past the last byte. */
    public long end() {
        return offset + length;
    }

    @Override
    public String toString() {
        return isInPage()
                ? "page " + page + " @" + offset + "+" + length
                : "file @" + offset + "+" + length;
    }
}
