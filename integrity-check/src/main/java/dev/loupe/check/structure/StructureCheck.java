package dev.loupe.check.structure;

import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import dev.loupe.check.Severity;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Span;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadSizes;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.ptrmap.PointerMap;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * The b-tree level checks of PRAGMA integrity_check (btree.c, sqlite3BtreeIntegrityCheck and checkTreePage), in
 * SQLite's own order so that each problem is reported where SQLite reports it and with the line SQLite 3.40 prints:
 * the lock-byte page, the freelist, the auto-vacuum header, every tree (right child first, then cells from last to
 * first), then pages never used and pointer-map pages that something references. Beyond SQLite it reports a tree
 * that mixes table and index pages and trees deeper than SQLite's cursors can go.
 *
 * <p>Invariant: every page from 1 to the page count is claimed exactly once, by the lock-byte rule, the freelist,
 * one b-tree (as tree page or overflow page) or, in an auto-vacuum file, as a pointer-map page.
 */
public final class StructureCheck {

    /** Deeper than this and the walk stops: SQLite's cursors give up at 20 levels (BTCURSOR_MAX_DEPTH). */
    static final int MAX_DEPTH = 20;
    /** PRAGMA integrity_check stops after this many messages (its default N): later problems print no line. */
    static final int SQLITE_MAX_ERRORS = 100;
    private static final int PTRMAP_ROOTPAGE = 1;
    private static final int PTRMAP_FREEPAGE = 2;
    private static final int PTRMAP_OVERFLOW1 = 3;
    private static final int PTRMAP_OVERFLOW2 = 4;
    private static final int PTRMAP_BTREE = 5;

    private final PageSource pages;
    private final int usableSize;
    private final int pageSize;
    private final boolean autoVacuum;
    private final PageRefs refs;
    private final FindingSink sink;
    private final LongConsumer pagesRead;
    private final SqlitePrefix pfx = new SqlitePrefix();
    /** This walker's page-coverage test (made on first use: it holds a bitmap of a page). */
    private Extents extents;
    private final List<PathStep> path = new ArrayList<>();
    private String object;
    private boolean tableTree;
    private long errors;
    /** True while SQLite 3.40 would not run the current check: findings then carry no SQLite line. */
    private boolean silent;
    private int sqliteLines;
    private boolean sqliteRuns = true;
    private long pagesVisited;
    /** Walks the subtrees below each root in parallel when set (see {@link #parallel}). */
    private ExecutorService pool;
    /** A worker walks one subtree for its parent check: claims are logged, SQLite lines left uncapped. */
    private final boolean worker;
    /** Two walks claimed the same page: the parallel result may differ from SQLite's order; redo it in order. */
    private boolean conflict;
    /** Per-tree walks kept from an earlier run (see {@link #reuse}); null: every tree is walked in place. */
    private TreeWalks reuse;
    /** Leaf pages the record pass found sound, which need not be read again (see {@link #useLeafSummaries}). */
    private LeafSummaries leaves;
    /** For a walk of one whole tree on its own: every page number it referenced or read (below 2^31). */
    private BitSet touched;
    /** For a walk of one whole tree on its own: the highest page number it referenced or read. */
    private long highest;

    /**
     * @param pages      the database pages (WAL applied)
     * @param usableSize page size minus reserved bytes
     * @param autoVacuum header byte 52 is non-zero
     * @param sink       where findings go
     * @param pagesRead  told of every b-tree page checked (for progress)
     */
    public StructureCheck(PageSource pages, int usableSize, boolean autoVacuum, FindingSink sink,
                          LongConsumer pagesRead) {
        this.pagesRead = pagesRead;
        this.pages = pages;
        this.usableSize = usableSize;
        this.pageSize = pages.pageSize();
        this.autoVacuum = autoVacuum;
        this.refs = PageRefs.dense(pages.pageCount());
        this.sink = sink;
        this.worker = false;
    }

    /** A worker for one subtree of {@code parent}'s current tree, starting with the given prefix state. */
    private StructureCheck(StructureCheck parent, FindingSink sink, SqlitePrefix.Saved prefix, List<PathStep> path) {
        this(parent, sink, prefix, path, parent.pagesRead);
    }

    private StructureCheck(StructureCheck parent, FindingSink sink, SqlitePrefix.Saved prefix, List<PathStep> path,
                           LongConsumer pagesRead) {
        this.pagesRead = pagesRead;
        this.pages = parent.pages;
        this.usableSize = parent.usableSize;
        this.pageSize = parent.pageSize;
        this.autoVacuum = parent.autoVacuum;
        this.refs = PageRefs.sparse(parent.pages.pageCount());
        this.sink = sink;
        this.worker = true;
        this.object = parent.object;
        this.tableTree = parent.tableTree;
        this.leaves = parent.leaves;
        this.pfx.restore(prefix);
        this.path.addAll(path);
    }

