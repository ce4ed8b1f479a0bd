package dev.loupe.repro.file;

import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.IndexInteriorCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.TableLeafCell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A b-tree rebuilt as two levels with its leaves packed full: the entries, in key order, fill as few leaves as
 * they need, and the root becomes an interior page over them (fileformat2 §1.6). In a table tree a divider is the
 * last rowid of the leaf on its left; in an index tree the divider is itself the entry that follows the leaf, as
 * in SQLite's own trees. Leaves are written on the tree's existing pages, the others become unreferenced. For
 * trees whose rows must all stay (an index on a damaged page keeps naming them) but are spread thinly over many
 * leaves. Not in auto-vacuum files, whose pointer map would have to follow every moved page.
 */
final class Repack {
    private Repack() {
    }

    /** Tree {@code root} repacked, or null when it is unclean, mixed, already packed or would not fit 2 levels. */
    static DbImage root(DbImage img, long root) {
        BTreePage top = Edits.cleanPage(img, root);
        if (img.autoVacuum() || top == null || top.type().isLeaf() || root == 1) {
            return null;
        }
        boolean table = top.type().isTable();
        List<byte[]> entries = new ArrayList<>();
        List<Long> rowids = new ArrayList<>();
        List<Long> leaves = new ArrayList<>();
        List<Long> interior = new ArrayList<>();
        if (!collect(img, root, table, new HashSet<>(), entries, rowids, leaves, interior)) {
            return null;
        }
        int room = top.usableSize() - 8; // a non-root leaf: 8-byte header, cells and their 2-byte pointers
        List<List<byte[]>> packed = new ArrayList<>();
        List<byte[]> dividers = new ArrayList<>();
        List<byte[]> leaf = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < entries.size(); i++) {
            byte[] e = entries.get(i);
            if (used + e.length + 2 <= room) {
                leaf.add(e);
                used += e.length + 2;
                continue;
            }
            if (leaf.isEmpty()) {
                return null; // an entry larger than a page: not a well-formed cell
            }
            packed.add(leaf);
            if (table) {
                dividers.add(tableDivider(rowids.get(i - 1)));
                leaf = new ArrayList<>(List.of(e));
                used = e.length + 2;
            } else {
                dividers.add(e); // this entry goes up between the full leaf and the next
                leaf = new ArrayList<>();
                used = 0;
            }
        }
        if (leaf.isEmpty()) {
            return null;
        }
        packed.add(leaf);
        List<Long> pages = new ArrayList<>(leaves);
        pages.addAll(interior);
        pages.remove(root);
        if (packed.size() < 2 || packed.size() >= leaves.size() || packed.size() > pages.size()) {
            return null;
        }
        List<byte[]> rootCells = new ArrayList<>();
        for (int i = 0; i < dividers.size(); i++) {
            byte[] d = dividers.get(i);
            byte[] cell = new byte[4 + d.length];
            put32(cell, pages.get(i));
            System.arraycopy(d, 0, cell, 4, d.length);
            rootCells.add(cell);
        }
        byte[] rootData = PageBuilder.build(top, top.type().flag(), rootCells, pages.get(packed.size() - 1));
        if (rootData == null) {
            return null;
        }
        DbImage out = img.copy();
        out.setPage(root, rootData);
        int leafFlag = table ? PageType.TABLE_LEAF.flag() : PageType.INDEX_LEAF.flag();
        for (int i = 0; i < packed.size(); i++) {
            long p = pages.get(i);
            BTreePage blank = BTreePage.decode(p, blankPage(img, p), img.usableSize());
            byte[] data = PageBuilder.build(blank, leafFlag, packed.get(i), 0);
            if (data == null) {
                return null;
            }
            out.setPage(p, data);
        }
        return out;
    }

    /** Entries under {@code pgno} in key order, with the tree's pages; false when unclean, mixed or looping. */
    private static boolean collect(DbImage img, long pgno, boolean table, Set<Long> seen, List<byte[]> entries,
                                   List<Long> rowids, List<Long> leaves, List<Long> interior) {
        if (!seen.add(pgno) || seen.size() > img.pageCount()) {
            return false;
        }
        BTreePage page = Edits.cleanPage(img, pgno);
        if (page == null || page.type().isTable() != table) {
            return false;
        }
        (page.type().isLeaf() ? leaves : interior).add(pgno);
        for (int i = 0; i < page.cellCount(); i++) {
            Cell c = page.cell(i);
            if (!page.type().isLeaf()
                    && !collect(img, page.child(i), table, seen, entries, rowids, leaves, interior)) {
                return false;
            }
            if (page.type().isLeaf()) {
                entries.add(PageBuilder.cellBytes(page, c));
                rowids.add(c instanceof TableLeafCell t ? t.rowid() : 0L);
            } else if (c instanceof IndexInteriorCell) {
                byte[] b = PageBuilder.cellBytes(page, c);
                entries.add(Arrays.copyOfRange(b, 4, b.length));
                rowids.add(0L);
            }
        }
        return page.type().isLeaf()
                || collect(img, page.header().rightChild(), table, seen, entries, rowids, leaves, interior);
    }

    /** A table interior cell's key part: the rowid varint (the 4-byte left child is put before it). */
    private static byte[] tableDivider(long rowid) {
        byte[] v = new byte[9];
        return Arrays.copyOf(v, Varint.write(rowid, v, 0));
    }

    /** Page {@code p} with its b-tree area zeroed (bytes before it and the reserved bytes kept). */
    private static byte[] blankPage(DbImage img, long p) {
        byte[] data = img.page(p);
        Arrays.fill(data, BTreePage.headerOffset(p), img.usableSize(), (byte) 0);
        data[BTreePage.headerOffset(p)] = (byte) PageType.TABLE_LEAF.flag();
        return data;
    }

    private static void put32(byte[] b, long v) {
        b[0] = (byte) (v >>> 24);
        b[1] = (byte) (v >>> 16);
        b[2] = (byte) (v >>> 8);
        b[3] = (byte) v;
    }
}
