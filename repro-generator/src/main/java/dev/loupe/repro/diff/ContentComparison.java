package dev.loupe.repro.diff;

import dev.loupe.format.Progress;
import dev.loupe.format.layout.ValueText;
import dev.loupe.format.record.Value;

import java.io.IOException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compares one b-tree's content in the two files by a merge join: both trees are read side by side in key order
 * ({@link TreeCursor}), so memory stays one page per level and one record per side whatever the table's size.
 * Table b-trees are joined on the rowid; index and WITHOUT ROWID b-trees on the key, ordered as A's schema defines
 * it (collations, DESC). A key in one file only is an incompatible {@link DiffKind#ONLY_IN_A} / {@link
 * DiffKind#ONLY_IN_B}; the same key with another record goes to {@link RecordComparison}. On a damaged file whose
 * keys are out of order the join reports keys in one file only: the checker names the damage itself.
 */
final class ContentComparison {

    /** Key values shown per side. */
    private static final int SHOWN_KEY = 40;
    /** Progress is told every this many entries. */
    private static final int PROGRESS_EVERY = 1024;

    private ContentComparison() {
    }

    /**
     * Walks both trees (only their shapes when the content is not compared) and returns the counts.
     *
     * @param pagesBefore pages walked by earlier comparisons, for progress
     * @param pagesTotal  pages of both files, for progress
     */
    static ObjectComparison compare(ObjectTarget t, Side a, Side b, TreeShape shapeA, TreeShape shapeB,
                                    Differences out, Progress progress, long pagesBefore, long pagesTotal)
            throws IOException {
        TreeCursor ca = a.cursor(t.rootA(), t.tableTree(), shapeA);
        TreeCursor cb = b.cursor(t.rootB(), t.tableTree(), shapeB);
        boolean content = t.skipReason() == null;
        RecordComparison records = new RecordComparison(t, a, b, out);
        long entriesA = 0;
        long entriesB = 0;
        long same = 0;
        long onlyA = 0;
        long onlyB = 0;
        long changed = 0;
        Side.Loaded x = a.next(ca, shapeA);
        Side.Loaded y = b.next(cb, shapeB);
        long steps = 0;
        while (x != null || y != null) {
            if (++steps % PROGRESS_EVERY == 0) {
                progress.pages(pagesBefore + shapeA.pageCount() + shapeB.pageCount(), pagesTotal);
            }
            if (!content) {
                if (x != null) {
                    entriesA++;
                    x = a.next(ca, shapeA);
                }
                if (y != null) {
                    entriesB++;
                    y = b.next(cb, shapeB);
                }
                continue;
            }
            int c = x == null ? 1 : y == null ? -1 : compareKeys(t, a, x, b, y);
            if (c < 0) {
                entriesA++;
                onlyA++;
                only(t, a, x, true, out);
                x = a.next(ca, shapeA);
            } else if (c > 0) {
                entriesB++;
                onlyB++;
                only(t, b, y, false, out);
                y = b.next(cb, shapeB);
            } else {
                entriesA++;
                entriesB++;
                Side.Loaded keyed = x;
                if (records.same(x, y, () -> key(t, a, keyed))) {
                    same++;
                } else {
                    changed++;
                }
                x = a.next(ca, shapeA);
                y = b.next(cb, shapeB);
            }
        }
        if (!content && !t.type().equals("schema")) {
            out.add(new Difference(DiffClass.BENIGN, DiffKind.NOT_COMPARED, t.name(), null, t.rootA(), t.rootB(), -1,
                    -1, null, entriesA + " entries", entriesB + " entries", t.skipReason()));
        }
        return new ObjectComparison(t.name(), t.type(), entriesA, entriesB, same, onlyA, onlyB, changed, content);
    }

    private static int compareKeys(ObjectTarget t, Side a, Side.Loaded x, Side b, Side.Loaded y) {
        if (t.tableTree()) {
            return Long.compare(x.entry.rowid(), y.entry.rowid());
        }
        List<Value> kx = prefix(a.record(x).values(), t.keyColumns());
        List<Value> ky = prefix(b.record(y).values(), t.keyColumns());
        if (kx.size() != ky.size()) {
            // a record too short to hold the key: order by what both hold, then the shorter first
            int n = Math.min(kx.size(), ky.size());
            int c = t.order().compare(kx.subList(0, n), ky.subList(0, n));
            return c != 0 ? c : Integer.compare(kx.size(), ky.size());
        }
        return t.order().compare(kx, ky);
    }

    private static List<Value> prefix(List<Value> values, int n) {
        int end = 0;
        while (end < Math.min(n, values.size()) && values.get(end) != null) {
            end++;
        }
        return values.subList(0, end);
    }

    private static void only(ObjectTarget t, Side s, Side.Loaded e, boolean inA, Differences out) {
        if (out.full(DiffClass.INCOMPATIBLE)) {
            // counted all the same; the key text is only built for listed differences
            out.add(new Difference(DiffClass.INCOMPATIBLE, inA ? DiffKind.ONLY_IN_A : DiffKind.ONLY_IN_B, t.name(),
                    null, 0, 0, -1, -1, null, "", "", ""));
            return;
        }
        String key = key(t, s, e);
        long page = e.entry.page().number();
        int offset = e.entry.cell().offset();
        String entry = (t.tableTree() ? "row " : "entry ") + key + " (" + e.payload.declaredSize()
                + "-byte record, page " + page + " cell " + e.entry.cell().index() + ")";
        out.add(new Difference(DiffClass.INCOMPATIBLE, inA ? DiffKind.ONLY_IN_A : DiffKind.ONLY_IN_B, t.name(), key,
                inA ? page : 0, inA ? 0 : page, inA ? offset : -1, inA ? -1 : offset, null, inA ? entry : "",
                inA ? "" : entry, (t.tableTree() ? "row " : "entry ") + key + " is in " + (inA ? "A" : "B")
                        + " only"));
    }

    /** "rowid 5" for a table b-tree; the whole record as SQL literals for an index b-tree. */
    static String key(ObjectTarget t, Side s, Side.Loaded e) {
        if (t.tableTree()) {
            return "rowid " + e.entry.rowid();
        }
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Value v : s.record(e).values()) {
            j.add(ValueText.brief(v, SHOWN_KEY));
        }
        return j.toString();
    }
}
