package dev.loupe.format.page;

import java.util.Arrays;

/**
 * The pages one root-to-leaf descent has entered, to stop where it would enter one again (a loop in a damaged tree).
 * A descent enters a few pages (at most the walker's depth limit), so a short array searched in full does: unlike a
 * {@link PageSet} it allocates no 8 KiB chunk per descent, which the exact pass, with a descent per row it looks up,
 * paid for in allocation and zeroing.
 */
public final class PagePath {

    private long[] pages = new long[8];
    private int size;

    /** Records {@code page}; false if the descent entered it before. */
    public boolean add(long page) {
        for (int i = 0; i < size; i++) {
            if (pages[i] == page) {
                return false;
            }
        }
        if (size == pages.length) {
            pages = Arrays.copyOf(pages, size * 2);
        }
        pages[size++] = page;
        return true;
    }
}
