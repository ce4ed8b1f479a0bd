package dev.loupe.repro.diff;

import dev.loupe.format.Database;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.format.ptrmap.PtrmapEntry;
import dev.loupe.format.ptrmap.PtrmapPage;

import java.io.IOException;
import java.util.Optional;

/**
 * Compares the pointer maps of two auto-vacuum files with the same usable size (fileformat2 §1.7), entry by entry,
 * one pointer-map page at a time. The entries follow page placement, so a difference is benign; an entry that is
 * wrong for its own file is the checker's finding (ptrmap-entry-wrong), compared with the other findings.
 */
final class PtrmapComparison {

    private PtrmapComparison() {
    }

    static void compare(Database a, Database b, Differences out) throws IOException {
        if (!a.header().autoVacuum() || !b.header().autoVacuum() || a.usableSize() != b.usableSize()
                || a.pageCount() == 0 || b.pageCount() == 0) {
            return;
        }
        int usable = a.usableSize();
        long last = Math.max(a.pageCount(), b.pageCount());
        Reader ra = new Reader(a);
        Reader rb = new Reader(b);
        long differing = 0;
        long first = 0;
        String firstA = "";
        String firstB = "";
        for (long pgno = 3; pgno <= last; pgno++) {
            if (PointerMap.entryOffset(pgno, usable) < 0) {
                continue;
            }
            long map = PointerMap.ptrmapPageFor(pgno, usable);
            String ea = ra.entry(map, pgno);
            String eb = rb.entry(map, pgno);
            if (!ea.equals(eb)) {
                if (differing++ == 0) {
                    first = pgno;
                    firstA = ea;
                    firstB = eb;
                }
            }
        }
        if (differing > 0) {
            long map = PointerMap.ptrmapPageFor(first, usable);
            int offset = PointerMap.entryOffset(first, usable);
            out.add(new Difference(DiffClass.BENIGN, DiffKind.PTRMAP, null, null, map, map, offset, offset,
                    "page " + first, firstA, firstB, differing + " pointer-map entries differ, the first for page "
                    + first + ": entries follow page placement"));
        }
    }

    /** Reads the pointer-map page a key falls on, keeping the last one decoded. */
    private static final class Reader {
        private final Database db;
        private long page = -1;
        private PtrmapPage decoded;

        Reader(Database db) {
            this.db = db;
        }

        String entry(long map, long pgno) throws IOException {
            if (map != page) {
                page = map;
                byte[] data = db.pages().read(map);
                decoded = data == null ? null : PointerMap.decode(data, map, db.usableSize(), db.pageCount());
            }
            Optional<PtrmapEntry> e = decoded == null ? Optional.empty() : decoded.entryFor(pgno);
            return e.map(x -> "type " + x.rawType() + " parent " + x.parent()).orElse("none");
        }
    }
}
