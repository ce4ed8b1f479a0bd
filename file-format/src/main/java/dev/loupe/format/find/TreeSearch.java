package dev.loupe.format.find;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.PagePath;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds an entry by descending a b-tree from its root, as SQLite's cursors seek (btree.c, sqlite3BtreeTableMoveto
 * and sqlite3BtreeIndexMoveto): a binary search on each page, never a scan. Table b-trees are searched by rowid:
 * an interior cell's rowid is the largest key of its left subtree (fileformat2 §1.6), so the child taken is the
 * left child of the first cell whose rowid is at least the key, else the right child. Index b-trees are searched
 * by key with {@link KeyComparator}; their interior cells are entries themselves, so an equal interior cell is a
 * match, and the descent goes on left of it to find the first entry of an equal prefix.
 *
 * <p>The descent is bounded by {@link BTreeWalker#MAX_DEPTH} and a visited set; a broken link ends it with a
 * problem. Damaged cells on a page end the search on that page (with a problem), since the order is then unknown.
 */
public final class TreeSearch {

    private final PageSource pages;
    private final int usableSize;
    private final TextEncoding encoding;
    private final PayloadReader payloads;
    private final RecordDecoder records;
    /** Interior pages decoded by earlier searches (see {@link #keepingInteriorPages}); null: none are kept. */
    private final Map<Long, BTreePage> interior;
    private final int maxInterior;
    /** The page the last search decoded last (where it ended). */
    private BTreePage last;

    public TreeSearch(PageSource pages, int usableSize, TextEncoding encoding) {
        this(pages, usableSize, encoding, 0);
    }

    private TreeSearch(PageSource pages, int usableSize, TextEncoding encoding, int maxInterior) {
        this.pages = pages;
        this.usableSize = usableSize;
        this.encoding = encoding;
        this.payloads = new PayloadReader(pages, usableSize);
        this.records = new RecordDecoder(encoding, false);
        this.interior = maxInterior > 0 ? new HashMap<>() : null;
        this.maxInterior = maxInterior;
    }

    /**
     * A search that keeps the interior pages it decodes, up to about {@code maxBytes} of them, for a caller that
     * makes millions of searches in one tree (the checker's exact pass): every descent starts with the same few
     * pages, and only its leaf is read anew. The file is read-only, so a kept page stays what it was. Not for use
     * by more than one thread.
     */
    public TreeSearch keepingInteriorPages(int maxBytes) {
        return new TreeSearch(pages, usableSize, encoding, Math.max(1, maxBytes / Math.max(512, pages.pageSize())));
    }

    /**
     * The page a found result's entry lies on, as this search decoded it (the last page it read), or read anew when
     * {@code r} is not this search's latest result; null when it can no longer be read.
     */
    public BTreePage pageOf(SearchResult r) throws IOException {
        long pgno = r.endStep().page();
        if (last != null && last.number() == pgno) {
            return last;
        }
        byte[] data = pages.read(pgno);
        return data == null ? null : BTreePage.decode(pgno, data, usableSize);
    }

    /** Searches the table b-tree rooted at {@code root} for {@code rowid}. */
    public SearchResult byRowid(long root, long rowid) throws IOException {
        return descend(root, new RowidProbe(rowid));
    }

    /** Searches the index b-tree rooted at {@code root} for the first entry starting with {@code key}. */
    public SearchResult byKey(long root, List<Value> key, KeyComparator comparator) throws IOException {
        return descend(root, new KeyProbe(key, comparator));
    }

    /** The decoded key values of an index cell (payload assembled across overflow pages). */
    public List<Value> keyOf(BTreePage page, PayloadCell cell) throws IOException {
        Payload p = payloads.read(page.data(), cell.payload());
        Record r = records.decode(p);
        return r.values();
    }

    /** What differs between searching by rowid and by key: how a cell compares and what a divider shows. */
    private interface Probe {
        /** Sign of (cell's key - searched key); null when the cell cannot be read. */
        Integer compare(BTreePage page, Cell cell) throws IOException;

        /** {@link #compare} for cell {@code i} of {@code page}; null when the cell cannot be read. */
        default Integer compareAt(BTreePage page, int i) throws IOException {
            Cell c = page.cell(i);
            return c == null ? null : compare(page, c);
        }

        Divider divider(BTreePage page, Cell cell) throws IOException;

        boolean table();
    }

    /**
     * Where cell {@code i}'s rowid varint starts, when {@code page} is a table page, the cell's pointer is valid and
     * the varints before and of the rowid both end on the page (as {@link BTreePage#cell} would read them); else -1.
     * (Public for the checker's record pass, which reads a leaf's first and last rowids the same way.)
     */
    public static int rowidAt(BTreePage page, int i) {
        PageType type = page.type();
        if ((type != PageType.TABLE_LEAF && type != PageType.TABLE_INTERIOR) || !page.cellPointerValid(i)) {
            return -1;
        }
        byte[] d = page.data();
        int limit = Math.min(page.usableSize(), d.length);
        int p = page.cellPointer(i);
        int n = type == PageType.TABLE_LEAF ? Varint.length(d, p, limit) : p + 4 <= limit ? 4 : 0;
        return n > 0 && Varint.length(d, p + n, limit) > 0 ? p + n : -1;
    }

    private final class RowidProbe implements Probe {
        private final long rowid;

        RowidProbe(long rowid) {
            this.rowid = rowid;
        }

        /**
         * The binary search's probes read a table cell's rowid straight from the page (after the payload size on a
         * leaf, after the left child on an interior page: fileformat2 §1.6), with no cell decoded; a cell whose
         * varints do not both end on the page is decoded, as before, and its problems decide.
         */
        @Override
        public Integer compareAt(BTreePage page, int i) throws IOException {
            int at = rowidAt(page, i);
            return at < 0 ? Probe.super.compareAt(page, i) : Integer.valueOf(Long.compare(
                    Varint.value(page.data(), at), rowid));
        }

        @Override
        public Integer compare(BTreePage page, Cell cell) {
            if (cell instanceof TableLeafCell l) {
                return Long.compare(l.rowid(), rowid);
            }
            if (cell instanceof TableInteriorCell t) {
                return Long.compare(t.rowid(), rowid);
            }
            return null;
        }

        @Override
        public Divider divider(BTreePage page, Cell cell) {
            long r = cell instanceof TableLeafCell l ? l.rowid() : ((TableInteriorCell) cell).rowid();
            return new Divider(cell.index(), r, null);
        }

        @Override
        public boolean table() {
            return true;
        }
    }

    private final class KeyProbe implements Probe {
        private final List<Value> key;
        private final KeyComparator comparator;

        KeyProbe(List<Value> key, KeyComparator comparator) {
            this.key = key;
            this.comparator = comparator;
        }

        @Override
        public Integer compare(BTreePage page, Cell cell) throws IOException {
            if (!(cell instanceof PayloadCell pc)) {
                return null;
            }
            return Integer.signum(comparator.compare(keyOf(page, pc), key));
        }

        @Override
        public Divider divider(BTreePage page, Cell cell) throws IOException {
            return new Divider(cell.index(), null, keyOf(page, (PayloadCell) cell));
        }

        @Override
        public boolean table() {
            return false;
        }
    }

    private SearchResult descend(long root, Probe probe) throws IOException {
        List<SearchStep> path = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        PagePath visited = new PagePath();
        long pgno = root;
        Span from = null;
        Cell candidate = null;
        int candidateStep = -1;
        while (true) {
            Span ref = from == null ? Span.inPage(Math.max(1, Math.min(pgno, 0xffffffffL)), 0, 0) : from;
            if (pgno < 1 || pgno > pages.pageCount()) {
                problems.add(new Problem(ProblemKind.CHILD_POINTER, ref, "page " + pgno + " is out of range 1.."
                        + pages.pageCount()));
                break;
            }
            if (!visited.add(pgno) || path.size() >= BTreeWalker.MAX_DEPTH) {
                problems.add(new Problem(ProblemKind.TREE_LOOP, ref, "page " + pgno + " was already on the path"
                        + " or the tree is deeper than " + BTreeWalker.MAX_DEPTH + " levels: search stopped"));
                break;
            }
            BTreePage page = interior == null ? null : interior.get(pgno);
            if (page == null) {
                byte[] data = pages.read(pgno);
                if (data == null) {
                    problems.add(new Problem(ProblemKind.PAGE_UNREADABLE, ref, "page " + pgno + " cannot be read"));
                    break;
                }
                page = BTreePage.decode(pgno, data, usableSize);
                last = page;
                if (interior != null && page.type() != null && !page.type().isLeaf()
                        && interior.size() < maxInterior) {
                    interior.put(pgno, page);
                }
            }
            PageType type = page.type();
            if (type == null || type.isTable() != probe.table()) {
                problems.add(new Problem(type == null ? ProblemKind.PAGE_TYPE : ProblemKind.TREE_PAGE_KIND, ref,
                        "page " + pgno + " is " + (type == null ? "not a b-tree page" : "a " + type.label()
                                + " page") + ": search stopped"));
                break;
            }
            int n = page.cellCount();
            // first cell whose key is >= the searched key (lower bound), by binary search
            int lo = 0;
            int hi = n;
            boolean exact = false;
            boolean damaged = false;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                Integer cmp = probe.compareAt(page, mid);
                if (cmp == null) {
                    problems.add(new Problem(ProblemKind.CELL_POINTER, page.cellPointerSpan(mid), "cell " + mid
                            + " of page " + pgno + " cannot be read: search stopped"));
                    damaged = true;
                    break;
                }
                if (cmp < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (damaged) {
                path.add(new SearchStep(pgno, type, n, lo, 0, null, null));
                break;
            }
            Cell at = lo < n ? page.cell(lo) : null;
            exact = at != null && probe.compare(page, at) == 0;
            Divider below = lo > 0 ? probe.divider(page, page.cell(lo - 1)) : null;
            Divider above = at != null ? probe.divider(page, at) : null;
            if (type.isLeaf()) {
                path.add(new SearchStep(pgno, type, n, lo, 0, below, above));
                if (exact) {
                    return new SearchResult(true, path, at, path.size() - 1, problems);
                }
                break;
            }
            long child = lo < n ? ((InteriorCell) at).leftChild() : page.header().rightChild();
            path.add(new SearchStep(pgno, type, n, lo, child, below, above));
            if (exact && !probe.table()) {
                // an index interior cell is an entry: remember it, and look left of it for an earlier equal one
                candidate = at;
                candidateStep = path.size() - 1;
            }
            from = lo < n ? ((InteriorCell) at).leftChildSpan() : page.rightChildSpan();
            pgno = child;
        }
        if (candidate != null) {
            return new SearchResult(true, path, candidate, candidateStep, problems);
        }
        return new SearchResult(false, path, null, -1, problems);
    }
}
