package dev.loupe.check;

import dev.loupe.check.structure.LeafSummaries;
import dev.loupe.format.Database;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rowid table's record-level walk split across threads: the subtrees below the top one or two levels of its tree,
 * in walk order, cut into parts walked side by side, each with its own {@link RowCheck#forPart checks}. One table is
 * often most of a database (and of the work); walked whole, it keeps one thread busy while the others wait.
 *
 * <p>The report must be the one a walk of the whole tree gives, whatever the threads. Each part is walked as the
 * whole walk walks those subtrees: the same paths, the routes ({@link RowidRoutes}) shown the pages above first. Its
 * findings (which name rowids, pages and cells, never a scan position) then come in part order, and its checks and
 * routes merge into the table's in part order (a check told how many rows came before the part, for the scan
 * positions it keeps). What a part cannot see is checked at the join: the rowids rising from each part into the
 * next, and no page reached by two parts or by a part and the top levels. Where that fails, or where the parts find
 * more than the report keeps, the table is walked whole again on the joining thread.
 *
 * <p>Only trees of three levels or more are split (the root's children are interior pages): a smaller one is walked
 * faster than its split is set up. The top levels are read here and must decode without a problem, with interior
 * pages of a table tree only; otherwise the table is walked whole from the start.
 */
final class TableSplit {

    /** Parts per thread, at most: enough for the threads to end together, few enough to cost nothing. */
    private static final int PARTS_PER_THREAD = 16;
    /** Parts at most, whatever the threads (each keeps its checks' state until the join). */
    private static final int MAX_PARTS = 256;

    /** Splits that held, and splits given up for a walk of the whole table, since the JVM started (for tests). */
    static final AtomicLong HELD = new AtomicLong();
    static final AtomicLong WALKED_AGAIN = new AtomicLong();

    /** A subtree to walk: its page, the bytes of the pointer to it, and the path from the root to that pointer. */
    record Subtree(long page, Span from, List<PathStep> path) {
    }

    /** Consecutive subtrees, walked by one thread; {@code rootType} is the kind every page below must be. */
    record Part(PageType rootType, List<Subtree> subtrees) {
    }

    /**
     * A part's walk: its rows and pages, whether it met damage, the rowids of its first and last row (when it had
     * one), the pages it entered, its checks, its findings and where its damage can mislead a descent.
     */
    record Walked(long rows, long pages, boolean damaged, boolean rowSeen, long firstRowid, long lastRowid,
                  PageSet visited, RowCheck[] checks, FindingSink sink, RowidRoutes routes) {
    }

    private final Table table;
    private final List<Part> parts;
    /**
     * Findings the walked parts hold between them. Each part keeps up to the report's limit, not knowing how many
     * the parts before it find: past the limit in all, the split gives way, so that a table with a finding in every
     * row holds about as many findings in memory as one walk (the limit), not the limit once per part.
     */
    private final AtomicLong found = new AtomicLong();
    private volatile boolean givenUp;
    /** The pages of the top levels, read here: the parts must not enter them. */
    private final PageSet top;

    private TableSplit(Table table, List<Part> parts, PageSet top) {
        this.table = table;
        this.parts = parts;
        this.top = top;
    }

    Table table() {
        return table;
    }

    List<Part> parts() {
        return parts;
    }

    /**
     * The split of {@code table}'s walk for {@code threads} threads, or null when it is walked whole: a WITHOUT ROWID
     * table, a check that cannot be split, a tree of fewer than three levels, or top levels that do not read cleanly.
     */
    static TableSplit of(Database db, Table table, List<RowCheck> checks, int threads) throws IOException {
        if (threads < 2 || table.withoutRowid() || table.rootPage() < 1 || table.rootPage() > db.pageCount()) {
            return null;
        }
        for (RowCheck c : checks) {
            if (c.forPart() == null) {
                return null;
            }
        }
        PageSet top = new PageSet();
        BTreePage root = interior(db, table.rootPage(), top, PageType.TABLE_INTERIOR);
        if (root == null) {
            return null;
        }
        PageType rootType = root.type();
        List<Subtree> subtrees = children(root, List.of(), db.pageCount());
        if (subtrees == null || interior(db, subtrees.get(0).page(), new PageSet(), PageType.TABLE_INTERIOR) == null) {
            return null; // the root's children are leaves (or cannot be read): too small to split
        }
        int wanted = partsWanted(threads);
        if (subtrees.size() < wanted) {
            // few children below the root: split one level lower
            List<Subtree> lower = new ArrayList<>();
            for (Subtree s : subtrees) {
                BTreePage p = interior(db, s.page(), top, PageType.TABLE_INTERIOR);
                List<Subtree> c = p == null ? null : children(p, s.path(), db.pageCount());
                if (c == null) {
                    return null;
                }
                lower.addAll(c);
            }
            subtrees = lower;
        }
        List<Part> parts = new ArrayList<>();
        for (List<Subtree> slice : slices(subtrees, wanted)) {
            parts.add(new Part(rootType, slice));
        }
        return new TableSplit(table, parts, top);
    }

    /** {@code items} cut into at most {@code n} slices of consecutive items, as equal as they come. */
    static <T> List<List<T>> slices(List<T> items, int n) {
        int count = Math.min(n, items.size());
        List<List<T>> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int from = (int) ((long) items.size() * k / count);
            int to = (int) ((long) items.size() * (k + 1) / count);
            out.add(List.copyOf(items.subList(from, to)));
        }
        return out;
    }

    /** How many parts a tree is cut into for {@code threads} threads, at most. */
    static int partsWanted(int threads) {
        return Math.min(MAX_PARTS, PARTS_PER_THREAD * threads);
    }

    /**
     * Page {@code pgno} decoded, when it is an interior page of {@code kind} that decodes without a problem, has
     * cells, and is not in {@code seen} (it is added); else null.
     */
    static BTreePage interior(Database db, long pgno, PageSet seen, PageType kind) throws IOException {
        if (!seen.add(pgno)) {
            return null;
        }
        byte[] data = db.pages().read(pgno);
        if (data == null) {
            return null;
        }
        BTreePage p = BTreePage.decode(pgno, data, db.usableSize());
        if (p.type() != kind || !p.problems().isEmpty() || p.cellCount() == 0) {
            return null;
        }
        return p;
    }

    /** The subtrees below interior page {@code p}, in walk order, or null when a cell is damaged or points nowhere. */
    private static List<Subtree> children(BTreePage p, List<PathStep> above, long pageCount) {
        List<Subtree> out = new ArrayList<>(p.cellCount() + 1);
        for (int i = 0; i < p.cellCount(); i++) {
            Cell c = p.cell(i);
            if (!(c instanceof InteriorCell ic) || !c.problems().isEmpty() || ic.leftChild() < 1
                    || ic.leftChild() > pageCount) {
                return null;
            }
            out.add(new Subtree(ic.leftChild(), ic.leftChildSpan(), pathTo(above, p.number(), i)));
        }
        long right = p.header().rightChild();
        if (right < 1 || right > pageCount) {
            return null;
        }
        out.add(new Subtree(right, p.rightChildSpan(), pathTo(above, p.number(), p.cellCount())));
        return out;
    }

    /** {@code above} and one more step: cell {@code cell} of page {@code page}. */
    static List<PathStep> pathTo(List<PathStep> above, long page, int cell) {
        List<PathStep> path = new ArrayList<>(above.size() + 1);
        path.addAll(above);
        path.add(new PathStep(page, cell));
        return List.copyOf(path);
    }

    /**
     * Walks part {@code k} with fresh checks made from {@code checks}, on the calling thread; null when the split
     * has given way already (the parts walked so far found more than {@code maxFindings}).
     */
    Walked walk(int k, Database db, List<RowCheck> checks, PassProgress progress, boolean fastLane,
                LeafSummaries leaves, int maxFindings) throws IOException {
        if (givenUp) {
            return null;
        }
        RowCheck[] mine = new RowCheck[checks.size()];
        for (int j = 0; j < mine.length; j++) {
            mine[j] = checks.get(j).forPart();
        }
        FindingSink sink = new FindingSink(maxFindings);
        Walked w = new DeepWalk(db, sink, progress::add, fastLane, leaves).tablePart(table, mine, parts.get(k));
        if (found.addAndGet(sink.findings().size() + sink.dropped()) > maxFindings) {
            givenUp = true;
        }
        return w;
    }

    /**
     * Joins the parts' walks ({@code walked}, in part order; null for a part not walked): when the split holds, merges
     * them into {@code checks} and {@code sink} and ends the checks; else walks the table whole into {@code sink}.
     * Returns the table's rows.
     */
    long finish(List<?> walked, Database db, List<RowCheck> checks, FindingSink sink, PassProgress progress,
                boolean fastLane, LeafSummaries leaves) throws IOException {
        long pages = top.size();
        long rows = 0;
        boolean holds = !givenUp;
        PageSet all = new PageSet();
        all.addAll(top);
        boolean rowBefore = false;
        long lastRowid = 0;
        for (Object o : walked) {
            Walked w = (Walked) o;
            if (w == null) {
                holds = false;
                continue;
            }
            pages += w.pages();
            rows += w.rows();
            holds &= all.addAll(w.visited());
            if (w.rowSeen()) {
                holds &= !rowBefore || w.firstRowid() > lastRowid;
                rowBefore = true;
                lastRowid = w.lastRowid();
            }
        }
        if (!holds) {
            WALKED_AGAIN.incrementAndGet();
            // the parts' pages were counted once already
            progress.expect(pages - top.size());
            DeepWalk whole = new DeepWalk(db, sink, progress::add, fastLane, leaves);
            whole.table(table, checks);
            return whole.count();
        }
        HELD.incrementAndGet();
        progress.add(top.size());
        boolean damaged = false;
        RowidRoutes routes = new RowidRoutes();
        for (Object o : walked) {
            Walked w = (Walked) o;
            sink.addAll(w.sink());
            damaged |= w.damaged();
            routes.absorb(w.routes());
        }
        DamagedRowids where = routes.result(damaged);
        for (int j = 0; j < checks.size(); j++) {
            RowCheck c = checks.get(j);
            long before = 0;
            for (Object o : walked) {
                Walked w = (Walked) o;
                c.merge(w.checks()[j], before);
                before += w.rows();
            }
            if (!where.none()) {
                c.treeDamaged(where);
            }
            c.treePages(pages);
            c.end(sink);
        }
        return rows;
    }
}