    /**
     * Lets {@link #run} walk the children of each tree's root on {@code pool}. Each child subtree is walked on its
     * own, then its findings and page claims are taken in SQLite's order. That gives exactly the sequential result
     * unless two walks claim the same page (then "2nd reference" depends on the order): {@link #conflicted()} says
     * so, and the caller runs the check again without a pool.
     */
    public void parallel(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Lets {@link #run} take each tree's walk from {@code walks} when an earlier run left one that is still valid
     * (none of the pages it read was written since, see {@link TreeWalks#written}), and walk the others on their
     * own ({@link #walkTree}), keeping them in {@code walks}. The walks are merged in SQLite's order as the
     * parallel subtrees are: a tree whose claims meet earlier claims is walked again in place, so the findings are
     * exactly those of a run without reuse. Takes precedence over {@link #parallel}.
     */
    public void reuse(TreeWalks walks) {
        this.reuse = walks;
    }

    /**
     * Lets the walk take a leaf page that {@code summaries} holds as sound from its summary instead of reading it:
     * it then checks only what depends on the page's place (its claim, the tree's kind, the parent's key bound).
     * The findings are those of a walk that reads every page.
     */
    public void useLeafSummaries(LeafSummaries summaries) {
        this.leaves = summaries;
    }

    /**
     * Walks the tree rooted at {@code root} on its own, as {@link #run} would if nothing else had claimed a page:
     * its pointer-map entry (auto-vacuum), then checkTreePage from the root down. Claims nothing in this check;
     * the findings carry SQLite's line without the 100-line cap, which only the merge in SQLite's order can apply.
     */
    public TreeWalk walkTree(TreeRoot root) throws IOException {
        FindingSink found = new FindingSink(Integer.MAX_VALUE);
        StructureCheck w = new StructureCheck(this, found, new SqlitePrefix.Saved(SqlitePrefix.NONE, 0, 0),
                List.of(), n -> { });
        w.touched = new BitSet();
        w.object = root.name();
        w.tableTree = root.table();
        if (autoVacuum && root.root() > 1) {
            w.checkPtrmap(root.root(), PTRMAP_ROOTPAGE, 0, Span.inPage(1, 0, 0));
        }
        w.checkTree(root.root(), Long.MAX_VALUE, new long[1], Span.inPage(1, 0, 0), 0);
        return new TreeWalk(root, w.refs.claimed(), w.touched, w.highest, found.findings(), w.pagesVisited);
    }

    /** True if a parallel run met a page claimed twice and must be redone sequentially. */
    public boolean conflicted() {
        return conflict;
    }

    /**
     * Runs every b-tree level check.
     *
     * @param order          the trees in the order SQLite checks them, and what SQLite 3.40 skips
     * @param firstTrunk     header offset 32: first freelist trunk page
     * @param freelistCount  header offset 36: freelist pages
     * @param largestRoot    header offset 52: largest root page (auto-vacuum), 0 otherwise
     * @param incremental    header offset 64: incremental vacuum flag
     */
    public void run(SqliteRootOrder order, long firstTrunk, long freelistCount, long largestRoot, long incremental)
            throws IOException {
        List<TreeRoot> roots = order.roots();
        long lockByte = LockBytePage.of(pageSize);
        refs.set(lockByte);

        if (!order.skipsFreelist()) {
            freelist(firstTrunk, freelistCount, false);
        }

        // 3.40 skips what follows when it believes the check is partial (see SqliteRootOrder)
        silent = order.partial();
        if (autoVacuum) {
            long mx = 0;
            for (TreeRoot r : roots) {
                mx = Math.max(mx, r.root());
            }
            if (mx != largestRoot) {
                report(FindingCode.AUTOVACUUM_ROOT_PAGE, Span.inPage(1, 52, 4), "the largest root page in the schema is "
                        + mx + " but the header (offset 52) says " + largestRoot,
                        "max rootpage (" + d(mx) + ") disagrees with header (" + d(largestRoot) + ")");
            }
        } else if (incremental != 0) {
            report(FindingCode.AUTOVACUUM_ROOT_PAGE, Span.inPage(1, 64, 4), "the incremental-vacuum flag (offset 64) is "
                    + incremental + " in a file without auto-vacuum (offset 52 is 0)",
                    "incremental_vacuum enabled with a max rootpage of zero");
        }

        silent = false;
        if (reuse != null) {
            reuse.begin(pageSize, usableSize, autoVacuum, refs.pageCount(), roots);
        }
        for (TreeRoot r : roots) {
            if (r.root() == 0 || reuse != null && merged(r)) {
                continue;
            }
            object = r.name();
            tableTree = r.table();
            path.clear();
            pfx.format = SqlitePrefix.NONE;
            pfx.v1 = 0;
            pfx.v2 = 0;
            if (autoVacuum && r.root() > 1) {
                checkPtrmap(r.root(), PTRMAP_ROOTPAGE, 0, Span.inPage(1, 0, 0));
            }
            checkTree(r.root(), Long.MAX_VALUE, new long[1], Span.inPage(1, 0, 0), 0);
        }
        object = null;
        path.clear();
        pfx.format = SqlitePrefix.NONE;
        if (order.skipsFreelist()) {
            // SQLite 3.40 does not walk the freelist here, so its trees claimed pages first; walking it last keeps
            // the trees' findings equal to SQLite's and still reports a page both free and in use.
            freelist(firstTrunk, freelistCount, true);
        }

        silent = order.partial();
        for (long p = 1; p <= refs.pageCount(); p++) {
            boolean ptrmapPage = autoVacuum && PointerMap.isPtrmapPage(p, usableSize);
            if (!refs.isSet(p) && !ptrmapPage) {
                report(FindingCode.PAGE_NEVER_USED, Span.inPage(p, 0, 0), "page " + p
                        + " is not part of any b-tree, overflow chain or the freelist (an orphan page)",
                        "Page " + d(p) + " is never used");
            }
            if (refs.isSet(p) && ptrmapPage) {
                report(FindingCode.PTRMAP_PAGE_REFERENCED, Span.inPage(p, 0, 0), "page " + p
                        + " is a pointer-map page, but something else uses it as well",
                        "Pointer map page " + d(p) + " is referenced");
            }
        }
    }

    /**
     * Takes the walk of tree {@code r} (kept or new) into this check, in SQLite's order: false, claiming nothing,
     * when it meets a page claimed earlier (by the freelist, the lock-byte rule or an earlier tree), since then the
     * order decides what is a "2nd reference" and the tree must be walked in place.
     */
    private boolean merged(TreeRoot r) throws IOException {
        TreeWalk w = reuse.walk(r, this::walkTree);
        long[] claimed = w.claimed();
        for (long p : claimed) {
            if (refs.isSet(p)) {
                reuse.walkedInPlace(r);
                return false;
            }
        }
        for (long p : claimed) {
            refs.set(p);
        }
        pagesVisited += w.pagesVisited();
        pagesRead.accept(w.pagesVisited());
        for (Finding f : w.findings()) {
            sink.add(f.sqlite() == null ? f : f.toBuilder().sqlite(cap(f.sqlite())).build());
        }
        return true;
    }

    /**
     * Declares that SQLite cannot run integrity_check on this file at all (it refuses to load the schema): the
     * findings then carry no SQLite line.
     */
    public void sqliteRefusesFile() {
        sqliteRuns = false;
    }

    /** Pages the walk read (for statistics). */
    public long pagesVisited() {
        return pagesVisited;
    }

    /** Pages claimed by nothing so far: what {@link #run} reports as never used. */
    public boolean claimed(long page) {
        return refs.isSet(page);
    }

    private void freelist(long firstTrunk, long count, boolean quiet) throws IOException {
        object = null;
        pfx.format = SqlitePrefix.FREELIST;
        silent = quiet;
        checkFreelist(firstTrunk, count);
        pfx.format = SqlitePrefix.NONE;
        silent = false;
    }

    // integrity_check's checkRef: page in range, and not claimed before
    private boolean checkRef(long page, Span from) {
        touch(page);
        // below 1: a root page number the schema gives as negative (SQLite takes it as a u32 past the file's end)
        if (page > refs.pageCount() || page < 1) {
            report(FindingCode.PAGE_NUMBER_INVALID, from, "reference to page " + page + ", outside 1.."
                    + refs.pageCount(), "invalid page number " + d(page));
            return true;
        }
        if (refs.isSet(page)) {
            report(FindingCode.PAGE_REFERENCED_TWICE, from, "page " + page + " is referenced a second time"
                    + (from.page() != 0 ? " (from page " + from.page() + ")" : ""), "2nd reference to page " + d(page));
            return true;
        }
        refs.set(page);
        return false;
    }

    private void checkFreelist(long trunk, long expected) throws IOException {
        long n = expected;
        long errorsAtStart = errors;
        Span from = Span.inPage(1, 32, 4);
        while (trunk != 0) {
            if (checkRef(trunk, from)) {
                break;
            }
            n--;
            byte[] data = read(trunk, TRUNK_SLOT);
            long leaves = BigEndian.u32(data, 4);
            if (autoVacuum) {
                checkPtrmap(trunk, PTRMAP_FREEPAGE, 0, from);
            }
            if (leaves > usableSize / 4 - 2) {
                report(FindingCode.FREELIST_LEAF_COUNT, Span.inPage(trunk, 4, 4), "freelist trunk page " + trunk
                        + " claims " + leaves + " leaves; at most " + (usableSize / 4 - 2) + " fit",
                        "freelist leaf count too big on page " + d(trunk));
                n--;
            } else {
                if (leaves > usableSize / 4 - 8) {
                    // SQLite reads up to U/4-2 leaves but never writes more than U/4-8 (btree.c freePage2)
                    report(FindingCode.FREELIST_LEAF_COUNT, Span.inPage(trunk, 4, 4), "freelist trunk page " + trunk
                            + " lists " + leaves + " leaves; SQLite reads up to " + (usableSize / 4 - 2)
                            + " but never writes more than " + (usableSize / 4 - 8) + ": another program wrote this"
                            + " trunk", null, Severity.WARNING);
                }
                for (int i = 0; i < leaves; i++) {
                    long leaf = BigEndian.u32(data, 8 + 4 * i);
                    Span at = Span.inPage(trunk, 8 + 4 * i, 4);
                    if (autoVacuum) {
                        checkPtrmap(leaf, PTRMAP_FREEPAGE, 0, at);
                    }
                    checkRef(leaf, at);
                }
                n -= leaves;
            }
            from = Span.inPage(trunk, 0, 4);
            trunk = BigEndian.u32(data, 0);
        }
        long found = (expected - n) & 0xffffffffL;
        if ((n & 0xffffffffL) != 0 && errorsAtStart == errors) {
            report(FindingCode.FREELIST_COUNT, Span.inPage(1, 36, 4), "the freelist holds " + found
                    + " pages but the header (offset 36) says " + expected, "size is " + d(found) + " but should be "
                    + d(expected));
        }
    }

    /**
     * checkTreePage: checks page {@code pgno} and its subtree; returns the subtree's depth (0 for a leaf) and stores
     * in {@code minKey[0]} the smallest integer key seen (table trees).
     */
    private int checkTree(long pgno, long maxKey, long[] minKey, Span from, int level) throws IOException {
        minKey[0] = maxKey;
        if (pgno == 0) {
            return 0;
        }
        if (checkRef(pgno, from)) {
            return 0;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("check interrupted at page " + pgno);
        }
        if (level >= MAX_DEPTH) {
            report(FindingCode.TREE_TOO_DEEP, from, "the tree is more than " + MAX_DEPTH + " levels deep at page "
                    + pgno + "; SQLite cannot read below this level", null);
            return 0;
        }
        if (leaves != null && summarisedLeaf(pgno, maxKey)) {
            // a sound leaf in its place: all the full check below would do is count it and pass its first rowid up
            // (the progress took it off the total when the record pass summarised it: it is not counted again)
            touch(pgno);
            pagesVisited++;
            minKey[0] = tableTree ? leaves.firstKey(pgno) : maxKey;
            return 0;
        }
        SqlitePrefix.Saved saved = pfx.save();
        pfx.format = SqlitePrefix.PAGE;
        pfx.v1 = pgno;
        int depth = -1;
        try {
            pagesVisited++;
            pagesRead.accept(1);
            byte[] data = read(pgno, level);
            int hdr = BTreePage.headerOffset(pgno);
            PageType type = PageType.ofFlag(data[hdr] & 0xff);
            int nCell = BigEndian.u16(data, hdr + 3);
            if (type == null || nCell > (pageSize - 8) / 6) {
                report(FindingCode.PAGE_HEADER_INVALID, Span.inPage(pgno, hdr, type == null ? 1 : 5), type == null
                        ? "page type byte is " + (data[hdr] & 0xff) + ", not 2, 5, 10 or 13"
                        : "cell count " + nCell + " is more than a page can hold (" + (pageSize - 8) / 6 + ")",
                        "btreeInitPage() returns error code 11");
                return 0;
            }
            if (tableTree != type.isTable()) {
                report(FindingCode.TREE_PAGE_KIND, Span.inPage(pgno, hdr, 1), "page " + pgno + " is a "
                        + type.label() + " page in the b-tree of " + (tableTree ? "table " : "index ") + object, null);
            }
            if (nCell == 0 && (level > 0 || !type.isLeaf() && pgno != 1)) {
                // btree.c: getAndInitPage() refuses a child page with no cells and moveToRoot() an interior root
                // without one (page 1 excepted): checkTreePage() itself lets both pass
                report(FindingCode.BTREE_PAGE_EMPTY, Span.inPage(pgno, hdr + 3, 2), "page " + pgno + " is "
                        + (level > 0 ? "a " + type.label() + " page below the root of " : "the interior root of ")
                        + object + " and holds no cells: SQLite's cursors refuse to enter it (SQLITE_CORRUPT), so"
                        + " every scan or lookup that reaches it fails with \"database disk image is malformed\"",
                        null);
            }
            String freeSpace = FreeSpace.problem(data, hdr, type, nCell, usableSize);
            if (freeSpace != null) {
                report(FindingCode.FREEBLOCK_INVALID, Span.inPage(pgno, hdr + 1, 2), freeSpace,
                        "free space corruption");
                return 0;
            }
            int contentOffset = BigEndian.u16(data, hdr + 5);
            if (contentOffset == 0) {
                contentOffset = 65536;
            }
            boolean leaf = type.isLeaf();
            boolean intKey = type.isTable();
            int cellStart = hdr + (leaf ? 8 : 12);
            Map<Integer, Future<Split>> jobs = level == 0 && pool != null && !worker && !leaf
                    ? splitChildren(pgno, data, hdr, type, nCell, contentOffset, maxKey) : null;
            boolean coverage = true;
            boolean keyCanBeEqual = true;
            long[] cells = null;
            int nCells = 0;
            pfx.format = SqlitePrefix.CELL;

            if (!leaf) {
                long right = BigEndian.u32(data, hdr + 8);
                Span rightSpan = Span.inPage(pgno, hdr + 8, 4);
                if (autoVacuum) {
                    pfx.format = SqlitePrefix.RIGHT_CHILD;
                    checkPtrmap(right, PTRMAP_BTREE, pgno, rightSpan);
                }
                path.add(new PathStep(pgno, nCell));
                long[] min = new long[1];
                depth = subtree(jobs, nCell, right, maxKey, min, rightSpan, level + 1);
                path.remove(path.size() - 1);
                maxKey = min[0];
                keyCanBeEqual = false;
                // SQLite 3.40 leaves the right-child prefix in place for the cells of an auto-vacuum page
            }
            if (leaf) {
                // the cells of a leaf (nearly every page): a loop of its own, compiled on its own
                nCells = leafCells(pgno, data, type, nCell, cellStart, contentOffset, maxKey);
                cells = leafExtents;
                coverage = leafCoverage;
                maxKey = leafMaxKey;
            } else {
                for (int i = nCell - 1; i >= 0; i--) {
                    pfx.v2 = i;
                    int pc = BigEndian.u16(data, cellStart + 2 * i);
                    CellExtent cell = cellAt(pgno, data, type, i, pc, cellStart, contentOffset);
                    if (cell == null) {
                        coverage = false;
                        continue;
                    }
                    if (intKey) {
                        if (keyCanBeEqual ? cell.key() > maxKey : cell.key() >= maxKey) {
                            reportRowidOrder(pgno, pc, cell.size(), cell.key(), i, maxKey);
                        }
                        maxKey = cell.key();
                        keyCanBeEqual = false;
                    }
                    if (cell.overflowPages() > 0) {
                        overflow(pgno, data, pc, cell, i);
                    }
                    long child = BigEndian.u32(data, pc);
                    Span childSpan = Span.inPage(pgno, pc, 4);
                    if (autoVacuum) {
                        checkPtrmap(child, PTRMAP_BTREE, pgno, childSpan);
                    }
                    path.add(new PathStep(pgno, i));
                    long[] min = new long[1];
                    int d2 = subtree(jobs, i, child, maxKey, min, childSpan, level + 1);
                    path.remove(path.size() - 1);
                    maxKey = min[0];
                    keyCanBeEqual = false;
                    if (d2 != depth) {
                        reportCell(FindingCode.CHILD_DEPTH_DIFFERS, childSpan, i, "the subtree of cell " + i
                                + " (page " + child + ") is " + d2 + " levels deep, its right sibling's " + depth,
                                "Child page depth differs");
                        depth = d2;
                    }
                }
            }
            minKey[0] = maxKey;
            pfx.format = SqlitePrefix.NONE;
            if (coverage) {
                if (!leaf) {
                    cells = new long[nCell];
                    for (int i = 0; i < nCell; i++) {
                        int pc = BigEndian.u16(data, cellStart + 2 * i);
                        cells[nCells++] = ((long) pc << 16) | (pc + CellExtent.parse(data, pc, type, usableSize).size() - 1);
                    }
                }
                checkCoverage(pgno, data, hdr, contentOffset, cells, nCells);
            }
        } finally {
            pfx.restore(saved);
        }
        return depth + 1;
    }

    /**
     * True when page {@code pgno} has a summary the full check of it in this place would pass without a finding:
     * a leaf of this tree's kind whose last rowid (table trees) is not above {@code maxKey}, the bound its parent
     * sets (a leaf's last cell may equal it). A leaf with cells is sound at any level.
     */
    private boolean summarisedLeaf(long pgno, long maxKey) {
        return tableTree ? leaves.tableLeaf(pgno) && leaves.lastKey(pgno) <= maxKey : leaves.indexLeaf(pgno);
    }

    /** {@link #leafCells}' results besides the extent count: whether coverage can be judged, the smallest key. */
    private boolean leafCoverage;
    private long leafMaxKey;
    /** The extents {@link #leafCells} collects (start << 16 | last byte), grown as needed. */
    private long[] leafExtents = new long[0];

    /**
     * The cell loop of checkTreePage on a leaf, last cell first as SQLite runs it: each pointer inside the content
     * area, each cell within the usable end, rowids descending below {@code maxKey} (table leaves), each overflow
     * chain. Returns the number of extents put in {@link #leafExtents}; sets {@link #leafCoverage} (false when a
     * cell was skipped, so SQLite leaves out the coverage check) and {@link #leafMaxKey}.
     */
    private int leafCells(long pgno, byte[] data, PageType type, int nCell, int cellStart, int contentOffset,
                          long maxKey) throws IOException {
        if (leafExtents.length < nCell) {
            leafExtents = new long[Math.max(nCell, 2 * leafExtents.length)];
        }
        long[] cells = leafExtents;
        int nCells = 0;
        boolean coverage = true;
        boolean keyCanBeEqual = true;
        boolean intKey = type.isTable();
        int maxLocal = PayloadSizes.maxLocal(usableSize, intKey);
        for (int i = nCell - 1; i >= 0; i--) {
            pfx.v2 = i;
            int pc = BigEndian.u16(data, cellStart + 2 * i);
            int size = pc >= contentOffset && pc <= usableSize - 4 ? localCellSize(data, pc, intKey, maxLocal) : -1;
            long key = leafKey;
            CellExtent cell = null;
            if (size < 0 || pc + size > usableSize) {
                // an overflowing or damaged cell: the general parse, which reports what is wrong
                cell = cellAt(pgno, data, type, i, pc, cellStart, contentOffset);
                if (cell == null) {
                    coverage = false;
                    continue;
                }
                size = cell.size();
                key = cell.key();
            }
            if (intKey) {
                if (keyCanBeEqual ? key > maxKey : key >= maxKey) {
                    reportRowidOrder(pgno, pc, size, key, i, maxKey);
                }
                maxKey = key;
                keyCanBeEqual = false;
            }
            if (cell != null && cell.overflowPages() > 0) {
                overflow(pgno, data, pc, cell, i);
            }
            cells[nCells++] = ((long) pc << 16) | (pc + size - 1);
        }
        leafCoverage = coverage;
        leafMaxKey = maxKey;
        return nCells;
    }

    /**
     * Cell {@code i}'s extent (its pointer {@code pc} read from the array at {@code cellStart}), or null, reported,
     * when the pointer is outside the content area or the cell runs past the usable end: SQLite then skips the
     * cell and leaves out the page's coverage check.
     */
    private CellExtent cellAt(long pgno, byte[] data, PageType type, int i, int pc, int cellStart, int contentOffset) {
        if (pc < contentOffset || pc > usableSize - 4) {
            reportCell(FindingCode.CELL_POINTER_OUT_OF_RANGE, Span.inPage(pgno, cellStart + 2 * i, 2), i, "cell " + i
                    + " pointer " + pc + " is outside the cell content area " + contentOffset + ".." + (usableSize - 4),
                    "Offset " + pc + " out of range " + contentOffset + ".." + (usableSize - 4));
            return null;
        }
        CellExtent cell = CellExtent.parse(data, pc, type, usableSize);
        if (pc + cell.size() > usableSize) {
            reportCell(FindingCode.CELL_EXTENDS_OFF_PAGE, Span.inPage(pgno, pc, usableSize - pc), i, "cell " + i
                    + " at offset " + pc + " needs " + cell.size() + " bytes but only " + (usableSize - pc)
                    + " remain before the usable end", "Extends off end of page");
            return null;
        }
        return cell;
    }

    private void reportRowidOrder(long pgno, int pc, int size, long key, int i, long maxKey) {
        reportCell(FindingCode.ROWID_ORDER, Span.inPage(pgno, pc, size), i, "rowid " + key
                + " is not below the next key " + (maxKey == Long.MAX_VALUE ? "" : maxKey) + " in key order",
                "Rowid " + key + " out of order");
    }

    /** The rowid {@link #localCellSize} read last (table leaves). */
    private long leafKey;
    private final Varint.OnePass varint = new Varint.OnePass();

    /**
     * The size of the leaf cell at {@code pc} when its varints are complete and its payload is wholly on the page
     * (P <= X), else -1; on a table leaf the rowid goes to {@link #leafKey}. The arithmetic of
     * {@link CellExtent#parse} for that case, with no object: this runs for every cell of the file.
     */
    private int localCellSize(byte[] data, int pc, boolean tableLeaf, int maxLocal) {
        int limit = data.length;
        int p = pc;
        int n = varint.read(data, p, limit);
        if (n == 0) {
            return -1;
        }
        long payload = varint.value();
        p += n;
        if (payload < 0 || payload > maxLocal) {
            return -1;
        }
        if (tableLeaf) {
            n = varint.read(data, p, limit);
            if (n == 0) {
                return -1;
            }
            leafKey = varint.value();
            p += n;
        } else {
            leafKey = 0;
        }
        return Math.max(4, p - pc + (int) payload);
    }

    /** The overflow chain of cell {@code i} (at {@code pc} on page {@code pgno}), pointer map entry first. */
    private void overflow(long pgno, byte[] data, int pc, CellExtent cell, int i) throws IOException {
        int ptrOff = pc + cell.size() - 4;
        long first = BigEndian.u32(data, ptrOff);
        Span ovf = Span.inPage(pgno, ptrOff, 4);
        if (autoVacuum) {
            checkPtrmap(first, PTRMAP_OVERFLOW1, pgno, ovf);
        }
        path.add(new PathStep(pgno, i));
        checkOverflow(first, cell.overflowPages(), ovf, i);
        path.remove(path.size() - 1);
    }

    /** A child subtree walked by a worker: what checkTree returned and what the worker found and claimed. */
    private record Split(long child, long bound, int depth, long minKey, StructureCheck walker, FindingSink found) {
    }

    /**
     * Replays the root page's cell loop without reporting anything, to learn which children the sequential walk
     * will enter and with which key bound, and starts a worker for each (slot = cell index; the right child is
     * slot nCell). The prefix a worker starts with is the one the sequential walk would have at that call.
     */
    private Map<Integer, Future<Split>> splitChildren(long pgno, byte[] data, int hdr, PageType type, int nCell,
                                                      int contentOffset, long maxKey) {
        Map<Integer, Future<Split>> jobs = new HashMap<>();
        String format = autoVacuum ? SqlitePrefix.RIGHT_CHILD : SqlitePrefix.CELL;
        int cellStart = hdr + 12;
        jobs.put(nCell, start(BigEndian.u32(data, hdr + 8), maxKey, Span.inPage(pgno, hdr + 8, 4),
                new SqlitePrefix.Saved(format, pgno, pfx.v2), new PathStep(pgno, nCell)));
        for (int i = nCell - 1; i >= 0; i--) {
            int pc = BigEndian.u16(data, cellStart + 2 * i);
            if (pc < contentOffset || pc > usableSize - 4) {
                continue;
            }
            CellExtent cell = CellExtent.parse(data, pc, type, usableSize);
            if (pc + cell.size() > usableSize) {
                continue;
            }
            long bound = type.isTable() ? cell.key() : maxKey;
            jobs.put(i, start(BigEndian.u32(data, pc), bound, Span.inPage(pgno, pc, 4),
                    new SqlitePrefix.Saved(format, pgno, i), new PathStep(pgno, i)));
        }
        return jobs;
    }

    private Future<Split> start(long child, long bound, Span from, SqlitePrefix.Saved prefix, PathStep step) {
        List<PathStep> p = new ArrayList<>(path);
        p.add(step);
        FindingSink found = new FindingSink(Integer.MAX_VALUE);
        StructureCheck w = new StructureCheck(this, found, prefix, p);
        return pool.submit(() -> {
            long[] min = new long[1];
            int depth = w.checkTree(child, bound, min, from, 1);
            return new Split(child, bound, depth, min[0], w, found);
        });
    }

    /**
     * checkTree for a child: the worker's result when one walked exactly this child with this bound, merged in
     * (its claims against everything claimed so far, its findings with SQLite's line cap applied in order).
     */
    private int subtree(Map<Integer, Future<Split>> jobs, int slot, long child, long bound, long[] min, Span from,
                        int level) throws IOException {
        Future<Split> job = jobs == null ? null : jobs.remove(slot);
        if (job == null) {
            return checkTree(child, bound, min, from, level);
        }
        Split s;
        try {
            s = job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("check interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (s.child() != child || s.bound() != bound) {
            conflict = true; // the replay disagreed with the walk: never trust the split
            return checkTree(child, bound, min, from, level);
        }
        for (long p : s.walker().refs.claimed()) {
            if (refs.isSet(p)) {
                conflict = true;
            }
            refs.set(p);
        }
        pagesVisited += s.walker().pagesVisited;
        for (Finding f : s.found().findings()) {
            sink.add(f.sqlite() == null ? f : f.toBuilder().sqlite(cap(f.sqlite())).build());
        }
        min[0] = s.minKey();
        return s.depth();
    }

    // checkList for an overflow chain: length, second references, pointer-map entries of later pages
    private void checkOverflow(long page, long expected, Span from, int cell) throws IOException {
        long n = expected;
        long errorsAtStart = errors;
        while (page != 0) {
            if (checkRef(page, from)) {
                break;
            }
            n--;
            byte[] data = read(page, OVERFLOW_SLOT);
            long next = BigEndian.u32(data, 0);
            // N is a u32 in SQLite: past the expected length it wraps and stays "greater than 0"
            if (autoVacuum && n != 0) {
                checkPtrmap(next, PTRMAP_OVERFLOW2, page, Span.inPage(page, 0, 4));
            }
            from = Span.inPage(page, 0, 4);
            page = next;
        }
        if (n != 0 && errorsAtStart == errors) {
            long found = expected - n;
            reportCell(FindingCode.OVERFLOW_CHAIN_LENGTH, from, cell, "the overflow chain has " + found
                    + " pages; the payload needs " + expected, "overflow list length is " + d(found) + " but should be "
                    + d(expected));
        }
    }

    /**
     * The byte-coverage part of checkTreePage: cells {@code [0, n)} of {@code cells} (start << 16 | last byte) and
     * the freeblocks must not share a byte, and the bytes neither covers must be the header's fragment count. An
     * intact page is judged in time linear in its cells ({@link Extents}); a page where a cell or
     * freeblock lies outside the content area or shares a byte takes SQLite's own route (sort the extents, report
     * the first shared byte in that order), so the finding is the one SQLite's heap yields.
     */
    private void checkCoverage(long pgno, byte[] data, int hdr, int contentOffset, long[] cells, int n) {
        if (extents == null) {
            extents = new Extents(usableSize);
        }
        if (!extents.disjoint(data, hdr, contentOffset, cells, n)) {
            coverageInOrder(pgno, data, hdr, contentOffset, Arrays.copyOf(cells, n));
            return;
        }
        long frag = extents.uncovered(data, hdr, contentOffset, cells, n);
        int stated = data[hdr + 7] & 0xff;
        if (frag != stated) {
            reportFragmentation(pgno, hdr, frag, stated);
        }
    }

    private void reportFragmentation(long pgno, int hdr, long frag, int stated) {
        report(FindingCode.FRAGMENTATION_MISMATCH, Span.inPage(pgno, hdr + 7, 1), "the page header says "
                + stated + " fragmented bytes but " + frag + " bytes are covered by no cell or freeblock",
                "Fragmentation of " + frag + " bytes reported as " + stated + " on page " + pgno);
    }

    /** checkTreePage's own route: the extents in start order, the first shared byte reported. */
    private void coverageInOrder(long pgno, byte[] data, int hdr, int contentOffset, long[] cells) {
        // freeblocks are in ascending order (the free-space check made sure); count them first
        int nFree = 0;
        int fb = BigEndian.u16(data, hdr + 1);
        for (int guard = 0; fb > 0 && guard < usableSize / 4; guard++) {
            nFree++;
            fb = BigEndian.u16(data, fb);
        }
        long[] heap = Arrays.copyOf(cells, cells.length + nFree);
        fb = BigEndian.u16(data, hdr + 1);
        for (int i = 0; i < nFree; i++) {
            int size = BigEndian.u16(data, fb + 2);
            heap[cells.length + i] = ((long) fb << 16) | (fb + size - 1);
            fb = BigEndian.u16(data, fb);
        }
        sortExtents(heap, cells.length);
        long prev = contentOffset - 1;
        long frag = 0;
        for (int k = 0; k < heap.length; k++) {
            long x = heap[k];
            long start = x >>> 16;
            if ((prev & 0xffff) >= start) {
                report(FindingCode.CELL_OVERLAP, Span.inPage(pgno, (int) start, 1), "byte " + start + " of page " + pgno
                        + " belongs to two cells or freeblocks", "Multiple uses for byte " + start + " of page " + pgno);
                if (k < heap.length - 1) {
                    // SQLite stops pulling from its heap; it compares the fragment count only when the heap is empty
                    return;
                }
                break;
            }
            frag += start - (prev & 0xffff) - 1;
            prev = x;
        }
        frag += usableSize - (prev & 0xffff) - 1;
        int stated = data[hdr + 7] & 0xff;
        if (frag != stated) {
            reportFragmentation(pgno, hdr, frag, stated);
        }
    }

    /**
     * Sorts cell extents [0, cells) followed by ascending freeblock extents. SQLite writes cells from the end of
     * the page towards its header, so the pointer array usually lists them in descending order: reversing and
     * merging is linear; anything else is sorted.
     */
    private static void sortExtents(long[] a, int cells) {
        boolean descending = true;
        for (int i = 1; i < cells && descending; i++) {
            descending = a[i - 1] > a[i];
        }
        if (!descending) {
            Arrays.sort(a);
            return;
        }
        for (int i = 0, j = cells - 1; i < j; i++, j--) {
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        if (cells == a.length || cells == 0 || a[cells - 1] < a[cells]) {
            return;
        }
        long[] merged = new long[a.length];
        int i = 0;
        int j = cells;
        int k = 0;
        while (i < cells && j < a.length) {
            merged[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        }
        while (i < cells) {
            merged[k++] = a[i++];
        }
        while (j < a.length) {
            merged[k++] = a[j++];
        }
        System.arraycopy(merged, 0, a, 0, a.length);
    }

    // checkPtrmap: the pointer-map entry of page `child` must be (type, parent)
    private void checkPtrmap(long child, int type, long parent, Span from) throws IOException {
        long map = PointerMap.ptrmapPageFor(child, usableSize);
        int offset = PointerMap.entryOffset(child, usableSize);
        byte[] data = map == 0 || offset < 0 ? null : read(map, PTRMAP_SLOT);
        int gotType = data == null ? 0 : data[offset] & 0xff;
        if (data == null || gotType < 1 || gotType > 5) {
            report(FindingCode.PTRMAP_ENTRY_MISSING, map == 0 ? from : Span.inPage(map, Math.max(0, offset),
                    offset < 0 ? 0 : 5), "the pointer-map entry for page " + child + " cannot be read"
                    + (data == null ? "" : " (type byte " + gotType + ")"), "Failed to read ptrmap key=" + d(child));
            return;
        }
        long gotParent = BigEndian.u32(data, offset + 1);
        if (gotType != type || gotParent != parent) {
            report(FindingCode.PTRMAP_ENTRY_WRONG, Span.inPage(map, offset, 5), "the pointer-map entry for page " + child
                    + " is (" + gotType + "," + gotParent + "); what uses the page implies (" + type + "," + parent + ")",
                    "Bad ptr map entry key=" + d(child) + " expected=(" + type + "," + d(parent) + ") got=(" + gotType
                            + "," + d(gotParent) + ")");
        }
    }

    /** A page's bytes; a page SQLite cannot read past the end of the file reads as zeros, as SQLite's pager does. */
    /**
     * Page {@code pgno} into this walk's buffer {@code slot} (reused: the page of each tree level, or a scratch page
     * for overflow and pointer-map pages, is read into the same array each time), zeros when it cannot be read.
     */
    private byte[] read(long pgno, int slot) throws IOException {
        touch(pgno);
        byte[] buf = buffers[slot];
        if (buf == null) {
            buf = buffers[slot] = new byte[pageSize];
        }
        if (pgno < 1 || pgno > pages.pageCount() || !pages.readInto(pgno, buf)) {
            java.util.Arrays.fill(buf, (byte) 0);
        }
        return buf;
    }

    /**
     * Page buffers for {@link #read(long, int)}: one per tree level, then one each for overflow, pointer-map and
     * freelist trunk pages.
     */
    private final byte[][] buffers = new byte[MAX_DEPTH + 3][];
    private static final int OVERFLOW_SLOT = MAX_DEPTH;
    private static final int PTRMAP_SLOT = MAX_DEPTH + 1;
    private static final int TRUNK_SLOT = MAX_DEPTH + 2;

    /** Notes a page number a walk of one tree on its own depends on. */
    private void touch(long pgno) {
        if (touched != null && pgno > 0) {
            highest = Math.max(highest, pgno);
            if (pgno < Integer.MAX_VALUE) {
                touched.set((int) pgno);
            }
        }
    }

    /** SQLite 3.40 formats these numbers with %d: a u32 above 2^31 prints negative. */
    private static String d(long v) {
        return Integer.toString((int) v);
    }

    private void reportCell(FindingCode code, Span span, int cell, String message, String sqlite) {
        sink.add(Finding.of(code, message).object(object).at(span).cell(cell).path(path).sqlite(line(sqlite)));
    }

    private void report(FindingCode code, Span span, String message, String sqlite) {
        report(code, span, message, sqlite, code.severity());
    }

    private void report(FindingCode code, Span span, String message, String sqlite, Severity severity) {
        sink.add(Finding.of(code, message).severity(severity).object(object).at(span).path(path)
                .sqlite(line(sqlite)));
    }

    /**
     * The line SQLite 3.40 prints for a message, with its prefix; null for checks SQLite does not have, checks it
     * skips here, and everything after its first 100 lines. Only SQLite's own messages count towards the "no
     * other error" rule of the list-length messages.
     */
    private String line(String sqlite) {
        if (sqlite == null) {
            return null;
        }
        errors++;
        String text = pfx.apply(sqlite);
        return worker ? text : cap(text);
    }

    /** The line as printed, or null when SQLite would not print it here (refused file, skipped check, 100 lines). */
    private String cap(String text) {
        if (!sqliteRuns || silent || sqliteLines >= SQLITE_MAX_ERRORS) {
            return null;
        }
        sqliteLines++;
        return text;
    }
}
