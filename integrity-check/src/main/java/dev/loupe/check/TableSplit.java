package dev.loupe.check;

import dev.loupe.check.structure.LeafSummaries;
import dev.loupe.format.Database;
import dev.loupe.format.btree.PageType;
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
 * faster than its split is set up. The top levels are read by {@link SplitTop} and must decode without a problem,
 * with interior pages of a table tree only; otherwise the table is walked whole from the start.
 */
final class TableSplit {

    /** Splits that held, and splits given up for a walk of the whole table, since the JVM started (for tests). */
    static final AtomicLong HELD = new AtomicLong();
    static final AtomicLong WALKED_AGAIN = new AtomicLong();

    /** Consecutive subtrees, walked by one thread; {@code rootType} is the kind every page below must be. */
    record Part(PageType rootType, List<SplitTop.Subtree> subtrees) {
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
        List<List<SplitTop.Unit>> slices = SplitTop.cut(db, table.rootPage(), PageType.TABLE_INTERIOR, threads, top);
        if (slices == null) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        for (List<SplitTop.Unit> slice : slices) {
            // a table's interior cells are no rows: only the subtrees are walked
            parts.add(new Part(PageType.TABLE_INTERIOR, slice.stream().map(SplitTop.Unit::subtree).toList()));
        }
        return new TableSplit(table, parts, top);
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
