package dev.loupe.gui;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.freelist.FreelistTrunk;
import dev.loupe.format.layout.CellLayout;
import dev.loupe.format.layout.OverflowOwner;
import dev.loupe.format.layout.PageLayout;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.format.ptrmap.PtrmapPage;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page decoded for the inspector: its bytes, what the page map says it is, its byte layout (every byte range
 * labelled) and its problems. Built off the FX thread; a page that cannot be read has {@code data == null}.
 */
record PageDetails(long page, byte[] data, PageKind kind, ObjectPages owner, PageLayout layout,
                   List<Problem> problems) {

    static PageDetails of(Database db, PageMap map, long pgno) throws IOException {
        byte[] data = pgno >= 1 && pgno <= db.pageCount() ? db.pages().read(pgno) : null;
        PageKind kind = map.kind(pgno);
        ObjectPages owner = map.owner(pgno);
        Set<Problem> problems = new LinkedHashSet<>();
        if (pgno == 1) {
            problems.addAll(db.header().problems());
        }
        for (Problem p : map.problems()) {
            if (p.span().page() == pgno) {
                problems.add(p);
            }
        }
        if (data == null || kind == null) {
            return new PageDetails(pgno, null, kind, owner, null, List.copyOf(problems));
        }
        int ps = db.pageSize();
        int usable = db.usableSize();
        if (looksLikeBTree(pgno, data, kind)) {
            BTreePage page = BTreePage.decode(pgno, data, usable);
            problems.addAll(page.problems());
            List<CellLayout> cells = new java.util.ArrayList<>(page.cellCount());
            for (int i = 0; i < page.cellCount(); i++) {
                Cell c = page.cell(i);
                if (c != null) {
                    CellLayout cl = CellLayout.of(c, data, db.pages(), usable, db.encoding());
                    cells.add(cl);
                    problems.addAll(cl.problems());
                }
            }
            return new PageDetails(pgno, data, kind, owner, PageLayout.ofBTree(page, ps, db.header(), cells),
                    List.copyOf(problems));
        }
        if (kind == PageKind.OVERFLOW && owner != null) {
            Optional<OverflowOwner> o = OverflowOwner.find(db.pages(), usable, owner.census().root(), pgno);
            PageLayout layout = PageLayout.ofOverflow(pgno, ps, usable, BigEndian.u32(data, 0),
                    o.map(OverflowOwner::length).orElse(usable - 4),
                    o.map(w -> "overflow data: payload bytes " + w.payloadOffset() + ".."
                            + (w.payloadOffset() + w.length() - 1) + " of cell " + w.cellIndex() + " on page "
                            + w.cellPage()).orElse("overflow data"));
            return new PageDetails(pgno, data, kind, owner, layout, List.copyOf(problems));
        }
        if (kind == PageKind.FREELIST_TRUNK) {
            FreelistTrunk t = map.freelist().trunks().stream().filter(x -> x.page() == pgno).findFirst()
                    .orElse(null);
            if (t != null) {
                return new PageDetails(pgno, data, kind, owner, PageLayout.ofFreelistTrunk(t, ps, usable),
                        List.copyOf(problems));
            }
        }
        if (kind == PageKind.PTRMAP) {
            PtrmapPage pm = PointerMap.decode(data, pgno, usable, db.pageCount());
            problems.addAll(pm.problems());
            return new PageDetails(pgno, data, kind, owner, PageLayout.ofPtrmap(pm, ps, usable),
                    List.copyOf(problems));
        }
        String label = switch (kind) {
            case FREELIST_LEAF -> "freelist leaf: content unused";
            case LOCK_BYTE -> "lock-byte page: never used";
            case ORPHAN -> "orphan: no tree, freelist or pointer map refers to this page";
            default -> kind.label();
        };
        return new PageDetails(pgno, data, kind, owner, PageLayout.ofUnused(pgno, ps, usable, label),
                List.copyOf(problems));
    }

    /** Tree pages, page 1, unreadable tree pages, and orphans that still carry a b-tree type byte. */
    private static boolean looksLikeBTree(long pgno, byte[] data, PageKind kind) {
        return switch (kind) {
            case TABLE_INTERIOR, TABLE_LEAF, INDEX_INTERIOR, INDEX_LEAF, UNREADABLE -> true;
            case ORPHAN -> PageType.ofFlag(data[BTreePage.headerOffset(pgno)] & 0xff) != null;
            default -> pgno == 1;
        };
    }

    /** "page 7: table-leaf of table books". */
    String title() {
        String k = kind == null ? "beyond the end of the file" : kind.label();
        return "page " + page + ": " + (owner == null ? k : k + " of " + owner.type() + " " + owner.name());
    }
}
