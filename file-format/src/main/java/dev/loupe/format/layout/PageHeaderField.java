package dev.loupe.format.layout;

import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreePageHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of a b-tree page header (fileformat2 §1.6, b-tree page header format) with its bytes and value.
 *
 * @param name    the field's name as fileformat2 describes it, in camelCase
 * @param span    its bytes
 * @param value   the value as stored (cellContentStart: the stored u16, where 0 means 65536)
 * @param meaning a short explanation
 */
public record PageHeaderField(String name, Span span, long value, String meaning) {

    /** The header's fields in byte order: 5 on leaf pages, 6 on interior pages (with the right child). */
    public static List<PageHeaderField> of(BTreePage page) {
        BTreePageHeader h = page.header();
        long p = page.number();
        int o = h.offset();
        List<PageHeaderField> out = new ArrayList<>(6);
        out.add(new PageHeaderField("pageType", Span.inPage(p, o, 1), h.rawType(),
                h.type() == null ? "not a b-tree page type" : h.type().label()));
        out.add(new PageHeaderField("firstFreeblock", Span.inPage(p, o + 1, 2), h.firstFreeblock(),
                h.firstFreeblock() == 0 ? "no freeblocks" : "first freeblock at offset " + h.firstFreeblock()));
        out.add(new PageHeaderField("cellCount", Span.inPage(p, o + 3, 2), h.cellCount(), h.cellCount() + " cells"));
        out.add(new PageHeaderField("cellContentStart", Span.inPage(p, o + 5, 2), h.rawCellContentStart(),
                "cell content area starts at " + h.cellContentStart()
                        + (h.rawCellContentStart() == 0 ? " (0 means 65536)" : "")));
        out.add(new PageHeaderField("fragmentedFreeBytes", Span.inPage(p, o + 7, 1), h.fragmentedFreeBytes(),
                h.fragmentedFreeBytes() + " bytes in fragments"));
        if (h.type() != null && !h.type().isLeaf()) {
            out.add(new PageHeaderField("rightChild", page.rightChildSpan(), h.rightChild(),
                    "right-most child page " + h.rightChild()));
        }
        return List.copyOf(out);
    }
}
