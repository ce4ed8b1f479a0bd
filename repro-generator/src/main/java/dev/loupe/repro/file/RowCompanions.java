package dev.loupe.repro.file;

import dev.loupe.format.SchemaEntry;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.PageType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a rowid table and its indexes agreeing while rows are removed: an edit that takes rows out of one of
 * these trees (cells of a table leaf, entries of an index, whole subtrees) is followed by taking the same rowids
 * out of the others, so the reduced file does not gain "row missing from index" or "wrong # of entries" findings
 * (integrity_check's index cross-check) that the original did not have. An index entry stored in an interior cell
 * is replaced by its predecessor ({@link Predecessor}); only where that cannot be done does it go with its left
 * subtree, whose rows then go everywhere too, round after round until nothing changes. Leaves left empty are
 * folded away ({@link EmptyLeaves}).
 */
final class RowCompanions {
    /** A bound on the rounds of "entries went with a subtree, so their rows go too" (each one loses rows). */
    private static final int MAX_ROUNDS = 64;

    private RowCompanions() {
    }

    /**
     * {@code after}, the result of editing page {@code page} of {@code before}, with the rows it lost removed from
     * the other trees of the same table, then the leaves this left empty folded away ({@link EmptyLeaves}); null
     * when {@code after} is null or leaves a tree with more empty leaves than it had.
     */
    static DbImage follow(DbImage before, Layout layout, long page, DbImage after) {
        if (after == null) {
            return null;
        }
        Long root = layout.rootOf.get(page);
        if (root == null) {
            return after;
        }
        List<Long> group = group(layout, before, root);
        DbImage out = after;
        if (group.size() >= 2) {
            out = removeEverywhere(before, page, after, group);
        }
        for (long tree : group.isEmpty() ? List.of(root) : group) {
            out = EmptyLeaves.fold(out, tree);
            if (EmptyLeaves.count(out, tree) > EmptyLeaves.count(before, tree)) {
                return null; // an empty leaf that could not be folded: damage of the reducer's own making
            }
        }
        return out;
    }

    private static DbImage removeEverywhere(DbImage before, long page, DbImage after, List<Long> group) {
        Set<Long> gone = new TreeRows(before).under(page);
        gone.removeAll(new TreeRows(after).under(page));
        DbImage out = after;
        // until a round changes nothing: a root that took its only child's content is looked at again
        for (int round = 0; round < MAX_ROUNDS && !gone.isEmpty(); round++) {
            Set<Long> more = new HashSet<>();
            DbImage start = out;
            for (long tree : group) {
                out = removeRows(out, tree, gone, more);
            }
            gone.addAll(more);
            if (out == start) {
                break;
            }
        }
        return out;
    }

    /**
     * The roots of the trees holding the rows of the table that tree {@code root} belongs to: the table's own
     * tree and those of its indexes. Empty when the tree is no table's or index's, or the table is WITHOUT ROWID
     * (its indexes end with the primary key, not a rowid).
     */
    static List<Long> group(Layout layout, DbImage img, long root) {
        String table = null;
        for (SchemaEntry e : layout.schema) {
            if (e.row().rootPage() == root && e.row().type() != null) {
                table = "table".equalsIgnoreCase(e.row().type()) ? e.row().name() : e.row().tblName();
                break;
            }
        }
        if (table == null) {
            return List.of();
        }
        Set<Long> out = new LinkedHashSet<>();
        for (SchemaEntry e : layout.schema) {
            if ("table".equalsIgnoreCase(e.row().type()) && table.equalsIgnoreCase(e.row().name())) {
                if (!isTableTree(img, e.row().rootPage())) {
                    return List.of();
                }
                out.add(e.row().rootPage());
            }
        }
        if (out.isEmpty()) {
            return List.of();
        }
        for (SchemaEntry e : layout.schema) {
            long r = e.row().rootPage();
            if ("index".equalsIgnoreCase(e.row().type()) && table.equalsIgnoreCase(e.row().tblName())
                    && img.hasPage(r) && r != 1) {
                out.add(r);
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean isTableTree(DbImage img, long root) {
        if (!img.hasPage(root) || root == 1) {
            return false;
        }
        PageType t = PageType.ofFlag(img.bytes()[img.start(root)] & 0xff);
        return t != null && t.isTable();
    }

    /**
     * Tree {@code root} without the cells standing for {@code rowids}. Leaf cells are removed first. An index
     * entry in an interior cell is then replaced by its predecessor, the last entry of the rightmost leaf of its
     * left subtree, which leaves that leaf (as a b-tree delete does): the keys stay in order and no other row is
     * lost. Only when that leaf is empty or a page would overflow does the entry go with its left subtree, whose
     * rows are added to {@code more}. Pages that do not decode cleanly are left as they are.
     */
    private static DbImage removeRows(DbImage img, long root, Set<Long> rowids, Set<Long> more) {
        TreeRows rows = new TreeRows(img);
        List<BTreePage> pages = rows.pages(root);
        DbImage out = img;
        List<Long> interior = new ArrayList<>();
        for (BTreePage page : pages) {
            if (!page.type().isLeaf()) {
                interior.add(page.number());
                continue;
            }
            Set<Integer> drop = matching(rows, page, rowids);
            if (!drop.isEmpty()) {
                DbImage edited = Edits.removeCells(out, page.number(), drop);
                out = edited == null ? out : edited;
            }
        }
        // deepest first, so that a predecessor is taken from a leaf already rid of the rows
        for (int k = interior.size() - 1; k >= 0; k--) {
            long pgno = interior.get(k);
            for (int guard = 0; guard <= img.pageSize() / 4; guard++) {
                TreeRows now = new TreeRows(out);
                BTreePage page = Edits.cleanPage(out, pgno);
                if (page == null) {
                    break;
                }
                Set<Integer> drop = matching(now, page, rowids);
                if (drop.isEmpty()) {
                    break;
                }
                int i = drop.iterator().next();
                DbImage edited = Predecessor.replace(out, page, i);
                if (edited == null) {
                    Set<Long> held = now.under(pgno);
                    edited = Edits.removeChildren(out, pgno, Set.of(i), pgno == root);
                    if (edited == null) {
                        break;
                    }
                    held.removeAll(new TreeRows(edited).under(pgno));
                    more.addAll(held);
                }
                out = edited;
            }
        }
        return out;
    }

    private static Set<Integer> matching(TreeRows rows, BTreePage page, Set<Long> rowids) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < page.cellCount(); i++) {
            Long r = rows.rowid(page, page.cell(i));
            if (r != null && rowids.contains(r)) {
                out.add(i);
            }
        }
        return out;
    }
}
