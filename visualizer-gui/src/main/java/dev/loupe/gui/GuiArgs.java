package dev.loupe.gui;

import java.nio.file.Path;

/**
 * The command line of the visualizer, as {@code loupe gui} passes it on:
 * {@code [FILE] [--view tree:NAME|pages|page:N] [--snapshot OUT.png]}.
 */
record GuiArgs(Path file, String view, Path snapshot) {

    static final String USAGE = "usage: loupe gui [FILE] [--view tree:NAME|pages|page:N] [--snapshot OUT.png]";

    static GuiArgs parse(String... args) {
        Path file = null;
        String view = null;
        Path snapshot = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--view") || a.equals("--snapshot")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                if (a.equals("--view")) {
                    view = checkView(v);
                } else {
                    snapshot = Path.of(v);
                }
            } else if (a.startsWith("--view=")) {
                view = checkView(a.substring(7));
            } else if (a.startsWith("--snapshot=")) {
                snapshot = Path.of(a.substring(11));
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else if (file == null) {
                file = Path.of(a);
            } else {
                throw new IllegalArgumentException("one file at a time (got " + file + " and " + a + ")");
            }
        }
        if (snapshot != null && file == null) {
            throw new IllegalArgumentException("--snapshot needs a FILE");
        }
        return new GuiArgs(file, view, snapshot);
    }

    private static String checkView(String v) {
        if (v.equals("pages") || (v.startsWith("tree:") && v.length() > 5)) {
            return v;
        }
        if (v.startsWith("page:")) {
            try {
                if (Long.parseLong(v.substring(5)) >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("--view takes pages, tree:NAME or page:N (got " + v + ")");
    }
}
