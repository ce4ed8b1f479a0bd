package dev.loupe.format.robustness;

import dev.loupe.format.Database;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.freelist.FreelistTrunk;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the structures of an intact sample are (b-tree headers, cell pointer arrays, cells, record headers, child
 * and overflow pointers, freelist trunks, pointer-map pages), so that mutations can aim at them. Found with the
 * reader itself on the intact sample, whose decoding the differential tests check against SQLite.
 */
final class SampleAnatomy {

    /** A b-tree page of a tree, with the pages above it (root first). */
    record TreePage(long pgno, PageType type, int headerOffset, int cellCount, int[] cellOffsets, int[] cellSizes,
                    long[] ancestors, boolean schemaTree) {

        int pointerArrayOffset() {
            return headerOffset + type.headerSize();
        }

        /** Offset of the right-child pointer (interior pages), else -1. */
        int rightChildOffset() {
            return type.isLeaf() ? -1 : headerOffset + 8;
        }
    }

    /**
     * A cell and the offsets of its parts in its page (-1 where a part is absent).
     *
     * @param recordHeaderSize the record's header size when the header lies on the page, else 0
     * @param overflowChain    the overflow pages of its payload, in chain order
     */
    record CellSite(long pgno, PageType type, int offset, int size, int childOffset, int sizeVarintOffset,
                    int sizeVarintLength, int localOffset, int localSize, int overflowPointerOffset,
                    int recordHeaderSize, long[] overflowChain, boolean schemaTree) {
    }

    final Sample sample;
    final byte[] image;
    final int pageSize;
    final int usableSize;
    final long pageCount;
    final List<TreePage> treePages = new ArrayList<>();
    final List<CellSite> cells = new ArrayList<>();
    final List<CellSite> overflowCells = new ArrayList<>();
    final List<CellSite> interiorCells = new ArrayList<>();
    final List<CellSite> schemaCells = new ArrayList<>();
    final List<Long> freelistTrunks = new ArrayList<>();
    final List<Long> freelistLeaves = new ArrayList<>();
    final List<Long> ptrmapPages = new ArrayList<>();

    private SampleAnatomy(Sample sample, byte[] image, int pageSize, int usableSize, long pageCount) {
        this.sample = sample;
        this.image = image;
        this.pageSize = pageSize;
        this.usableSize = usableSize;
        this.pageCount = pageCount;
    }

    static SampleAnatomy of(Sample sample) throws IOException {
        byte[] image = Samples.bytes(sample);
        Database db = Database.fromImage(image, sample.fileName());
        SampleAnatomy a = new SampleAnatomy(sample, image, db.pageSize(), db.usableSize(), db.pageCount());
        PageMap map = PageMap.build(db);
        for (ObjectPages o : map.objects()) {
            a.walkTree(db, o.census().root(), "sqlite_schema".equals(o.name()));
        }
        for (FreelistTrunk t : map.freelist().trunks()) {
            a.freelistTrunks.add(t.page());
        }
        for (long leaf : map.freelist().leafPages()) {
            a.freelistLeaves.add(leaf);
        }
        for (long p = 1; p <= map.pageCount(); p++) {
            if (map.kind(p) == PageKind.PTRMAP) {
                a.ptrmapPages.add(p);
            }
        }
        return a;
    }

    private void walkTree(Database db, long root, boolean schemaTree) throws IOException {
        PayloadReader payloads = new PayloadReader(db.pages(), usableSize);
        List<IOException> failures = new ArrayList<>();
        new BTreeWalker(db.pages(), usableSize).walk(root, new TreeVisitor() {
            @Override
            public boolean page(BTreePage page, List<PathStep> path, int depth) {
                int n = page.cellCount();
                int[] offsets = new int[n];
                int[] sizes = new int[n];
                for (int i = 0; i < n; i++) {
                    Cell c = page.cell(i);
                    offsets[i] = page.cellPointer(i);
                    sizes[i] = c == null ? 0 : c.size();
                }
                long[] ancestors = path.stream().mapToLong(PathStep::page).toArray();
                treePages.add(new TreePage(page.number(), page.type(), page.header().offset(), n, offsets, sizes,
                        ancestors, schemaTree));
                return true;
            }

            @Override
            public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                try {
                    site(payloads, page, cell, schemaTree);
                } catch (IOException e) {
                    failures.add(e);
                }
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private void site(PayloadReader payloads, BTreePage page, Cell cell, boolean schemaTree) throws IOException {
        int child = cell instanceof InteriorCell ? cell.offset() : -1;
        int sizeOff = -1;
        int sizeLen = 0;
        int localOff = -1;
        int localSize = 0;
        int ovflOff = -1;
        int headerSize = 0;
        long[] chain = new long[0];
        if (cell instanceof PayloadCell pc) {
            LocalPayload lp = pc.payload();
            sizeOff = lp.sizeVarintOffset();
            sizeLen = lp.sizeVarintLength();
            localOff = lp.localOffset();
            localSize = lp.localSize();
            ovflOff = lp.overflowPointerOffset();
            int end = localOff + localSize;
            int n = Varint.length(page.data(), localOff, end);
            if (n > 0) {
                long h = Varint.value(page.data(), localOff);
                headerSize = h <= localSize ? (int) h : 0;
            }
            chain = payloads.overflowChain(lp, new ArrayList<>());
        }
        CellSite s = new CellSite(page.number(), page.type(), cell.offset(), cell.size(), child, sizeOff, sizeLen,
                localOff, localSize, ovflOff, headerSize, chain, schemaTree);
        cells.add(s);
        if (ovflOff >= 0 && chain.length > 0) {
            overflowCells.add(s);
        }
        if (child >= 0) {
            interiorCells.add(s);
        }
        if (schemaTree && page.type() == PageType.TABLE_LEAF) {
            schemaCells.add(s);
        }
    }

    /** Byte offset of page {@code pgno} in the image. */
    long pageStart(long pgno) {
        return (pgno - 1) * (long) pageSize;
    }
}
