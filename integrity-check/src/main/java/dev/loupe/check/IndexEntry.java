package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an index b-tree (any cell: interior cells of an index tree hold entries too), in key order. An
 * entry whose record is sound comes as its {@link #record() record view}, and its values are decoded only when a
 * check asks for them. Valid during the call only (the view and the path move on with the walk; {@link #path()}
 * and {@link #values()} are copies that may be kept).
 */
public final class IndexEntry {

    private final Index index;
    private final RecordView record;
    private List<Value> values;
    private final long page;
    private final int cell;
    private final List<PathStep> walkPath;
    private List<PathStep> path;
    private final long position;
    private final List<Problem> problems;
    private boolean outOfOrder;
    private List<Value> keyBefore;
    private List<DamagedKeys.Interval> breakRoute;

    /**
     * @param values   the record's values as stored (key columns, then the rowid or the table's primary key)
     * @param page     the page holding the cell
     * @param cell     the cell's index on that page
     * @param path     root-to-cell path
     * @param position 1-based position of the entry in key order
     * @param problems what was wrong with the cell, payload or record (values may then be incomplete)
     */
    public IndexEntry(Index index, List<Value> values, long page, int cell, List<PathStep> path, long position,
                      List<Problem> problems) {
        this.index = index;
        this.record = null;
        this.values = values;
        this.page = page;
        this.cell = cell;
        this.walkPath = path;
        this.path = path;
        this.position = position;
        this.problems = problems;
    }

    /** An entry whose record is sound. */
    IndexEntry(Index index, RecordView record, long page, int cell, List<PathStep> walkPath, long position) {
        this.index = index;
        this.record = record;
        this.page = page;
        this.cell = cell;
        this.walkPath = walkPath;
        this.position = position;
        this.problems = List.of();
    }

    public Index index() {
        return index;
    }

    /** The sound record, or null: then use {@link #values()} and {@link #problems()}. */
    public RecordView record() {
        return record;
    }

    /** The record's values as stored (key columns, then the rowid or the table's primary key). */
    public List<Value> values() {
        if (values == null) {
            List<Value> v = new ArrayList<>(record.count());
            for (int i = 0; i < record.count(); i++) {
                v.add(record.value(i));
            }
            values = v;
        }
        return values;
    }

    public long page() {
        return page;
    }

    public int cell() {
        return cell;
    }

    public List<PathStep> path() {
        if (path == null) {
            path = List.copyOf(walkPath);
        }
        return path;
    }

    public long position() {
        return position;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * True when the walk found this entry not after the one before it in the index's key order (reported there as
     * an order or divider-key finding); false when it is in order or its order could not be judged.
     */
    public boolean outOfOrder() {
        return outOfOrder;
    }

    /** When {@link #outOfOrder}: the key the walk saw just before this entry, which does not sort before it. */
    public List<Value> keyBefore() {
        return keyBefore;
    }

    /**
     * When {@link #outOfOrder} and this entry lies on a leaf below the root: the keys whose descent the break may
     * mislead or whose entry it may hide, bounded by the leaf (see {@code DeepWalk#breakRoute}); else null.
     */
    public List<DamagedKeys.Interval> breakRoute() {
        return breakRoute;
    }

    void markOutOfOrder(List<Value> keyBefore, List<DamagedKeys.Interval> breakRoute) {
        outOfOrder = true;
        this.keyBefore = keyBefore;
        this.breakRoute = breakRoute;
    }
}
