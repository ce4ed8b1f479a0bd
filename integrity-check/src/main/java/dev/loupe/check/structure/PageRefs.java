package dev.loupe.check.structure;

import dev.loupe.format.page.PageSet;

/**
 * Which pages something has claimed so far (integrity_check's aPgRef): a page claimed twice is a "2nd reference",
 * a page never claimed is "never used". The whole check keeps one bit per page; a worker walking one subtree in
 * parallel keeps a sparse set and a log of what it claimed, so that the claims can be merged afterwards.
 */
final class PageRefs {

    private final long pageCount;
    private final long[] bits;
    private final PageSet sparse;
    private long[] log;
    private int logged;

    private PageRefs(long pageCount, boolean sparse) {
        this.pageCount = pageCount;
        this.bits = sparse ? null : new long[(int) ((pageCount >> 6) + 1)];
        this.sparse = sparse ? new PageSet() : null;
        this.log = sparse ? new long[64] : null;
    }

    /** One bit per page, for the whole check. */
    static PageRefs dense(long pageCount) {
        return new PageRefs(pageCount, false);
    }

    /** A worker's claims: memory follows the pages it claims, and {@link #claimed} lists them. */
    static PageRefs sparse(long pageCount) {
        return new PageRefs(pageCount, true);
    }

    long pageCount() {
        return pageCount;
    }

    boolean inRange(long page) {
        return page >= 1 && page <= pageCount;
    }

    boolean isSet(long page) {
        if (!inRange(page)) {
            return false;
        }
        return sparse != null ? sparse.contains(page) : (bits[(int) (page >> 6)] & (1L << (page & 63))) != 0;
    }

    void set(long page) {
        if (!inRange(page)) {
            return;
        }
        if (sparse != null) {
            if (sparse.add(page)) {
                if (logged == log.length) {
                    log = java.util.Arrays.copyOf(log, logged * 2);
                }
                log[logged++] = page;
            }
        } else {
            bits[(int) (page >> 6)] |= 1L << (page & 63);
        }
    }

    /** The pages a sparse set holds, in the order they were claimed. */
    long[] claimed() {
        return java.util.Arrays.copyOf(log, logged);
    }
}
