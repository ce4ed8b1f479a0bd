package dev.loupe.cli;

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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page decoded for display: what the page map says it is, and the structure that goes with that kind (a b-tree
 * page with its cells; an overflow page with the cell it belongs to; a freelist trunk; a pointer-map page), its
 * byte layout and its problems. Text and JSON render this one model.
 */
record PageInspection(Database db, long page, byte[] data, PageKind kind, ObjectPages owner, BTreePage btree,
                      List<CellLayout> cells, OverflowOwner overflow, FreelistTrunk trunk, PtrmapPage ptrmap,
                      PageLayout layout, List<Problem> problems) {

    static PageInspection of(Database db, long pgno, PageMap map) throws IOException {
        byte[] data = db.pages().read(pgno);
        if (data == null) {
            throw new UserError(ExitCode.FINDINGS, "page " + pgno + " cannot be read (it lies beyond the end of "
                    + db.name() + ")");
        }
        PageKind kind = map.kind(pgno);
        ObjectPages owner = map.owner(pgno);
        int ps = db.pageSize();
        int usable = db.usableSize();
        Set<Problem> problems = new LinkedHashSet<>();
        if (pgno == 1) {
            problems.addAll(db.header().problems());
        }
        for (Problem p : map.problems()) {
            if (p.span().page() == pgno) {
                problems.add(p);
            }
        }
        boolean btreeKind = kind == PageKind.TABLE_INTERIOR || kind == PageKind.TABLE_LEAF
                || kind == PageKind.INDEX_INTERIOR || kind == PageKind.INDEX_LEAF || kind == PageKind.UNREADABLE
                || pgno == 1 || (kind == PageKind.ORPHAN && PageType.ofFlag(data[BTreePage.headerOffset(pgno)] & 0xff) != null);
        if (btreeKind) {
            BTreePage page = BTreePage.decode(pgno, data, usable);
            problems.addAll(page.problems());
            List<CellLayout> cells = new ArrayList<>(page.cellCount());
            for (int i = 0; i < page.cellCount(); i++) {
                Cell c = page.cell(i);
                if (c != null) {
                    CellLayout cl = CellLayout.of(c, data, db.pages(), usable, db.encoding());
                    cells.add(cl);
                    problems.addAll(cl.problems());
                }
            }
            PageLayout layout = PageLayout.ofBTree(page, ps, db.header(), cells);
            return new PageInspection(db, pgno, data, kind, owner, page, List.copyOf(cells), null, null, null,
                    layout, List.copyOf(problems));
        }
        if (kind == PageKind.OVERFLOW && owner != null) {
            Optional<OverflowOwner> o = OverflowOwner.find(db.pages(), usable, owner.census().root(), pgno);
            long next = dev.loupe.format.BigEndian.u32(data, 0);
            PageLayout layout = PageLayout.ofOverflow(pgno, ps, usable, next, o.map(OverflowOwner::length)
                    .orElse(usable - 4), o.map(w -> "overflow data: payload bytes " + w.payloadOffset() + ".."
                    + (w.payloadOffset() + w.length() - 1) + " of cell " + w.cellIndex() + " on page " + w.cellPage())
                    .orElse("overflow data"));
            return new PageInspection(db, pgno, data, kind, owner, null, List.of(), o.orElse(null), null, null,
                    layout, List.copyOf(problems));
        }
        if (kind == PageKind.FREELIST_TRUNK) {
            FreelistTrunk t = map.freelist().trunks().stream().filter(x -> x.page() == pgno).findFirst().orElse(null);
            for (Problem p : map.freelist().problems()) {
                if (p.span().page() == pgno) {
                    problems.add(p);
                }
            }
            if (t != null) {
                return new PageInspection(db, pgno, data, kind, owner, null, List.of(), null, t, null,
                        PageLayout.ofFreelistTrunk(t, ps, usable), List.copyOf(problems));
            }
        }
        if (kind == PageKind.PTRMAP) {
            PtrmapPage pm = PointerMap.decode(data, pgno, usable, db.pageCount());
            problems.addAll(pm.problems());
            return new PageInspection(db, pgno, data, kind, owner, null, List.of(), null, null, pm,
                    PageLayout.ofPtrmap(pm, ps, usable), List.copyOf(problems));
        }
        String label = switch (kind) {
            case FREELIST_LEAF -> "freelist leaf: content unused";
            case LOCK_BYTE -> "lock-byte page: never used";
            case ORPHAN -> "orphan: no tree, freelist or pointer map refers to this page";
            default -> kind.label();
        };
        return new PageInspection(db, pgno, data, kind, owner, null, List.of(), null, null, null,
                PageLayout.ofUnused(pgno, ps, usable, label), List.copyOf(problems));
    }

    /** "table-leaf of table books" and the like. */
    String description() {
        String k = btree != null && kind == PageKind.ORPHAN ? "orphan (decoded as " + btree.type().label() + ")"
                : kind.label();
        return owner == null ? k : k + " of " + owner.type() + " " + owner.name();
    }
}
