package dev.loupe.format.map;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.Progress;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.freelist.FreelistTrunk;
import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.ptrmap.PointerMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parent and position of every page of a {@link PageMap}: which interior page points to a b-tree page and
 * through which child pointer, which cell an overflow page continues and at which step of its chain, which trunk
 * lists a freelist leaf. Parents are what the pointer map of an auto-vacuum database would record (fileformat2
 * §1.7). Four ints per page, no object per page or per cell: memory grows with the page count only.
 *
 * <p>The trees are walked again in the page map's order with the same rule for pages reached twice (the first
 * structure to reach a page keeps it), so every role agrees with the map's kind and owner.
 */
public final class PageRoles {

    private final PageMap map;
    /** Tree: parent page; overflow: previous page of the chain; trunk: previous trunk; leaf: its trunk. */
    private final int[] parent;
    /** Tree: child index in the parent (-1 for a root); overflow and trunk: 1-based sequence; leaf: 1-based index. */
    private final int[] position;
    /** Tree: cells on the page; overflow: the cell's index; trunk: leaves read. */
    private final int[] count;
    /** Overflow: the b-tree page holding the cell. */
    private final int[] anchor;

    private PageRoles(PageMap map, int[] parent, int[] position, int[] count, int[] anchor) {
        this.map = map;
        this.parent = parent;
        this.position = position;
        this.count = count;
        this.anchor = anchor;
    }

    public static PageRoles build(Database db, PageMap map) throws IOException {
        return build(db, map, Progress.NONE);
    }

    /** Walks every tree of {@code map} and its freelist, telling {@code progress} how many pages are placed. */
    public static PageRoles build(Database db, PageMap map, Progress progress) throws IOException {
        int n = (int) map.pageCount();
        int[] parent = new int[n + 1];
        int[] position = new int[n + 1];
        int[] count = new int[n + 1];
        int[] anchor = new int[n + 1];
        PageSource pages = db.pages();
        int usable = db.usableSize();
        // the same pages PageMap claims before any tree is walked
        PageSet claimed = new PageSet();
        long lockByte = LockBytePage.of(pages.pageSize());
        if (lockByte <= n) {
            claimed.add(lockByte);
        }
        if (db.header().autoVacuum()) {
            for (long p = 2; p <= n; p++) {
                if (PointerMap.isPtrmapPage(p, usable)) {
                    claimed.add(p);
                }
            }
        }
        PayloadReader payloads = new PayloadReader(pages, usable);
        BTreeWalker walker = new BTreeWalker(pages, usable);
        List<Problem> ignored = new ArrayList<>(); // PageMap has reported them already
        long[] placed = {0};
        for (ObjectPages object : map.objects()) {
            try {
                walker.walk(object.census().root(), new TreeVisitor() {
                    @Override
                    public boolean page(BTreePage page, List<PathStep> path, int depth) {
                        int p = (int) page.number();
                        if (p <= n && map.owner(p) == object) {
                            PathStep up = path.isEmpty() ? null : path.get(path.size() - 1);
                            parent[p] = up == null ? 0 : (int) up.page();
                            position[p] = up == null ? -1 : up.cellIndex();
                            count[p] = page.cellCount();
                        }
                        if ((++placed[0] & 1023) == 0) {
                            progress.pages(placed[0], n);
                        }
                        return true;
                    }

                    @Override
                    public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                        if (!(cell instanceof PayloadCell pc) || !pc.payload().overflows()) {
                            return;
                        }
                        long[] chain;
                        try {
                            chain = payloads.overflowChain(pc.payload(), ignored);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        ignored.clear();
                        for (int j = 0; j < chain.length; j++) {
                            long ov = chain[j];
                            if (!claimed.add(ov) || ov > n || map.owner(ov) != object) {
                                continue;
                            }
                            parent[(int) ov] = (int) (j == 0 ? page.number() : chain[j - 1]);
                            position[(int) ov] = j + 1;
                            count[(int) ov] = cell.index();
                            anchor[(int) ov] = (int) page.number();
                        }
                    }
                }, claimed);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        long previous = 0;
        int sequence = 0;
        for (FreelistTrunk trunk : map.freelist().trunks()) {
            int t = (int) trunk.page();
            sequence++;
            if (map.kind(t) == PageKind.FREELIST_TRUNK && position[t] == 0) {
                parent[t] = (int) previous;
                position[t] = sequence;
                count[t] = trunk.leavesRead();
            }
            long[] leaves = trunk.leaves();
            for (int i = 0; i < leaves.length; i++) {
                long leaf = leaves[i];
                if (leaf >= 1 && leaf <= n && map.kind(leaf) == PageKind.FREELIST_LEAF && position[(int) leaf] == 0) {
                    parent[(int) leaf] = t;
                    position[(int) leaf] = i + 1;
                }
            }
            previous = t;
        }
        progress.pages(n, n);
        return new PageRoles(map, parent, position, count, anchor);
    }

    public PageMap map() {
        return map;
    }

    /** The role of page {@code page} (1..page count), or null when it is outside the map. */
    public PageRole role(long page) {
        PageKind kind = map.kind(page);
        if (kind == null) {
            return null;
        }
        int p = (int) page;
        return switch (kind) {
            case TABLE_INTERIOR, TABLE_LEAF, INDEX_INTERIOR, INDEX_LEAF ->
                    new PageRole.TreePage(parent[p], position[p], count[p], kind);
            case OVERFLOW -> new PageRole.Overflow(parent[p], position[p], anchor[p], count[p]);
            case FREELIST_TRUNK -> new PageRole.FreelistTrunk(parent[p], position[p], count[p]);
            case FREELIST_LEAF -> new PageRole.FreelistLeaf(parent[p], position[p]);
            default -> new PageRole.Unplaced(kind);
        };
    }
}
