package dev.loupe.cli;

/** Fitting names into fixed-width text columns. */
final class TextCells {

    private TextCells() {
    }

    /** {@code s} itself when it fits in {@code width} characters, else its start and "…" in exactly that width. */
    static String fit(String s, int width) {
        if (s == null) {
            return "-";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
