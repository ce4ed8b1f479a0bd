package dev.loupe.cli;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.header.HeaderField;
import dev.loupe.format.layout.CellLayout;
import dev.loupe.format.layout.PageHeaderField;
import dev.loupe.format.layout.ValueText;
import dev.loupe.format.ptrmap.PtrmapEntry;
import dev.loupe.format.record.Value;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The text form of {@code loupe page}: readable at 100 columns. */
final class PageText {

    /** Width of the record summary column, so that a cell line fits in 100 columns. */
    private static final int SUMMARY_WIDTH = 32;

    private PageText() {
    }

    static void print(PrintWriter out, PageInspection p, Style style) {
        out.println(style.heading(String.format("Page %d of %s: %s", p.page(), p.db().name(), p.description())));
        out.printf("  %d bytes, usable %d, file offset %d%n", p.db().pageSize(), p.db().usableSize(),
                (p.page() - 1) * p.db().pageSize());
        out.println();
        if (p.btree() != null) {
            btree(out, p, style);
        } else if (p.overflow() != null) {
            var o = p.overflow();
            out.println(style.heading(String.format("Overflow page %d of %d of cell %d on page %d (payload of %d"
                    + " bytes)", o.position(), o.chainLength(), o.cellIndex(), o.cellPage(), o.declaredSize())));
            out.printf("  next page     %d%n", dev.loupe.format.BigEndian.u32(p.data(), 0));
            out.printf("  data          %d payload bytes at 4..%d (payload offsets %d..%d)%n", o.length(),
                    3 + o.length(), o.payloadOffset(), o.payloadOffset() + o.length() - 1);
            out.println();
        } else if (p.trunk() != null) {
            var t = p.trunk();
            out.printf("%s%n  next trunk    %d%n  leaf count    %d%n", style.heading("Freelist trunk"), t.nextTrunk(),
                    t.leafCount());
            long[] leaves = t.leaves();
            for (int i = 0; i < leaves.length; i += 10) {
                StringBuilder sb = new StringBuilder(i == 0 ? "  leaves       " : "               ");
                for (int k = i; k < Math.min(leaves.length, i + 10); k++) {
                    sb.append(String.format(" %7d", leaves[k]));
                }
                out.println(sb);
            }
            out.println();
        } else if (p.ptrmap() != null) {
            out.println(style.heading(String.format("Pointer-map entries (%d)", p.ptrmap().entries().size())));
            out.printf("  %8s %6s  %-5s %-10s %8s%n", "page", "offset", "type", "", "parent");
            for (PtrmapEntry e : p.ptrmap().entries()) {
                out.printf("  %8d %6d  %-5d %-10s %8d%n", e.page(), e.span().offset(), e.rawType(),
                        e.type().map(Enum::name).orElse("invalid"), e.parent());
            }
            out.println();
        }
        ProblemText.print(out, p.problems(), style);
    }

