package dev.loupe.format.layout;

import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.freelist.FreelistTrunk;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.HeaderField;
import dev.loupe.format.ptrmap.PtrmapEntry;
import dev.loupe.format.ptrmap.PtrmapPage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every byte of one page with what it is: labelled regions in offset order, built from the spans of the decoded
 * structures (database header fields, b-tree header fields, cell pointers, cell parts, freeblocks, the unallocated
 * and reserved regions; or the fields of an overflow, freelist or pointer-map page). Bytes no structure claims are
 * filled in as fragments (inside a b-tree page's content area) or unused bytes. On a damaged page regions may
 * overlap; {@link #overlaps()} tells where.
 *
 * @param page     the page number
 * @param pageSize bytes in the page
 * @param regions  sorted by offset (then length, longest first)
 */
public record PageLayout(long page, int pageSize, List<Region> regions) {

    public PageLayout {
        regions = regions.stream().sorted(Comparator.comparingLong((Region r) -> r.span().offset())
                .thenComparing(r -> -r.span().length())).toList();
    }

    /** A b-tree page: database header fields on page 1, page header fields, pointers, cells, free space. */
    public static PageLayout ofBTree(BTreePage page, int pageSize, DatabaseHeader header, List<CellLayout> cells) {
        long p = page.number();
        List<Region> out = new ArrayList<>();
        if (p == 1 && header != null) {
            for (HeaderField f : header.fields()) {
                out.add(Region.of(f.span(), RegionKind.DATABASE_HEADER, "database header: " + f.name() + " = " + f.raw()));
            }
        }
        for (PageHeaderField f : PageHeaderField.of(page)) {
            out.add(Region.of(f.span(), RegionKind.PAGE_HEADER, "page header: " + f.name() + " = " + f.value()));
        }
        for (int i = 0; i < page.cellCount(); i++) {
            out.add(Region.of(page.cellPointerSpan(i), RegionKind.CELL_POINTER, "cell pointer " + i + " = "
                    + page.cellPointer(i)));
        }
        for (CellLayout c : cells) {
            out.addAll(c.regionsOn(p));
            // bytes of the cell's extent that no decoded field explains (a damaged cell)
            out.addAll(CellLayout.uncovered(c.cell().span(), c.regionsOn(p), c.cell().index(),
                    "cell " + c.cell().index() + ": undecoded bytes"));
        }
        for (Freeblock f : page.freeblocks()) {
            out.add(Region.of(f.span(), RegionKind.FREEBLOCK, "freeblock @" + f.offset() + ": size " + f.size()
                    + ", next " + f.next()));
        }
        Span unallocated = page.unallocatedSpan();
        if (unallocated.length() > 0) {
            out.add(Region.of(unallocated, RegionKind.UNALLOCATED, "unallocated (" + unallocated.length() + " bytes)"));
        }
        addReserved(out, page.reservedSpan());
        List<Region> gaps = gaps(p, pageSize, out);
        for (Region g : gaps) {
            out.add(Region.of(g.span(), RegionKind.FRAGMENT, "fragment (" + g.span().length()
                    + " bytes in no cell or freeblock)"));
        }
        return new PageLayout(p, pageSize, out);
    }

    /**
     * An overflow page: the next-page pointer, then {@code dataLength} payload bytes, then unused bytes
     * (fileformat2 §1.6, "cell payload overflow pages").
     */
    public static PageLayout ofOverflow(long page, int pageSize, int usableSize, long next, int dataLength,
                                        String dataLabel) {
        List<Region> out = new ArrayList<>();
        out.add(Region.of(Span.inPage(page, 0, 4), RegionKind.OVERFLOW_NEXT, "overflow: next page = " + next));
        int len = Math.max(0, Math.min(dataLength, usableSize - 4));
        if (len > 0) {
            out.add(Region.of(Span.inPage(page, 4, len), RegionKind.OVERFLOW_DATA, dataLabel));
        }
        addReserved(out, Span.inPage(page, usableSize, pageSize - usableSize));
        fillUnused(page, pageSize, out, "unused (after the payload's last byte)");
        return new PageLayout(page, pageSize, out);
    }

    /** A freelist trunk page: next trunk, leaf count, leaf page numbers (fileformat2 §1.5). */
    public static PageLayout ofFreelistTrunk(FreelistTrunk trunk, int pageSize, int usableSize) {
        long p = trunk.page();
        List<Region> out = new ArrayList<>();
        out.add(Region.of(trunk.nextTrunkSpan(), RegionKind.FREELIST_TRUNK, "freelist trunk: next trunk page = "
                + trunk.nextTrunk()));
        out.add(Region.of(trunk.leafCountSpan(), RegionKind.FREELIST_TRUNK, "freelist trunk: leaf count = "
                + trunk.leafCount()));
        long[] leaves = trunk.leaves();
        for (int i = 0; i < leaves.length; i++) {
            out.add(Region.of(trunk.leafSpans().get(i), RegionKind.FREELIST_TRUNK, "freelist trunk: leaf " + i
                    + " = page " + leaves[i]));
        }
        addReserved(out, Span.inPage(p, usableSize, pageSize - usableSize));
        fillUnused(p, pageSize, out, "unused (after the last leaf number)");
        return new PageLayout(p, pageSize, out);
    }

    /** A pointer-map page: five-byte entries (fileformat2 §1.7). */
    public static PageLayout ofPtrmap(PtrmapPage ptrmap, int pageSize, int usableSize) {
        long p = ptrmap.page();
        List<Region> out = new ArrayList<>();
        for (PtrmapEntry e : ptrmap.entries()) {
            out.add(Region.of(e.span(), RegionKind.PTRMAP_ENTRY, "ptrmap entry for page " + e.page() + ": type "
                    + e.rawType() + e.type().map(t -> " (" + t + ")").orElse(" (invalid)") + ", parent " + e.parent()));
        }
        addReserved(out, Span.inPage(p, usableSize, pageSize - usableSize));
        fillUnused(p, pageSize, out, "unused (no page of the file maps here)");
        return new PageLayout(p, pageSize, out);
    }

    /** A page whose bytes carry no meaning: a freelist leaf or the lock-byte page. */
    public static PageLayout ofUnused(long page, int pageSize, int usableSize, String label) {
        List<Region> out = new ArrayList<>();
        addReserved(out, Span.inPage(page, usableSize, pageSize - usableSize));
        fillUnused(page, pageSize, out, label);
        return new PageLayout(page, pageSize, out);
    }

    /** Regions that share a byte with an earlier region (damaged pages only). */
    public List<Region> overlaps() {
        List<Region> out = new ArrayList<>();
        long end = 0;
        for (Region r : regions) {
            if (r.span().length() > 0 && r.span().offset() < end) {
                out.add(r);
            }
            end = Math.max(end, r.span().end());
        }
        return out;
    }

    private static void addReserved(List<Region> out, Span reserved) {
        if (reserved.length() > 0) {
            out.add(Region.of(reserved, RegionKind.RESERVED, "reserved (" + reserved.length() + " bytes)"));
        }
    }

    private static void fillUnused(long page, int pageSize, List<Region> out, String label) {
        for (Region g : gaps(page, pageSize, out)) {
            out.add(Region.of(g.span(), RegionKind.UNUSED, label));
        }
    }

    /** The byte ranges of [0, pageSize) that no region covers. */
    private static List<Region> gaps(long page, int pageSize, List<Region> regions) {
        return CellLayout.uncovered(Span.inPage(page, 0, pageSize), regions, -1, "");
    }
}
