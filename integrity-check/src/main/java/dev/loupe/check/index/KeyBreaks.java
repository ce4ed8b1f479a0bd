package dev.loupe.check.index;

import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.RecordEncoder;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where an index's walk found its key order broken or its tree damaged, as the key intervals a b-tree descent may be
 * misled in. Each break is an entry {@code k} met right after a key {@code b} that does not sort before it
 * ({@code k <= b}); its interval is {@code [k, b]}. Each damaged page gives the keys a descent may be routed to it by
 * ({@link dev.loupe.check.KeyRoutes}), an interval that may be open on either side; with those, the argument below
 * holds for the sound keys, and a descent for a key outside every interval meets no damaged page.
 *
 * <p>Why a descent for a key outside every interval finds what is there: let S be the index's keys in walk order
 * (interior dividers included; they are all a descent ever compares with) and K a key at position p of S. Were some
 * key x at a position before p not below K, take the first position after x's whose key is at most K: the key before
 * it is at least K (it is x, or above K), so the step between them is a break whose interval holds K. The same holds
 * after p with the inequalities turned round. So every comparison a descent for K makes answers as in a tree in
 * order, and it reaches K. A key S does not hold is not found either way. The exact pass thus need only look up the
 * rows whose key lies in an interval, besides those the digests point at ({@link MismatchNamer}).
 *
 * <p>A break whose later key lies on a leaf below the root is given other intervals instead
 * ({@link dev.loupe.check.IndexEntry#breakRoute}), when the keys just before and after the leaf's cells in walk order
 * read soundly and rise: the keys a descent may be led to the leaf by (from the one to the other), and each of the
 * leaf's own keys outside those, alone. A descent for a key outside the first never enters the leaf; with the leaf's
 * keys left out of S those two keys come next to each other, in order, so the argument above holds for it without
 * the break, and it finds its key unless that key is one of the leaf's, which the second kind covers. A key changed
 * in place on a leaf then puts one leaf's keys and the changed key in doubt, not every key between its old and new
 * place.
 *
 * <p>At most {@value #MAX} intervals are kept (two keys each), holding at most {@value #MAX_BYTES} bytes of text
 * and blobs (keys can be long); past that, or when a break or an entry's key could not be judged (a record of
 * another length than the index's, or one the walk could not compare), the breaks are {@link #bounded() unbounded}
 * and every row is looked up, as before.
 */
final class KeyBreaks {

    static final int MAX = 1024;
    static final long MAX_BYTES = 16L << 20;

    /** {low, high} key pairs as found. */
    private final List<List<Value>[]> intervals = new ArrayList<>();
    private boolean unbounded;
    /** About what the kept keys' values take (their text and blob bytes). */
    private long bytes;

    /** A break: {@code key} came right after {@code before}, which does not sort before it (null: not known). */
    void add(List<Value> key, List<Value> before) {
        if (before == null) {
            unbound();
            return;
        }
        interval(key, before);
    }

    /**
     * Keys a descent may be led through a damaged page by ({@link dev.loupe.check.DamagedKeys}): from {@code low} to
     * {@code high}, null for no bound on that side.
     */
    void addDamaged(List<Value> low, List<Value> high) {
        interval(low, high);
    }

    @SuppressWarnings("unchecked")
    private void interval(List<Value> low, List<Value> high) {
        if (unbounded) {
            return;
        }
        if (low != null && low.contains(null) || high != null && high.contains(null) || intervals.size() == MAX) {
            unbound();
            return;
        }
        bytes += size(low) + size(high);
        if (bytes > MAX_BYTES) {
            unbound();
            return;
        }
        intervals.add(new List[] {low, high});
    }

    private static long size(List<Value> key) {
        if (key == null) {
            return 0;
        }
        long n = 0;
        for (Value v : key) {
            n += v instanceof TextValue t ? 2L * t.value().length() : v instanceof BlobValue b ? b.value().length : 8;
        }
        return n;
    }

    /** The walk met a key it could not place: no row may be left out of the exact pass on account of key order. */
    void unbound() {
        unbounded = true;
        intervals.clear();
        bytes = 0;
    }

    void addAll(KeyBreaks other) {
        if (other.unbounded) {
            unbound();
            return;
        }
        for (List<Value>[] i : other.intervals) {
            interval(i[0], i[1]);
        }
    }

    /** Whether the intervals cover every key a descent may be misled for (see the class comment). */
    boolean bounded() {
        return !unbounded;
    }

    /** The intervals, merged and sorted under the index's key order; only when {@link #bounded()}. */
    Ranges ranges(KeyComparator order, TextEncoding encoding) {
        if (unbounded) {
            throw new IllegalStateException("unbounded key breaks");
        }
        // a null low end is below every key, a null high end above every key
        List<List<Value>[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(i -> i[0], Comparator.nullsFirst(order::compare)));
        List<List<Value>> lows = new ArrayList<>();
        List<List<Value>> highs = new ArrayList<>();
        for (List<Value>[] i : sorted) {
            int last = highs.size() - 1;
            List<Value> high = last >= 0 ? highs.get(last) : null;
            if (last >= 0 && (high == null || i[0] == null || order.compare(i[0], high) <= 0)) {
                if (high != null && (i[1] == null || order.compare(i[1], high) > 0)) {
                    highs.set(last, i[1]);
                }
            } else {
                lows.add(i[0]);
                highs.add(i[1]);
            }
        }
        return new Ranges(order, lows, highs, encoding);
    }

    /** Disjoint key intervals in key order. */
    static final class Ranges {
        private final KeyComparator order;
        private final List<List<Value>> lows;
        private final List<List<Value>> highs;
        /** The first value of the lowest low end and of the highest high end, as one-value records (see below). */
        private final RecordView lowest;
        private final RecordView highest;

        private Ranges(KeyComparator order, List<List<Value>> lows, List<List<Value>> highs, TextEncoding encoding) {
            this.order = order;
            this.lows = lows;
            this.highs = highs;
            this.lowest = lows.isEmpty() || lows.get(0) == null ? null : firstValue(lows.get(0), encoding);
            this.highest = highs.isEmpty() || highs.get(highs.size() - 1) == null ? null
                    : firstValue(highs.get(highs.size() - 1), encoding);
        }

        private static RecordView firstValue(List<Value> key, TextEncoding encoding) {
            if (key.isEmpty()) {
                return null; // a damaged page's bound read from a record of no values: it decides nothing
            }
            byte[] record = RecordEncoder.encode(key.subList(0, 1), encoding);
            RecordView view = new RecordView(encoding);
            return view.parse(record, 0, record.length, 1) ? view : null;
        }

        /**
         * True when a key whose first value is value {@code field} of the sound record {@code row} sorts before the
         * lowest interval or after the highest on that value alone: then it lies in none, and {@link #contain} need
         * not decode it. The key order is lexicographic, so a first value strictly outside decides.
         */
        boolean outside(RecordView row, int field) {
            if (lows.isEmpty()) {
                return true;
            }
            // an open end (no bound on that side), or one not written as a record, decides nothing
            return lowest != null && order.compareColumn(0, row, field, lowest, 0) < 0
                    || highest != null && order.compareColumn(0, row, field, highest, 0) > 0;
        }

        /** Whether {@code key} lies in one of the intervals (both ends included). */
        boolean contain(List<Value> key) {
            // the last interval whose low end is at most key
            int lo = 0;
            int hi = lows.size() - 1;
            int at = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (lows.get(mid) == null || order.compare(key, lows.get(mid)) >= 0) {
                    at = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return at >= 0 && (highs.get(at) == null || order.compare(key, highs.get(at)) <= 0);
        }

        int size() {
            return lows.size();
        }
    }
}