    private static void btree(PrintWriter out, PageInspection p, Style style) {
        BTreePage page = p.btree();
        if (p.page() == 1) {
            out.println(style.heading("Database header (bytes 0..99; loupe header for raw bytes and meanings)"));
            for (HeaderField f : p.db().header().fields()) {
                out.printf("  %6d %4d  %-27s %12d%n", f.span().offset(), f.span().length(), f.name(), f.raw());
            }
            out.println();
        }
        out.println(style.heading(String.format("B-tree page header (bytes %d..%d)", page.header().offset(),
                page.header().offset() + page.header().size() - 1)));
        out.printf("  %6s %4s  %-20s %8s  %s%n", "offset", "size", "field", "value", "meaning");
        for (PageHeaderField f : PageHeaderField.of(page)) {
            out.printf("  %6d %4d  %-20s %8d  %s%n", f.span().offset(), f.span().length(), f.name(), f.value(),
                    f.meaning());
        }
        out.println();
        int n = page.cellCount();
        int arrayStart = page.header().cellPointerArrayOffset();
        out.println(style.heading(String.format("Cell pointer array (bytes %d..%d, %d entries)", arrayStart,
                arrayStart + 2 * n - 1, n)));
        for (int i = 0; i < n; i += 8) {
            StringBuilder sb = new StringBuilder(" ");
            for (int k = i; k < Math.min(n, i + 8); k++) {
                sb.append(String.format(" %4s %-5d", "[" + k + "]", page.cellPointer(k)));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println();
        out.println(style.heading("Cells"));
        out.printf("  %4s %6s %5s %8s %12s %7s %6s %8s  %s%n", "cell", "offset", "size", "child", "rowid",
                "payload", "local", "ovfl pg", "record");
        int next = 0;
        for (CellLayout cl : p.cells()) {
            for (; next < cl.cell().index(); next++) {
                out.println(style.error(String.format("  %4d %6d  (pointer out of range: not decoded)", next,
                        page.cellPointer(next))));
            }
            next = cl.cell().index() + 1;
            out.println(cl.problems().isEmpty() ? cellLine(cl) : style.error(cellLine(cl)));
        }
        for (; next < n; next++) {
            out.println(style.error(String.format("  %4d %6d  (pointer out of range: not decoded)", next,
                    page.cellPointer(next))));
        }
        out.println();
        List<Freeblock> fbs = page.freeblocks();
        if (fbs.isEmpty()) {
            out.println(style.heading("Freeblocks") + "   none");
        } else {
            out.printf("%s   %d, %d bytes%n", style.heading("Freeblocks"), fbs.size(),
                    fbs.stream().mapToInt(Freeblock::size).sum());
            for (Freeblock f : fbs) {
                out.printf("  @%-6d size %-6d next %d%n", f.offset(), f.size(), f.next());
            }
        }
        out.printf("%s    %d bytes (header)%n", style.heading("Fragments"), page.header().fragmentedFreeBytes());
        var u = page.unallocatedSpan();
        out.printf("%s  %s%n", style.heading("Unallocated"), u.length() == 0 ? "none"
                : u.offset() + ".." + (u.end() - 1) + " (" + u.length() + " bytes)");
        var r = page.reservedSpan();
        out.printf("%s     %s%n", style.heading("Reserved"), r.length() == 0 ? "none"
                : r.offset() + ".." + (r.end() - 1) + " (" + r.length() + " bytes)");
        out.println();
    }

    private static String cellLine(CellLayout cl) {
        Cell c = cl.cell();
        String child = c instanceof InteriorCell ic ? Long.toString(ic.leftChild()) : "-";
        String rowid = c instanceof TableLeafCell t ? Long.toString(t.rowid())
                : c instanceof TableInteriorCell t ? Long.toString(t.rowid()) : "-";
        String payload = "-";
        String local = "-";
        String ovfl = "-";
        if (c instanceof PayloadCell pc) {
            LocalPayload lp = pc.payload();
            payload = Long.toString(lp.declaredSize());
            local = Integer.toString(lp.localSize());
            ovfl = lp.overflows() ? Long.toString(lp.firstOverflow()) : "-";
        }
        return String.format("  %4d %6d %5d %8s %12s %7s %6s %8s  %s%s", c.index(), c.offset(), c.size(), child,
                rowid, payload, local, ovfl, summary(cl), cl.problems().isEmpty() ? "" : "  !");
    }

    /** The record's values as one line: (1, 'abc', NULL), cut to fit. */
    static String summary(CellLayout cl) {
        if (cl.record() == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Value v : cl.record().values()) {
            parts.add(ValueText.brief(v, SUMMARY_WIDTH));
        }
        String s = "(" + String.join(", ", parts) + ")";
        return s.length() <= SUMMARY_WIDTH ? s : s.substring(0, SUMMARY_WIDTH - 4) + "...)";
    }
}
