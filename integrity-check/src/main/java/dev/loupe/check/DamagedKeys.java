package dev.loupe.check;

import dev.loupe.format.record.Value;

import java.util.List;

/**
 * The keys of an index (or WITHOUT ROWID table) for which a b-tree descent may be misled by damage in its tree: the
 * closed intervals {@code [low, high]} of keys routed through a damaged page, or every key. Built by
 * {@link KeyRoutes}; see there for why the keys outside them are safe.
 *
 * @param all       every key is in doubt (the intervals are then empty)
 * @param intervals key pairs {low, high} in walk order; a null low is below every key, a null high above every key
 */
public record DamagedKeys(boolean all, List<Interval> intervals) {

    public static final DamagedKeys ALL = new DamagedKeys(true, List.of());

    public DamagedKeys {
        intervals = List.copyOf(intervals);
    }

    /** Keys from {@code low} to {@code high}, both included; null for no bound on that side. */
    public record Interval(List<Value> low, List<Value> high) {
    }
}
