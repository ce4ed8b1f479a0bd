package dev.loupe.cli;

import dev.loupe.format.layout.PageLayout;
import dev.loupe.format.layout.Region;

import java.io.PrintWriter;

/**
 * {@code loupe page --hex}: the page's bytes region by region, up to 16 bytes a line, each region labelled with the
 * field its decoded span says it is. Within a region, full lines of zeros after the first are folded into one
 * "*" line that gives their byte count.
 */
final class AnnotatedHex {

    private static final int PER_LINE = 16;

    private AnnotatedHex() {
    }

    static void print(PrintWriter out, PageLayout layout, byte[] page, Style style) {
        out.println(style.heading("Annotated hex (offsets in the page; '*' = more zero bytes of the same field)"));
        out.printf("%6s  %-39s  %-16s  %s%n", "offset", "bytes", "ascii", "field");
        for (Region r : layout.regions()) {
            int start = (int) Math.min(r.span().offset(), page.length);
            int end = (int) Math.min(r.span().end(), page.length);
            int folded = 0;
            boolean first = true;
            for (int at = start; at < end; at += PER_LINE) {
                int n = Math.min(PER_LINE, end - at);
                if (!first && n == PER_LINE && HexText.allZero(page, at, n)
                        && HexText.allZero(page, at - PER_LINE, PER_LINE)) {
                    folded += n;
                    continue;
                }
                if (folded > 0) {
                    out.printf("%s  %d zero bytes%n", style.dim(String.format("%6s", "*")), folded);
                    folded = 0;
                }
                String line = String.format("%s  %-39s  %-16s  %s", style.dim(String.format("%6d", at)),
                        HexText.paired(page, at, n), HexText.ascii(page, at, n), first ? style.label(r.label()) : "");
                out.println(line);
                first = false;
            }
            if (folded > 0) {
                out.printf("%s  %d zero bytes%n", style.dim(String.format("%6s", "*")), folded);
            }
        }
        out.println();
    }
}
