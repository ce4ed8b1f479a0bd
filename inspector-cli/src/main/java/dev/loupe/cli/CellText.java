package dev.loupe.cli;

import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.layout.ValueText;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.SerialType;

import java.io.IOException;
import java.io.PrintWriter;

/** The text form of {@code loupe cell}. */
final class CellText {

    /** Width of a value literal in the values table. */
    private static final int VALUE_WIDTH = 48;

    private CellText() {
    }

    static void print(PrintWriter out, CellInspection ci) throws IOException {
        Cell c = ci.cell();
        out.printf("Cell %d of page %d (%s) in %s: offset %d, %d bytes on the page%n", c.index(), c.page(),
                ci.page().type().label(), ci.db().name(), c.offset(), c.size());
        out.println();
        out.printf("  %-18s %-14s %-27s %s%n", "field", "at", "bytes", "value");
        for (CellInspection.CellField f : ci.fields()) {
            out.printf("  %-18s %-14s %-27s %d%n", f.name(), SpanBytes.at(f.span()),
                    HexText.spaced(f.bytes(), 0, f.bytes().length), f.value());
        }
        out.println();
        Payload p = ci.layout().payload();
        Record r = ci.layout().record();
        if (p != null && c instanceof PayloadCell pc) {
            long declared = pc.payload().declaredSize();
            int local = pc.payload().localSize();
            out.printf("Payload  %d bytes: %d on page %d (%s), %d on %d overflow page%s%s%n", declared, local,
                    c.page(), SpanBytes.at(pc.payload().localSpan()), declared - local, p.overflowPages().length,
                    p.overflowPages().length == 1 ? "" : "s", p.complete() ? "" : "; only " + p.length() + " read");
            out.println();
        }
        if (r != null) {
            out.printf("Record header  %d bytes%n", r.headerSize());
            out.printf("  %-8s %8s  %-14s %-11s %-12s %s%n", "column", "payload@", "at", "bytes", "serial type",
                    "meaning");
            out.printf("  %-8s %8d  %-14s %-11s %-12d %s%n", "(size)", 0, CellParts.at(p.spans(0,
                    r.headerSizeLength())), HexText.spaced(CellParts.headerSizeBytes(p, r), 0,
                    r.headerSizeLength()), r.headerSize(), "header size");
            for (Field f : r.fields()) {
                byte[] tb = CellParts.typeBytes(p, f);
                out.printf("  %-8d %8d  %-14s %-11s %-12d %s%n", f.index(), f.typeOffset(),
                        CellParts.at(p.spans(f.typeOffset(), f.typeLength())), HexText.spaced(tb, 0, tb.length),
                        f.serialType(), SerialType.describe(f.serialType()));
            }
            out.println();
            out.println("Values");
            out.printf("  %-6s %8s %6s  %-22s %s%n", "column", "payload@", "length", "at", "value");
            for (Field f : r.fields()) {
                out.printf("  %-6d %8d %6d  %-22s %s%n", f.index(), f.bodyOffset(), f.bodyLength(),
                        CellParts.at(p.spans(f.bodyOffset(), (int) Math.min(Integer.MAX_VALUE, f.bodyLength()))),
                        ValueText.brief(f.value(), VALUE_WIDTH));
            }
            out.println();
        }
        if (p != null && p.overflowPages().length > 0) {
            var chain = CellParts.chain(p, ci.db().pages());
            out.printf("Overflow chain  %d page%s%n", chain.size(), chain.size() == 1 ? "" : "s");
            out.printf("  %4s %8s %8s %8s  %s%n", "#", "page", "next", "bytes", "payload offsets");
            for (int i = 0; i < chain.size(); i++) {
                var s = chain.get(i);
                out.printf("  %4d %8d %8d %8d  %d..%d%n", i + 1, s.page(), s.next(), s.length(), s.payloadOffset(),
                        s.payloadOffset() + s.length() - 1);
            }
            out.println();
        }
        ProblemText.print(out, ci.problems());
    }
}
