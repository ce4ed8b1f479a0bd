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

    static void print(PrintWriter out, PageLayout layout) {
        String chars = chars(layout);
        int group = bytesPerChar(layout.pageSize());
        out.printf("Byte map (%d byte%s per character)%n", group, group == 1 ? "" : "s");
        for (int i = 0; i < chars.length(); i += COLUMNS) {
            out.printf("%6d  %s%n", (long) i * group, chars.substring(i, Math.min(chars.length(), i + COLUMNS)));
        }
        out.println("  D database header  H page header  P cell pointers  0-9 cells (index mod 10)  F freeblock");
        out.println("  f fragment  . unallocated  R reserved  N/O overflow next/data  T freelist trunk");
        out.println("  M pointer-map entry  _ unused  ! bytes claimed twice");
        out.println();
    }
}
