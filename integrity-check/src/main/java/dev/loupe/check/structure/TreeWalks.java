package dev.loupe.check.structure;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-tree walks kept between checks of successive states of one database (the commits of a WAL), so that a check
 * walks again only the trees whose pages changed ({@link StructureCheck#reuse}). The caller reports every page
 * written since the previous check with {@link #written}; a change of page size, usable size or auto-vacuum drops
 * every walk, and a change of page count drops the walks that referred to pages beyond the smaller count.
 * Not thread-safe: one check at a time.
 */
public final class TreeWalks {

    private final Map<TreeRoot, TreeWalk> walks = new HashMap<>();
    private final Set<Long> walkedRoots = new HashSet<>();
    private int pageSize = -1;
    private int usableSize;
    private boolean autoVacuum;
    private long pageCount = -1;

    /** A walk of one tree that may fail with an I/O error. */
    @FunctionalInterface
    interface Walker {
        TreeWalk walk(TreeRoot root) throws IOException;
    }

    /** Drops the walks that read any of {@code pages}, which changed since the last check. */
    public void written(BitSet pages) {
        walks.values().removeIf(w -> w.dependsOn(pages));
    }

    /** Drops every walk. */
    public void clear() {
        walks.clear();
    }

    /** Walks kept. */
    public int size() {
        return walks.size();
    }

    /**
     * Root pages of the trees the last check walked rather than reused (a new or changed tree, or one walked in
     * place because its claims met another's).
     */
    public Set<Long> walkedRoots() {
        return Set.copyOf(walkedRoots);
    }

    void begin(int pageSize, int usableSize, boolean autoVacuum, long pageCount, List<TreeRoot> roots) {
        walkedRoots.clear();
        if (pageSize != this.pageSize || usableSize != this.usableSize || autoVacuum != this.autoVacuum) {
            walks.clear();
        } else if (pageCount != this.pageCount) {
            long lower = Math.min(pageCount, this.pageCount);
            walks.values().removeIf(w -> w.highestPage() > lower);
        }
        this.pageSize = pageSize;
        this.usableSize = usableSize;
        this.autoVacuum = autoVacuum;
        this.pageCount = pageCount;
        walks.keySet().retainAll(new HashSet<>(roots));
    }

    TreeWalk walk(TreeRoot root, Walker walker) throws IOException {
        TreeWalk w = walks.get(root);
        if (w == null) {
            w = walker.walk(root);
            walks.put(root, w);
            walkedRoots.add(root.root());
        }
        return w;
    }

    void walkedInPlace(TreeRoot root) {
        walkedRoots.add(root.root());
    }
}
