package dev.loupe.format.map;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Progress;
import dev.loupe.format.Span;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.btree.TreeCensus;
import dev.loupe.format.freelist.Freelist;
import dev.loupe.format.freelist.FreelistTrunk;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every page of a database classified by what claims it: the b-trees of sqlite_schema and of each table and index
 * (with their overflow pages), the freelist, the pointer map, the lock-byte page; the rest are orphans. One byte of
 * kind and one int of owner per page: memory grows with the page count only.
 */
public final class PageMap {

    private static final PageKind[] KINDS = PageKind.values();
    /** PageKind for each {@link PageType}, indexed by its ordinal. */
    private static final PageKind[] TREE_KINDS = {PageKind.INDEX_INTERIOR, PageKind.TABLE_INTERIOR,
            PageKind.INDEX_LEAF, PageKind.TABLE_LEAF};

    private final long pageCount;
    private final byte[] kinds;
    private final int[] owners;
    private final List<ObjectPages> objects;
    private final Freelist freelist;
    private final List<Problem> problems;

    private PageMap(long pageCount, byte[] kinds, int[] owners, List<ObjectPages> objects, Freelist freelist,
                    List<Problem> problems) {
        this.pageCount = pageCount;
        this.kinds = kinds;
        this.owners = owners;
        this.objects = objects;
        this.freelist = freelist;
        this.problems = problems;
    }

    public static PageMap build(Database db) throws IOException {
        return build(db, Progress.NONE);
    }

    /** Builds the map, telling {@code progress} how many pages the tree walks have covered. */
    public static PageMap build(Database db, Progress progress) throws IOException {
        PageSource pages = db.pages();
        long count = pages.pageCount();
        List<Problem> problems = new ArrayList<>();
        int n = (int) Math.min(count, Integer.MAX_VALUE - 8L);
        if (n < count) {
            problems.add(new Problem(ProblemKind.PAGE_OUT_OF_RANGE, Span.inPage(1, 28, 4),
                    "only the first " + n + " of " + count + " pages are mapped"));
        }
        byte[] kinds = new byte[n + 1];
        int[] owners = new int[n + 1];
        Arrays.fill(kinds, (byte) PageKind.ORPHAN.ordinal());
        Arrays.fill(owners, -1);
        PageSet claimed = new PageSet();
        List<ObjectPages> objects = new ArrayList<>();
        int usable = db.usableSize();

        long lockByte = LockBytePage.of(pages.pageSize());
        if (lockByte <= n) {
            kinds[(int) lockByte] = (byte) PageKind.LOCK_BYTE.ordinal();
            claimed.add(lockByte);
        }
        if (db.header().autoVacuum()) {
            for (long p = 2; p <= n; p++) {
                if (PointerMap.isPtrmapPage(p, usable)) {
                    kinds[(int) p] = (byte) PageKind.PTRMAP.ordinal();
                    claimed.add(p);
                }
            }
        }

        List<String[]> trees = new ArrayList<>();
        List<Long> roots = new ArrayList<>();
        trees.add(new String[]{"table", "sqlite_schema", "sqlite_schema"});
        roots.add(1L);
        Schema schema = db.schema();
        for (Table t : schema.tables()) {
            if (!t.virtual() && t.rootPage() > 0) {
                trees.add(new String[]{"table", t.name(), t.name()});
                roots.add(t.rootPage());
            }
        }
        for (Index i : schema.indexes()) {
            if (i.rootPage() > 0) {
                trees.add(new String[]{"index", i.name(), i.tableName()});
                roots.add(i.rootPage());
            }
        }
        for (int k = 0; k < trees.size(); k++) {
            TreeCensus census = TreeCensus.of(pages, usable, roots.get(k), claimed, progress);
            progress.pages(claimed.size(), count);
            String[] t = trees.get(k);
            objects.add(new ObjectPages(t[0], t[1], t[2], census));
            markTree(census, k, kinds, owners, n);
            problems.addAll(census.problems());
        }

        Freelist freelist = Freelist.walk(pages, db.header().firstFreelistTrunkPage(),
                db.header().freelistPageCount(), usable);
        for (FreelistTrunk trunk : freelist.trunks()) {
            mark(kinds, owners, trunk.page(), PageKind.FREELIST_TRUNK, -1, n, claimed, problems);
        }
        for (long leaf : freelist.leafPages()) {
            mark(kinds, owners, leaf, PageKind.FREELIST_LEAF, -1, n, claimed, problems);
        }
        problems.addAll(freelist.problems());
        progress.pages(count, count);
        return new PageMap(n, kinds, owners, Collections.unmodifiableList(objects), freelist,
                Collections.unmodifiableList(problems));
    }

    private static void markTree(TreeCensus census, int owner, byte[] kinds, int[] owners, int n) {
        long[] pages = census.pages();
        for (int i = 0; i < pages.length; i++) {
            long p = pages[i];
            if (p >= 1 && p <= n) {
                kinds[(int) p] = (byte) TREE_KINDS[census.pageTypes()[i]].ordinal();
                owners[(int) p] = owner;
            }
        }
        for (long p : census.overflow()) {
            if (p >= 1 && p <= n) {
                kinds[(int) p] = (byte) PageKind.OVERFLOW.ordinal();
                owners[(int) p] = owner;
            }
        }
        for (Problem pr : census.problems()) {
            long p = pr.span().page();
            if (pr.kind() == ProblemKind.PAGE_TYPE && p >= 1 && p <= n && kinds[(int) p] == PageKind.ORPHAN.ordinal()) {
                kinds[(int) p] = (byte) PageKind.UNREADABLE.ordinal();
                owners[(int) p] = owner;
            }
        }
    }

    private static void mark(byte[] kinds, int[] owners, long p, PageKind kind, int owner, int n, PageSet claimed,
                             List<Problem> problems) {
        if (p < 1 || p > n) {
            return;
        }
        if (!claimed.add(p)) {
            problems.add(new Problem(ProblemKind.TREE_LOOP, Span.inPage(p, 0, 0),
                    "2nd reference to page " + p + " (as " + kind.label() + ", already "
                            + KINDS[kinds[(int) p]].label() + ")"));
            return;
        }
        kinds[(int) p] = (byte) kind.ordinal();
        owners[(int) p] = owner;
    }

    public long pageCount() {
        return pageCount;
    }

    public PageKind kind(long page) {
        return page < 1 || page > pageCount ? null : KINDS[kinds[(int) page]];
    }

    /** The b-tree (table or index) a page belongs to, or null (free, pointer map, lock-byte, orphan). */
    public ObjectPages owner(long page) {
        if (page < 1 || page > pageCount) {
            return null;
        }
        int o = owners[(int) page];
        return o < 0 ? null : objects.get(o);
    }

    public Map<PageKind, Long> countsByKind() {
        Map<PageKind, Long> m = new EnumMap<>(PageKind.class);
        for (PageKind k : KINDS) {
            m.put(k, 0L);
        }
        for (int p = 1; p <= pageCount; p++) {
            m.merge(KINDS[kinds[p]], 1L, Long::sum);
        }
        return m;
    }

    /** sqlite_schema first, then tables, then indexes, as the schema lists them. */
    public List<ObjectPages> objects() {
        return objects;
    }

    public Freelist freelist() {
        return freelist;
    }

    public List<Problem> problems() {
        return problems;
    }
}
