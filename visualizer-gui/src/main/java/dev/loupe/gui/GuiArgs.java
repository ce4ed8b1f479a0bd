package dev.loupe.gui;

import dev.loupe.format.OpenOptions;

import java.nio.file.Path;

/**
 * The command line of the visualizer, as {@code loupe gui} passes it on:
 * {@code [FILE] [--view tree:NAME|pages|page:N] [--wal auto|ignore|PATH] [--snapshot OUT.png] [--timing]}.
 *
 * @param wal    "auto" (the -wal beside the database, as SQLite would), "ignore" (the database file alone) or the
 *               path of a WAL file
 * @param timing log how long opening, mapping and drawing take (see {@link Timing})
 */
record GuiArgs(Path file, String view, Path snapshot, String wal, boolean timing) {

    static final String USAGE = "usage: loupe gui [FILE] [--view tree:NAME|pages|page:N] [--wal auto|ignore|PATH]"
            + " [--snapshot OUT.png] [--timing]";

    static GuiArgs parse(String... args) {
        Path file = null;
        String view = null;
        Path snapshot = null;
        String wal = "auto";
        boolean timing = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            boolean valued = name.equals("--view") || name.equals("--snapshot") || name.equals("--wal");
            String v = null;
            if (valued) {
                if (!name.equals(a)) {
                    v = a.substring(name.length() + 1);
                } else if (i + 1 < args.length) {
                    v = args[++i];
                } else {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
            }
            switch (name) {
                case "--view" -> view = checkView(v);
                case "--snapshot" -> snapshot = Path.of(v);
                case "--wal" -> wal = v;
                case "--timing" -> {
                    if (!name.equals(a)) {
                        throw new IllegalArgumentException("--timing takes no value");
                    }
                    timing = true;
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    } else if (file == null) {
                        file = Path.of(a);
                    } else {
                        throw new IllegalArgumentException("one file at a time (got " + file + " and " + a + ")");
                    }
                }
            }
        }
        if (snapshot != null && file == null) {
            throw new IllegalArgumentException("--snapshot needs a FILE");
        }
        if (!wal.equals("auto") && file == null) {
            throw new IllegalArgumentException("--wal needs a FILE");
        }
        return new GuiArgs(file, view, snapshot, wal, timing);
    }

    /** How to open the file: which WAL to apply. */
    OpenOptions openOptions() {
        return switch (wal) {
            case "auto" -> OpenOptions.defaults();
            case "ignore" -> OpenOptions.ignoreWal();
            default -> OpenOptions.withWal(Path.of(wal));
        };
    }

    /** The WAL file named with --wal PATH, null for auto and ignore. */
    Path walPath() {
        return wal.equals("auto") || wal.equals("ignore") ? null : Path.of(wal);
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
