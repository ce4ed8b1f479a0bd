package dev.loupe.gui;

/** "1 problem", "3 problems": counts in the window's text. */
final class Plural {

    private Plural() {
    }

    static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
