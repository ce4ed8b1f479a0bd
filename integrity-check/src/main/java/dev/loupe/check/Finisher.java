package dev.loupe.check;

import java.io.IOException;

/**
 * Work that needs several trees walked first (e.g. comparing an index with its table). Finishers run after every
 * tree walk has ended, one after another in the order they were registered; they may read the database again.
 */
@FunctionalInterface
public interface Finisher {

    /** @param pages where the pages read here are counted for the progress line */
    void finish(FindingSink sink, ExtraPages pages) throws IOException;
}
