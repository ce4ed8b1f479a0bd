package dev.loupe.check.structure;

/**
 * Which pages something has claimed so far, one bit per page up to the page count checked (integrity_check's
 * aPgRef): a page claimed twice is a "2nd reference", a page never claimed is "never used".
 */
final class PageRefs {

    private final long pageCount;
    private final long[] bits;

    PageRefs(long pageCount) {
        this.pageCount = pageCount;
        this.bits = new long[(int) ((pageCount >> 6) + 1)];
    }

    long pageCount() {
        return pageCount;
    }

    boolean inRange(long page) {
        return page >= 1 && page <= pageCount;
    }

    boolean isSet(long page) {
        return inRange(page) && (bits[(int) (page >> 6)] & (1L << (page & 63))) != 0;
    }

    void set(long page) {
        if (inRange(page)) {
            bits[(int) (page >> 6)] |= 1L << (page & 63);
        }
    }
}
