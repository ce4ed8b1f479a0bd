package dev.loupe.check;

import dev.loupe.check.structure.LeafSummaries;
import dev.loupe.format.Database;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.record.Collation;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An index's record-level walk split across threads, as {@link TableSplit} splits a table's: the subtrees below the
 * top one or two levels of its tree, each followed by the divider entry the whole walk meets after it (an index's
 * interior cells are entries too), cut into parts walked side by side with their own
 * {@link EntryCheck#forPart checks}.
 *
 * <p>The split holds only where every part comes out clean: no finding, no damage met. Then what a part cannot see
 * is checked at the join: the key order from each part's last entry into the next part's first, each check's own
 * question there ({@link EntryCheck#follows}: a UNIQUE index's repeated key), and no page reached by two parts or by
 * a part and the top levels. Then the checks merge their parts in walk order. Anything else, and the index is
 * walked whole again on the joining thread, as one walk (the parts not yet begun are then not walked): an index
 * with damage or findings costs more than one walk, an intact one less.
 *
 * <p>Only trees of three levels or more whose key order can be judged (every collation built into SQLite) are split;
 * the top levels ({@link SplitTop}) must decode without a problem, with interior pages of an index tree only.
 */
final class IndexSplit {

    /**
     * Consecutive units (a subtree and the divider entry after it), walked by one thread; {@code rootType} is the
     * kind every page below must be.
     */
    record Part(PageType rootType, List<SplitTop.Unit> units) {
    }

    /**
     * A part's walk: its entries and pages, whether it met damage, its first and last keys (null without entries),
     * the pages it entered, its checks and its findings.
     */
    record Walked(long entries, long pages, boolean damaged, List<Value> firstKey, List<Value> lastKey,
                  PageSet visited, EntryCheck[] checks, FindingSink sink) {

        boolean clean() {
            return !damaged && sink.findings().isEmpty() && sink.dropped() == 0;
        }
    }

    /** Splits that held, and splits given up for a walk of the whole index, since the JVM started (for tests). */
    static final AtomicLong HELD = new AtomicLong();
    static final AtomicLong WALKED_AGAIN = new AtomicLong();

    private final Index index;
    private final List<Part> parts;
    private final PageSet top;
    private final KeyComparator comparator;
    /** Set once a part came out unclean: the index is walked whole, and parts not yet begun need not be. */
    private volatile boolean givenUp;

    private IndexSplit(Index index, List<Part> parts, PageSet top, KeyComparator comparator) {
        this.index = index;
        this.parts = parts;
        this.top = top;
        this.comparator = comparator;
    }

    Index index() {
        return index;
    }

    List<Part> parts() {
        return parts;
    }

    /**
     * The split of {@code index}'s walk for {@code threads} threads, or null when it is walked whole: a check that
     * cannot be split, a collation SQLite does not build in, a tree of fewer than three levels, or top levels that
     * do not read cleanly.
     */
    static IndexSplit of(Database db, Index index, List<EntryCheck> checks, int threads) throws IOException {
        if (threads < 2 || index.rootPage() < 1 || index.rootPage() > db.pageCount()) {
            return null;
        }
        for (IndexedColumn c : index.recordColumns()) {
            if (Collation.named(c.collation()) == null) {
                return null;
            }
        }
        for (EntryCheck c : checks) {
            if (c.forPart() == null) {
                return null;
            }
        }
        PageSet top = new PageSet();
        List<List<SplitTop.Unit>> slices = SplitTop.cut(db, index.rootPage(), PageType.INDEX_INTERIOR, threads, top);
        if (slices == null) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        for (List<SplitTop.Unit> slice : slices) {
            parts.add(new Part(PageType.INDEX_INTERIOR, slice));
        }
        return new IndexSplit(index, parts, top, new KeyComparator(index.recordColumns(), db.encoding()));
    }

    /** Walks part {@code k} with fresh checks, on the calling thread; null when the split has given way already. */
    Walked walk(int k, Database db, List<EntryCheck> checks, PassProgress progress, boolean fastLane,
                LeafSummaries leaves, int maxFindings) throws IOException {
        if (givenUp) {
            return null;
        }
        EntryCheck[] mine = new EntryCheck[checks.size()];
        for (int j = 0; j < mine.length; j++) {
            mine[j] = checks.get(j).forPart();
        }
        FindingSink sink = new FindingSink(maxFindings);
        Walked w = new DeepWalk(db, sink, progress::add, fastLane, leaves).indexPart(index, mine, parts.get(k));
        if (!w.clean()) {
            givenUp = true;
        }
        return w;
    }

    /**
     * Joins the parts' walks ({@code walked}, in part order; null for a part not walked): when the split holds, merges
     * them into {@code checks} and ends those; else walks the index whole into {@code sink}. Returns its entries.
     */
    long finish(List<?> walked, Database db, List<EntryCheck> checks, FindingSink sink, PassProgress progress,
                boolean fastLane, LeafSummaries leaves) throws IOException {
        long pages = top.size();
        long entries = 0;
        boolean holds = !givenUp;
        PageSet all = new PageSet();
        all.addAll(top);
        Walked before = null;
        for (Object o : walked) {
            Walked w = (Walked) o;
            if (w == null) {
                holds = false;
                continue;
            }
            pages += w.pages();
            entries += w.entries();
            holds &= w.clean() && all.addAll(w.visited());
            if (!holds || w.entries() == 0) {
                continue;
            }
            if (before != null) {
                // the key order as one walk judges it (KeyOrder#next): a shorter key is not compared
                List<Value> last = before.lastKey();
                holds &= w.firstKey().size() < last.size() || comparator.compare(w.firstKey(), last) > 0;
                for (int j = 0; j < checks.size(); j++) {
                    holds &= w.checks()[j].follows(before.checks()[j]);
                }
            }
            before = w;
        }
        if (!holds) {
            WALKED_AGAIN.incrementAndGet();
            progress.expect(pages - top.size());
            DeepWalk whole = new DeepWalk(db, sink, progress::add, fastLane, leaves);
            whole.index(index, checks);
            return whole.count();
        }
        HELD.incrementAndGet();
        progress.add(top.size());
        for (int j = 0; j < checks.size(); j++) {
            EntryCheck c = checks.get(j);
            for (Object o : walked) {
                Walked w = (Walked) o;
                c.merge(w.checks()[j]);
            }
            c.treePages(pages);
            c.end(sink);
        }
        return entries;
    }
}
