package dev.loupe.format.hexdb;

import dev.loupe.format.Problem;
import dev.loupe.format.page.MemoryPageSource;

import java.util.List;

/**
 * A database image rebuilt from dbtotxt text: the bytes the sqlite3 CLI's {@code .open --hexdb} would load (the
 * stated size rounded up to whole pages, zero where the text has no line), the page size and file name the text
 * states, and what was wrong with the text.
 *
 * @param bytes    the image; empty when the text gives no usable size line
 * @param pageSize the page size the text states, or 0 when it states none that SQLite accepts
 * @param name     the file name on the size line (empty when absent)
 * @param problems problems found in the text, in line order
 */
public record HexDbImage(byte[] bytes, int pageSize, String name, List<Problem> problems) {

    public HexDbImage {
        problems = List.copyOf(problems);
    }

    /** Whether the image can be read as pages (a valid page size was stated). */
    public boolean hasPages() {
        return pageSize != 0;
    }

    /** The image's pages; only when {@link #hasPages()}. */
    public MemoryPageSource pages() {
        if (!hasPages()) {
            throw new IllegalStateException("the text states no valid page size");
        }
        return new MemoryPageSource(bytes, pageSize, name.isEmpty() ? "hexdb text" : name);
    }
}
