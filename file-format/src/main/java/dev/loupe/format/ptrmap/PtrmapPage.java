package dev.loupe.format.ptrmap;

import dev.loupe.format.Problem;

import java.util.List;
import java.util.Optional;

/**
 * A decoded pointer-map page.
 *
 * @param page     the pointer-map page's number
 * @param entries  one entry for each page it covers that exists in the file, in page order (the lock-byte page,
 *                 which has none, is left out)
 * @param problems invalid types and parents, in page order
 */
public record PtrmapPage(long page, List<PtrmapEntry> entries, List<Problem> problems) {

    public PtrmapPage {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The entry for page {@code pgno}, if this pointer-map page has one. */
    public Optional<PtrmapEntry> entryFor(long pgno) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        long first = entries.get(0).page();
        // entries are consecutive pages, except that the lock-byte page may be missing from the run
        for (int i = (int) Math.max(0, Math.min(entries.size() - 1, pgno - first - 1)); i < entries.size(); i++) {
            PtrmapEntry e = entries.get(i);
            if (e.page() == pgno) {
                return Optional.of(e);
            }
            if (e.page() > pgno) {
                break;
            }
        }
        return Optional.empty();
    }
}
