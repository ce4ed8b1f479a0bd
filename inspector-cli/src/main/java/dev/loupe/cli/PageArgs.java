package dev.loupe.cli;

import dev.loupe.format.Database;

/** Checks page numbers and cell indexes a user typed, with one-line errors (exit code 2). */
final class PageArgs {

    private PageArgs() {
    }

    /** {@code page} must be 1..page count of the database as viewed (WAL applied or not). */
    static long requirePage(Database db, long page) {
        if (page < 1 || page > db.pageCount()) {
            throw new UserError(ExitCode.USAGE, "page " + page + " is out of range: " + db.name() + " has pages 1.."
                    + db.pageCount());
        }
        return page;
    }

    /** {@code index} must be 0..cellCount-1 on page {@code page}. */
    static int requireCell(long page, int cellCount, int index) {
        if (index < 0 || index >= cellCount) {
            throw new UserError(ExitCode.USAGE, "cell " + index + " is out of range: page " + page + " has "
                    + (cellCount == 0 ? "no cells" : "cells 0.." + (cellCount - 1)));
        }
        return index;
    }
}
