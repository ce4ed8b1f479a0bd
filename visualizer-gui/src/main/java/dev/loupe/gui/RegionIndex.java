package dev.loupe.gui;

import dev.loupe.format.layout.PageLayout;
import dev.loupe.format.layout.Region;

import java.util.Arrays;
import java.util.List;

/**
 * Which region each byte of a page belongs to: the narrowest region covering it, so a field inside a cell wins over
 * the cell and on a damaged page with overlapping regions the most specific label shows.
 */
final class RegionIndex {

    private final List<Region> regions;
    private final int[] byByte;

    RegionIndex(PageLayout layout) {
        this.regions = layout.regions();
        this.byByte = new int[layout.pageSize()];
        Arrays.fill(byByte, -1);
        Integer[] order = new Integer[regions.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Widest first, so narrower regions overwrite them.
        Arrays.sort(order, (a, b) -> Integer.compare(regions.get(b).span().length(), regions.get(a).span().length()));
        for (int i : order) {
            Region r = regions.get(i);
            int from = (int) Math.max(0, Math.min(byByte.length, r.span().offset()));
            int to = (int) Math.max(from, Math.min(byByte.length, r.span().end()));
            Arrays.fill(byByte, from, to, i);
        }
    }

    /** The region of the byte at {@code offset}, or null. */
    Region at(int offset) {
        return offset < 0 || offset >= byByte.length || byByte[offset] < 0 ? null : regions.get(byByte[offset]);
    }

    List<Region> regions() {
        return regions;
    }

    int size() {
        return byByte.length;
    }
}
