package dev.loupe.format.btree;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A decoded b-tree page (fileformat2 §1.6): header, cell pointer array, freeblock chain. Cells are decoded on
 * demand with {@link #cell(int)}. Decoding never throws: a damaged header, pointer or freeblock is a problem, and
 * everything that can still be read is.
 */
public final class BTreePage {

    /** Out-of-range cell pointers reported one by one per page; the rest are summed up in one problem. */
    static final int MAX_POINTER_PROBLEMS = 8;

    private final long number;
    private final byte[] data;
    private final int usableSize;
    private final BTreePageHeader header;
    private final int[] cellPointers;
    private final List<Freeblock> freeblocks;
    private final List<Problem> problems;

    private BTreePage(long number, byte[] data, int usableSize, BTreePageHeader header, int[] cellPointers,
                      List<Freeblock> freeblocks, List<Problem> problems) {
        this.number = number;
        this.data = data;
        this.usableSize = usableSize;
        this.header = header;
        this.cellPointers = cellPointers;
        this.freeblocks = freeblocks;
        this.problems = problems;
    }

    /** Offset of the b-tree header on page {@code pgno}: 100 on page 1 (after the database header), else 0. */
    public static int headerOffset(long pgno) {
        return pgno == 1 ? 100 : 0;
    }

    /**
     * Decodes page {@code pgno} from its bytes.
     *
     * @param usableSize page size minus reserved bytes; nothing at or past it is read as content
     */
    public static BTreePage decode(long pgno, byte[] data, int usableSize) {
        List<Problem> problems = new ArrayList<>(0);
        int usable = Math.min(usableSize, data.length);
        int h = headerOffset(pgno);
        if (h + 8 > usable) {
            problems.add(new Problem(ProblemKind.PAGE_TYPE, Span.inPage(pgno, h, 0), "page too small for a b-tree header"));
            return new BTreePage(pgno, data, usable, new BTreePageHeader(h, 0, null, 0, 0, 0, 0, 0),
                    new int[0], List.of(), List.copyOf(problems));
        }
        int rawType = BigEndian.u8(data, h);
        PageType type = PageType.ofFlag(rawType);
        long right = 0;
        if (type != null && !type.isLeaf() && h + 12 <= usable) {
            right = BigEndian.u32(data, h + 8);
        }
        BTreePageHeader header = new BTreePageHeader(h, rawType, type, BigEndian.u16(data, h + 1),
                BigEndian.u16(data, h + 3), BigEndian.u16(data, h + 5), BigEndian.u8(data, h + 7), right);
        if (type == null) {
            problems.add(new Problem(ProblemKind.PAGE_TYPE, Span.inPage(pgno, h, 1), "page type byte is " + rawType
                    + ", not a b-tree page (2, 5, 10 or 13)"));
            return new BTreePage(pgno, data, usable, header, new int[0], List.of(), List.copyOf(problems));
        }
        int[] pointers = readCellPointers(pgno, data, usable, header, problems);
        checkContentStart(pgno, usable, header, pointers.length, problems);
        List<Freeblock> freeblocks = readFreeblocks(pgno, data, usable, header, pointers.length, problems);
        if (header.fragmentedFreeBytes() > 60) {
            problems.add(new Problem(ProblemKind.FRAGMENTED_BYTES, Span.inPage(pgno, h + 7, 1),
                    header.fragmentedFreeBytes() + " fragmented free bytes; a well-formed page has at most 60"));
        }
        return new BTreePage(pgno, data, usable, header, pointers, freeblocks,
                problems.isEmpty() ? List.of() : Collections.unmodifiableList(problems));
    }

    /**
     * The cell pointer array. SQLite rejects a page whose cell count exceeds what can fit ((pagesize-8)/6); here the
     * count is clipped to the pointers that fit before the usable end, and each pointer outside the content area
     * is reported ("Offset N out of range A..B" in integrity_check) and kept (callers skip it when decoding).
     */
    private static int[] readCellPointers(long pgno, byte[] data, int usable, BTreePageHeader header,
                                          List<Problem> problems) {
        int start = header.cellPointerArrayOffset();
        int count = header.cellCount();
        int maxFit = Math.max(0, (usable - start) / 2);
        int maxCells = (data.length - 8) / 6;
        if (count > maxCells || count > maxFit) {
            // The count is damaged: SQLite refuses the whole page (btreeInitPage). The pointer array can at most
            // reach the cell content area, so read that many pointers and judge each.
            int upToContent = Math.max(0, (Math.min(header.cellContentStart(), usable) - start) / 2);
            int readable = Math.min(Math.min(maxCells, maxFit), upToContent);
            problems.add(new Problem(ProblemKind.CELL_COUNT, Span.inPage(pgno, header.offset() + 3, 2),
                    "cell count " + count + " is more than fit on a page (at most " + Math.min(maxCells, maxFit)
                            + "); reading the " + readable + " pointers before the cell content area"));
            count = readable;
        }
        int[] pointers = new int[count];
        int first = firstCellOffset(header, count, usable);
        int last = usable - 4; // a cell is at least 4 bytes
        int bad = 0;
        for (int i = 0; i < count; i++) {
            int ptr = BigEndian.u16(data, start + 2 * i);
            pointers[i] = ptr;
            if (ptr < first || ptr > last) {
                if (++bad <= MAX_POINTER_PROBLEMS) {
                    problems.add(new Problem(ProblemKind.CELL_POINTER, Span.inPage(pgno, start + 2 * i, 2),
                            "cell " + i + ": offset " + ptr + " out of range " + first + ".." + last));
                }
            }
        }
        if (bad > MAX_POINTER_PROBLEMS) {
            problems.add(new Problem(ProblemKind.CELL_POINTER, Span.inPage(pgno, start, 2 * count),
                    (bad - MAX_POINTER_PROBLEMS) + " more cell pointers out of range " + first + ".." + last
                            + " (" + bad + " of " + count + " in all)"));
        }
        return pointers;
    }

    private static void checkContentStart(long pgno, int usable, BTreePageHeader header, int cells,
                                          List<Problem> problems) {
        int arrayEnd = header.cellPointerArrayOffset() + 2 * cells;
        int cs = header.cellContentStart();
        if (cs < arrayEnd || cs > usable) {
            problems.add(new Problem(ProblemKind.CELL_CONTENT_AREA, Span.inPage(pgno, header.offset() + 5, 2),
                    "cell content area starts at " + cs + ", outside " + arrayEnd + ".." + usable));
        }
    }

    /**
     * The freeblock chain: ascending offsets, each at least 4 bytes, inside the content area, not overlapping the
     * next (fileformat2 §1.6). Walked with a bound: a page holds at most usable/4 freeblocks.
     */
    private static List<Freeblock> readFreeblocks(long pgno, byte[] data, int usable, BTreePageHeader header,
                                                  int cells, List<Problem> problems) {
        int next = header.firstFreeblock();
        if (next == 0) {
            return List.of();
        }
        List<Freeblock> out = new ArrayList<>();
        int min = header.cellPointerArrayOffset() + 2 * cells;
        int prevEnd = min;
        Span link = Span.inPage(pgno, header.offset() + 1, 2);
        for (int guard = 0; next != 0; guard++) {
            if (guard > usable / 4) {
                problems.add(new Problem(ProblemKind.FREEBLOCK, link, "freeblock chain does not end (loop)"));
                break;
            }
            if (next < prevEnd || next + 4 > usable) {
                problems.add(new Problem(ProblemKind.FREEBLOCK, link, "freeblock offset " + next
                        + (next < prevEnd ? " is not after the previous freeblock or pointer array end " + prevEnd
                        : " leaves no room for a freeblock before the usable end " + usable)));
                break;
            }
            int nx = BigEndian.u16(data, next);
            int size = BigEndian.u16(data, next + 2);
            Freeblock fb = new Freeblock(Span.inPage(pgno, next, Math.max(4, Math.min(size, usable - next))), next, nx, size);
            out.add(fb);
            if (size < 4 || next + size > usable) {
                problems.add(new Problem(ProblemKind.FREEBLOCK, Span.inPage(pgno, next + 2, 2), "freeblock at "
                        + next + " has size " + size + (size < 4 ? ", less than its 4-byte header"
                        : ", extending past the usable end " + usable)));
                break;
            }
            if (nx != 0 && nx <= next + size) {
                problems.add(new Problem(ProblemKind.FREEBLOCK, Span.inPage(pgno, next, 2), "freeblock at " + next
                        + " (size " + size + ") points to " + nx + ", not after its own end " + (next + size)));
                break;
            }
            prevEnd = next + size;
            link = Span.inPage(pgno, next, 2);
            next = nx;
        }
        return List.copyOf(out);
    }

    public long number() {
        return number;
    }

    /** The page bytes (not copied: callers must not modify them). */
    public byte[] data() {
        return data;
    }

    public int usableSize() {
        return usableSize;
    }

    public BTreePageHeader header() {
        return header;
    }

    /** Page type, or null when the type byte is invalid. */
    public PageType type() {
        return header.type();
    }

    /** Number of entries in the cell pointer array as read (clipped to what fits). */
    public int cellCount() {
        return cellPointers.length;
    }

    public int cellPointer(int i) {
        return cellPointers[i];
    }

    public Span cellPointerSpan(int i) {
        return Span.inPage(number, header.cellPointerArrayOffset() + 2 * i, 2);
    }

    /** True when cell pointer {@code i} lies inside the cell content area and its cell can be decoded. */
    public boolean cellPointerValid(int i) {
        int ptr = cellPointers[i];
        return ptr >= firstCellOffset(header, cellPointers.length, usableSize) && ptr <= usableSize - 4;
    }

    /**
     * The lowest offset a cell may start at: the cell content area's start when the header's value for it is
     * plausible (integrity_check's "Offset N out of range A..B" uses it), else the end of the pointer array.
     */
    private static int firstCellOffset(BTreePageHeader header, int cells, int usable) {
        int arrayEnd = header.cellPointerArrayOffset() + 2 * cells;
        int contentStart = header.cellContentStart();
        return contentStart >= arrayEnd && contentStart <= usable ? contentStart : arrayEnd;
    }

    /** Decodes cell {@code i}; null when its pointer is out of range (already reported in {@link #problems()}). */
    public Cell cell(int i) {
        if (header.type() == null || !cellPointerValid(i)) {
            return null;
        }
        return CellDecoder.decode(data, number, header.type(), i, cellPointers[i], usableSize);
    }

    /** Every decodable cell in pointer order. */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>(cellPointers.length);
        for (int i = 0; i < cellPointers.length; i++) {
            Cell c = cell(i);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    public List<Freeblock> freeblocks() {
        return freeblocks;
    }

    /** Bytes between the end of the cell pointer array and the start of the cell content area. */
    public int unallocatedBytes() {
        int start = header.cellPointerArrayOffset() + 2 * cellPointers.length;
        return Math.max(0, Math.min(header.cellContentStart(), usableSize) - start);
    }

    /** Child page {@code i} of an interior page: the left child of cell i, or the right child for i == cellCount. */
    public long child(int i) {
        if (i == cellPointers.length) {
            return header.rightChild();
        }
        Cell c = cell(i);
        return c instanceof InteriorCell ic ? ic.leftChild() : 0;
    }

    /** The unallocated region between the cell pointer array and the cell content area. */
    public Span unallocatedSpan() {
        int start = header.cellPointerArrayOffset() + 2 * cellPointers.length;
        return Span.inPage(number, Math.min(start, usableSize), unallocatedBytes());
    }

    /**
     * The reserved region at the end of the page (header byte 20 bytes long; fileformat2 §1.3.4), used by
     * extensions such as checksums or encryption, never by b-tree content.
     */
    public Span reservedSpan() {
        return Span.inPage(number, usableSize, Math.max(0, data.length - usableSize));
    }

    public Span rightChildSpan() {
        return Span.inPage(number, header.offset() + 8, 4);
    }

    public List<Problem> problems() {
        return problems;
    }
}
