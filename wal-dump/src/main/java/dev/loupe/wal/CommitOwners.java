package dev.loupe.wal;

import dev.loupe.format.Database;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;
import dev.loupe.format.wal.WalCommit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each page a commit wrote is as of that commit (its kind and the b-tree owning it), exactly as
 * {@link PageMap#build} of the database as of the commit says, kept up to date commit by commit instead of rebuilt.
 *
 * <p>Each claimant (the lock-byte and pointer-map pages, each b-tree of sqlite_schema with its overflow pages, the
 * freelist) is walked alone and kept in {@link PageClaims} until a commit can change it: a b-tree is walked again
 * only when the commit wrote a page it read (its b-tree and overflow pages), or cut the database below one, or it
 * met problems and the database size changed; the freelist likewise, or when the header's freelist fields change;
 * the schema is read again only when the commit wrote a page of the sqlite_schema b-tree other than page 1, or
 * changed page 1 past the database header or in the header fields that govern decoding. A tree the commit did not
 * touch keeps its pages. When two claimants take the same page (a damaged file) the walks alone may differ from
 * PageMap's, which skips pages earlier walks took: that commit is then mapped by PageMap itself.
 */
final class CommitOwners {

    private static final int FIXED = 0;
    private static final int FREELIST = 1;
    /** Header bytes the schema's decoding depends on: 16..23 (page size .. fractions), 44..47, 56..59. */
    private static final int[][] DECODING_FIELDS = {{16, 24}, {44, 48}, {56, 60}};

    /** A b-tree of the schema: its root and what PageMap calls it. */
    private record Tree(long root, String type, String name) {
    }

    /** A b-tree's claimant number and its last walk. */
    private record Walked(int id, ClaimWalk walk) {
    }

    private final WalInput input;
    private final PageClaims claims = new PageClaims();
    private TreeWalks nodes;
    private final Map<Long, Walked> walks = new HashMap<>();
    private final Map<Integer, Tree> treeOf = new HashMap<>();
    private int nextId = FREELIST + 1;
    private boolean started;
    private long pageCount;
    private int usableSize;
    private boolean autoVacuum;
    private byte[] page1;
    private List<Tree> trees;
    private ClaimWalk freelist;
    private long freelistFirst;
    private long freelistCount;
    private long rebuilt;
    private long walked;

    CommitOwners(WalInput input) {
        this.input = input;
        this.pageCount = input.databaseFilePages();
    }

    /** Commits PageMap mapped (those where two claimants took one page, or a walk left pages out). */
    long rebuilt() {
        return rebuilt;
    }

    /** B-tree walks done so far. */
    long walked() {
        return walked;
    }

    /** B-tree pages decoded so far (a walk decodes only the pages it has not decoded before or that changed). */
    long decoded() {
        return nodes == null ? 0 : nodes.decoded();
    }

    /** The pages valid commit {@code k} wrote, with what each is as of it; call for k = 1, 2, ... in turn. */
    List<CommitPage> advance(int k) throws IOException {
        WalCommit c = input.commits().get(k - 1);
        PageSource view = input.view(k);
        long n = view.pageCount();
        BitSet written = written(c);
        BitSet cut = started ? cut(pageCount, n) : new BitSet();
        if (n > PageClaims.MAX_PAGE) {
            reset();
            return fromMap(c, view);
        }
        byte[] p1 = n >= 1 ? view.read(1) : null;
        DatabaseHeader h = DatabaseHeader.decode(p1 == null ? new byte[0]
                : Arrays.copyOf(p1, Math.min(p1.length, DatabaseHeader.SIZE)), n * input.pageSize());
        int u = input.pageSize() - h.reservedBytes();
        u = u >= DatabaseHeader.MIN_USABLE_SIZE ? u : input.pageSize();
        if (started && u != usableSize) {
            reset();
        }
        boolean resized = !started || n != pageCount;
        BitSet changed = new BitSet();
        if (!started) {
            nodes = new TreeWalks(u);
        } else {
            changed = nodes.changed(view, written, cut);
            if (resized) {
                nodes.resized();
            }
        }
        written.or(cut);
        if (resized || h.autoVacuum() != autoVacuum) {
            claims.put(FIXED, ClaimWalk.fixed(n, input.pageSize(), u, h.autoVacuum()).claim());
        }
        if (trees == null || schemaChanged(written, p1, n, resized)) {
            trees = trees(Database.fromPages(view, view.describe()).schema());
        }
        boolean collide = updateTrees(view, changed, n, resized);
        if (freelist == null || h.firstFreelistTrunkPage() != freelistFirst || h.freelistPageCount() != freelistCount
                || written.intersects(freelist.read()) || (resized && !freelist.holdsAt(n))) {
            freelist = ClaimWalk.freelist(view, h.firstFreelistTrunkPage(), h.freelistPageCount(), u);
            freelistFirst = h.firstFreelistTrunkPage();
            freelistCount = h.freelistPageCount();
            claims.put(FREELIST, freelist.claim());
        }
        collide |= !freelist.complete();
        started = true;
        pageCount = n;
        usableSize = u;
        autoVacuum = h.autoVacuum();
        page1 = p1;
        return collide || claims.conflicted() ? fromMap(c, view) : fromClaims(c, n);
    }

    /**
     * Walks again the trees that claim a page whose change can change a walk, and those whose walk met problems when
     * the size changed; true when PageMap must decide (a shared root, ...).
     */
    private boolean updateTrees(PageSource view, BitSet changed, long n, boolean resized) throws IOException {
        Set<Integer> dirty = new HashSet<>();
        for (int p = changed.nextSetBit(0); p >= 0; p = changed.nextSetBit(p + 1)) {
            dirty.addAll(claims.claimantsOf(p));
        }
        boolean collide = false;
        Set<Long> roots = new HashSet<>();
        treeOf.clear();
        for (Tree t : trees) {
            if (!roots.add(t.root())) {
                collide = true;
                continue;
            }
            Walked w = walks.get(t.root());
            if (w == null || dirty.contains(w.id()) || (resized && !w.walk().holdsAt(n))) {
                w = new Walked(w == null ? nextId++ : w.id(), nodes.walk(view, t.root()));
                walks.put(t.root(), w);
                claims.put(w.id(), w.walk().claim());
                walked++;
            }
            treeOf.put(w.id(), t);
            collide |= !w.walk().complete();
        }
        walks.entrySet().removeIf(e -> {
            if (roots.contains(e.getKey())) {
                return false;
            }
            claims.remove(e.getValue().id());
            return true;
        });
        return collide;
    }

    /**
     * Whether the schema may read differently: a page of the sqlite_schema b-tree other than page 1 written, page 1
     * changed past the database header or in the fields that govern decoding, or a walk with problems and a new size.
     */
    private boolean schemaChanged(BitSet written, byte[] p1, long n, boolean resized) {
        Walked schema = walks.get(1L);
        if (schema == null || (resized && !schema.walk().holdsAt(n))) {
            return true;
        }
        BitSet read = schema.walk().read();
        for (int p = written.nextSetBit(2); p >= 0; p = written.nextSetBit(p + 1)) {
            if (read.get(p)) {
                return true;
            }
        }
        if (!written.get(1)) {
            return false;
        }
        if (p1 == null || page1 == null || p1.length != page1.length) {
            return true;
        }
        if (!Arrays.equals(p1, DatabaseHeader.SIZE, p1.length, page1, DatabaseHeader.SIZE, page1.length)) {
            return true;
        }
        for (int[] f : DECODING_FIELDS) {
            if (!Arrays.equals(p1, f[0], f[1], page1, f[0], f[1])) {
                return true;
            }
        }
        return false;
    }

    /** The b-trees in PageMap's order: sqlite_schema, then the tables, then the indexes, as the schema lists them. */
    private static List<Tree> trees(Schema schema) {
        List<Tree> out = new ArrayList<>();
        out.add(new Tree(1, "table", "sqlite_schema"));
        for (Table t : schema.tables()) {
            if (!t.virtual() && t.rootPage() > 0) {
                out.add(new Tree(t.rootPage(), "table", t.name()));
            }
        }
        for (Index i : schema.indexes()) {
            if (i.rootPage() > 0) {
                out.add(new Tree(i.rootPage(), "index", i.name()));
            }
        }
        return out;
    }

    private List<CommitPage> fromClaims(WalCommit c, long n) {
        List<CommitPage> pages = new ArrayList<>(c.pages().length);
        for (long p : c.pages()) {
            if (p > c.databaseSize() || p > n) {
                pages.add(new CommitPage(p, p > c.databaseSize() ? "beyond-end" : "unknown", null, null));
                continue;
            }
            PageKind kind = claims.kind(p);
            Tree owner = kind == PageKind.ORPHAN ? null : treeOf.get(claims.claimant(p));
            pages.add(new CommitPage(p, kind.label(), owner == null ? null : owner.type(),
                    owner == null ? null : owner.name()));
        }
        return pages;
    }

    private List<CommitPage> fromMap(WalCommit c, PageSource view) throws IOException {
        rebuilt++;
        return pages(c, PageMap.build(Database.fromPages(view, view.describe())));
    }

    /** The pages {@code c} wrote, with what {@code map} (of the database as of {@code c}) says each is. */
    static List<CommitPage> pages(WalCommit c, PageMap map) {
        List<CommitPage> pages = new ArrayList<>(c.pages().length);
        for (long p : c.pages()) {
            if (p > c.databaseSize() || map.kind(p) == null) {
                pages.add(new CommitPage(p, p > c.databaseSize() ? "beyond-end" : "unknown", null, null));
                continue;
            }
            ObjectPages owner = map.owner(p);
            pages.add(new CommitPage(p, map.kind(p).label(), owner == null ? null : owner.type(),
                    owner == null ? null : owner.name()));
        }
        return pages;
    }

    /** The pages {@code c} wrote. */
    private static BitSet written(WalCommit c) {
        BitSet written = new BitSet();
        for (long p : c.pages()) {
            if (p >= 1 && p <= PageClaims.MAX_PAGE) {
                written.set((int) p);
            }
        }
        return written;
    }

    /**
     * The pages cut off when the database shrank from {@code before} to {@code after} pages. Pages a growth adds
     * need no mark: no walk read them, and one that referred to them met a problem (out of range), so it is walked
     * again when the size changes.
     */
    private static BitSet cut(long before, long after) {
        BitSet cut = new BitSet();
        if (after < before && before <= PageClaims.MAX_PAGE) {
            cut.set((int) after + 1, (int) before + 1);
        }
        return cut;
    }

    private void reset() {
        claims.clear();
        walks.clear();
        treeOf.clear();
        trees = null;
        freelist = null;
        started = false;
    }
}
