package dev.loupe.check;

import java.util.Arrays;

/**
 * The rowids of a rowid table for which a b-tree descent (SQLite's, or {@code TreeSearch}'s) may not end where the
 * table's walk found the row: those routed through a page of the tree that is damaged, and those of rows the walk
 * found on a page a descent does not route them to. For any other rowid a descent finds exactly the row the walk
 * found, or none when the walk found none. Built by {@link RowidRoutes}; closed ranges, sorted and disjoint.
 */
public final class DamagedRowids {

    /** An intact tree: a descent finds what the walk found for every rowid. */
    public static final DamagedRowids NONE = new DamagedRowids(new long[0], new long[0], false);
    /** No rowid can be vouched for (the root damaged, a WITHOUT ROWID table, more ranges than are kept). */
    public static final DamagedRowids ALL = new DamagedRowids(new long[0], new long[0], true);

    private final long[] firsts;
    private final long[] lasts;
    private final boolean all;

    private DamagedRowids(long[] firsts, long[] lasts, boolean all) {
        this.firsts = firsts;
        this.lasts = lasts;
        this.all = all;
    }

    /**
     * The union of the closed ranges {@code [firsts[i], lasts[i]]}, {@code i < count} (any order, overlapping or not;
     * empty ones, with first above last, are dropped).
     */
    static DamagedRowids of(long[] firsts, long[] lasts, int count) {
        long[][] ranges = new long[count][];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (firsts[i] <= lasts[i]) {
                ranges[n++] = new long[] {firsts[i], lasts[i]};
            }
        }
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(ranges, 0, n, (a, b) -> Long.compare(a[0], b[0]));
        long[] f = new long[n];
        long[] l = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            long[] r = ranges[i];
            // overlapping or adjacent: one range (last + 1 overflows only at Long.MAX_VALUE, which nothing follows)
            if (m > 0 && (r[0] <= l[m - 1] || l[m - 1] != Long.MAX_VALUE && r[0] == l[m - 1] + 1)) {
                l[m - 1] = Math.max(l[m - 1], r[1]);
            } else {
                f[m] = r[0];
                l[m] = r[1];
                m++;
            }
        }
        return new DamagedRowids(Arrays.copyOf(f, m), Arrays.copyOf(l, m), false);
    }

    /** Whether a descent for {@code rowid} may not find what the walk found. */
    public boolean contains(long rowid) {
        if (all) {
            return true;
        }
        // the last range starting at or below rowid
        int lo = 0;
        int hi = firsts.length - 1;
        int at = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (firsts[mid] <= rowid) {
                at = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return at >= 0 && rowid <= lasts[at];
    }

    /** Every rowid: nothing a descent finds can be vouched for. */
    public boolean all() {
        return all;
    }

    /** No rowid: the tree routes every descent as the walk went. */
    public boolean none() {
        return !all && firsts.length == 0;
    }

    /** The union of this and {@code other}. */
    public DamagedRowids and(DamagedRowids other) {
        if (all || other.none()) {
            return this;
        }
        if (other.all || none()) {
            return other;
        }
        long[] f = Arrays.copyOf(firsts, firsts.length + other.firsts.length);
        long[] l = Arrays.copyOf(lasts, lasts.length + other.lasts.length);
        System.arraycopy(other.firsts, 0, f, firsts.length, other.firsts.length);
        System.arraycopy(other.lasts, 0, l, lasts.length, other.lasts.length);
        return of(f, l, f.length);
    }

    /** Number of disjoint ranges (0 for {@link #ALL}). */
    public int ranges() {
        return firsts.length;
    }

    @Override
    public String toString() {
        if (all) {
            return "all rowids";
        }
        StringBuilder b = new StringBuilder("rowids ");
        for (int i = 0; i < firsts.length; i++) {
            b.append(i == 0 ? "" : ", ").append(firsts[i]).append("..").append(lasts[i]);
        }
        return firsts.length == 0 ? "no rowids" : b.toString();
    }
}
