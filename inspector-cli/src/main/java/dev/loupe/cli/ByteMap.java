package dev.loupe.cli;

import dev.loupe.format.layout.PageLayout;
import dev.loupe.format.layout.Region;
import dev.loupe.format.layout.RegionKind;

import java.io.PrintWriter;

/**
 * {@code loupe page --map}: the page as 64 characters a line, one character per group of bytes (1 byte on pages of
 * 512 and 1024 bytes, then pageSize/1024 bytes so that a page takes at most 16 lines), like showdb's {@code bm}. A
 * group shows the kind of region covering most of its bytes; a cell shows its index's last digit; a byte claimed by
 * two regions (a damaged page) makes its group '!'.
 */
final class ByteMap {

    private static final int COLUMNS = 64;

    private ByteMap() {
    }

    static int bytesPerChar(int pageSize) {
        return Math.max(1, pageSize / 1024);
    }

    /** The map's characters, one per byte group, without line breaks (for tests and JSON). */
    static String chars(PageLayout layout) {
        int size = layout.pageSize();
        char[] byByte = new char[size];
        int[] claims = new int[size];
        java.util.Arrays.fill(byByte, ' ');
        for (Region r : layout.regions()) {
            char c = r.kind() == RegionKind.CELL ? (char) ('0' + Math.floorMod(r.cell(), 10)) : r.kind().mapChar();
            int end = (int) Math.min(r.span().end(), size);
            for (int i = (int) r.span().offset(); i < end; i++) {
                byByte[i] = c;
                claims[i]++;
            }
        }
        int group = bytesPerChar(size);
        StringBuilder sb = new StringBuilder(size / group);
        for (int g = 0; g < size; g += group) {
            sb.append(majority(byByte, claims, g, Math.min(size, g + group)));
        }
        return sb.toString();
    }

    private static char majority(char[] byByte, int[] claims, int from, int to) {
        int[] counts = new int[128];
        char best = byByte[from];
        for (int i = from; i < to; i++) {
            if (claims[i] > 1) {
                return '!';
            }
            char c = byByte[i];
            if (c < 128 && ++counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }

    static void print(PrintWriter out, PageLayout layout, Style style) {
        String chars = chars(layout);
        int group = bytesPerChar(layout.pageSize());
        out.println(style.heading(String.format("Byte map (%d byte%s per character)", group, group == 1 ? "" : "s")));
        for (int i = 0; i < chars.length(); i += COLUMNS) {
            out.printf("%s  %s%n", style.dim(String.format("%6d", (long) i * group)),
                    coloured(chars.substring(i, Math.min(chars.length(), i + COLUMNS)), style));
        }
        out.println("  " + key('D', "D", style) + " database header  " + key('H', "H", style) + " page header  "
                + key('P', "P", style) + " cell pointers  " + key('0', "0-9", style) + " cells (index mod 10)  "
                + key('F', "F", style) + " freeblock");
        out.println("  " + key('f', "f", style) + " fragment  " + key('.', ".", style) + " unallocated  "
                + key('R', "R", style) + " reserved  " + key('N', "N", style) + "/" + key('O', "O", style)
                + " overflow next/data  " + key('T', "T", style) + " freelist trunk");
        out.println("  " + key('M', "M", style) + " pointer-map entry  " + key('_', "_", style) + " unused  "
                + key('!', "!", style) + " bytes claimed twice");
        out.println();
    }

    /** A legend key in the colour its region has in the map. */
    private static String key(char mapChar, String text, Style style) {
        return style.region(mapChar, text);
    }

    /** One map line with each run of equal characters in its region's colour. */
    private static String coloured(String line, Style style) {
        if (!style.enabled()) {
            return line;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int j = i + 1;
            while (j < line.length() && line.charAt(j) == line.charAt(i)) {
                j++;
            }
            sb.append(style.region(line.charAt(i), line.substring(i, j)));
            i = j;
        }
        return sb.toString();
    }
}
