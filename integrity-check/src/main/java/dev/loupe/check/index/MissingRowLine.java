package dev.loupe.check.index;

import dev.loupe.check.Finding;

/**
 * SQLite's line for a row that has no entry in an index, "row N missing from index I" (N the row's place in the
 * table's scan, counted from 1): written here, and read back here to put an index's findings in the order
 * integrity_check prints them, row by row, whichever pass of Loupe's found the row.
 */
final class MissingRowLine {

    private static final String MIDDLE = " missing from index ";

    private MissingRowLine() {
    }

    static String of(long position, String index) {
        return "row " + position + MIDDLE + index;
    }

    /** N of a finding whose SQLite line is that line, or -1 (no such line, or one Loupe did not write). */
    static long position(Finding f) {
        String s = f.sqlite();
        if (s == null || !s.startsWith("row ")) {
            return -1;
        }
        int end = s.indexOf(MIDDLE, 4);
        if (end < 5 || end > 24) {
            return -1;
        }
        long n = 0;
        for (int i = 4; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
