package dev.loupe.repro.diff;

import dev.loupe.format.Database;
import dev.loupe.format.freelist.Freelist;

import java.io.IOException;
import java.util.Arrays;

/**
 * Compares the freelists (fileformat2 §1.5): their trunk pages in chain order and their leaf pages as a set. Free
 * pages hold nothing a reader sees, so any difference is benign; a freelist that is wrong (a loop, a count that
 * disagrees with the header) is the checker's to report.
 */
final class FreelistComparison {

    private FreelistComparison() {
    }

    static void compare(Database a, Database b, Differences out) throws IOException {
        Freelist fa = walk(a);
        Freelist fb = walk(b);
        long[] la = fa == null ? new long[0] : fa.leafPages().clone();
        long[] lb = fb == null ? new long[0] : fb.leafPages().clone();
        long[] ta = fa == null ? new long[0] : fa.trunkPages();
        long[] tb = fb == null ? new long[0] : fb.trunkPages();
        Arrays.sort(la);
        Arrays.sort(lb);
        if (Arrays.equals(ta, tb) && Arrays.equals(la, lb)) {
            return;
        }
        out.add(new Difference(DiffClass.BENIGN, DiffKind.FREELIST, null, null, ta.length > 0 ? ta[0] : 0,
                tb.length > 0 ? tb[0] : 0, -1, -1, null, describe(ta, la), describe(tb, lb),
                "other free pages: free pages carry no content (page placement)"));
    }

    private static Freelist walk(Database db) throws IOException {
        if (db.pageCount() == 0) {
            return null;
        }
        return Freelist.walk(db.pages(), db.header().firstFreelistTrunkPage(), db.header().freelistPageCount(),
                db.usableSize());
    }

    /** "2 trunks (3 9), 10 leaves". */
    private static String describe(long[] trunks, long[] leaves) {
        StringBuilder s = new StringBuilder();
        s.append(trunks.length).append(trunks.length == 1 ? " trunk" : " trunks");
        if (trunks.length > 0) {
            s.append(" (");
            for (int i = 0; i < Math.min(trunks.length, 8); i++) {
                s.append(i == 0 ? "" : " ").append(trunks[i]);
            }
            s.append(trunks.length > 8 ? " ...)" : ")");
        }
        return s.append(", ").append(leaves.length).append(leaves.length == 1 ? " leaf" : " leaves").toString();
    }
}
