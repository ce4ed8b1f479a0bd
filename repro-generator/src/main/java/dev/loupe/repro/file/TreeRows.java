package dev.loupe.repro.file;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.MemoryPageSource;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows a b-tree holds, by rowid (fileformat2 §1.6): the keys of a table tree's leaf cells, and the rowid that
 * ends every entry of an index on a rowid table (fileformat2 §2.2, "index format": the key columns, then the
 * rowid). Subtrees are walked with a visited set, so loops and pointers out of the file are not followed.
 */
final class TreeRows {
    private final DbImage img;
    private final PayloadReader payloads;
    private final RecordDecoder records = new RecordDecoder(TextEncoding.UTF8, false);

    TreeRows(DbImage img) {
        this.img = img;
        this.payloads = new PayloadReader(new MemoryPageSource(img.bytes(), img.pageSize(), "candidate"),
                img.usableSize());
    }

    /** The b-tree pages of the subtree under {@code pgno}, parents before children. */
    List<BTreePage> pages(long pgno) {
        List<BTreePage> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(pgno);
        while (!todo.isEmpty()) {
            long p = todo.poll();
            if (!img.hasPage(p) || !seen.add(p)) {
                continue;
            }
            BTreePage page = BTreePage.decode(p, img.page(p), img.usableSize());
            if (page.type() == null) {
                continue;
            }
            out.add(page);
            if (!page.type().isLeaf()) {
                for (int i = 0; i <= page.cellCount(); i++) {
                    todo.add(page.child(i));
                }
            }
        }
        return out;
    }

    /** Rowids of every row or index entry under {@code pgno}. */
    Set<Long> under(long pgno) {
        Set<Long> out = new HashSet<>();
        for (BTreePage page : pages(pgno)) {
            for (int i = 0; i < page.cellCount(); i++) {
                Long r = rowid(page, page.cell(i));
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * The rowid a cell stands for, or null when it stands for none (a table interior cell's divider key) or its
     * record cannot be read to an integer last column.
     */
    Long rowid(BTreePage page, Cell c) {
        if (c instanceof TableLeafCell t) {
            return t.rowid();
        }
        if (!(c instanceof PayloadCell pc)) {
            return null;
        }
        try {
            Payload p = payloads.read(page.data(), pc.payload());
            if (!p.complete()) {
                return null;
            }
            Record r = records.decode(p);
            List<Field> fields = r.fields();
            if (fields.isEmpty()) {
                return null;
            }
            return fields.get(fields.size() - 1).value() instanceof IntegerValue v ? v.value() : null;
        } catch (IOException e) {
            return null; // an unreadable entry names no row
        }
    }
}
