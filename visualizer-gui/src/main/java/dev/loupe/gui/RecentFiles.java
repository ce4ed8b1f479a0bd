package dev.loupe.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last files opened, newest first, kept in a small text file (one path a line) when a store is given, else in
 * memory only (tests). A store that cannot be read or written is ignored: recent files are a convenience.
 */
final class RecentFiles {

    private static final int MAX = 10;

    private final Path store;
    private final List<Path> paths = new ArrayList<>();

    private RecentFiles(Path store) {
        this.store = store;
        if (store != null) {
            try {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && paths.size() < MAX) {
                        paths.add(Path.of(line));
                    }
                }
            } catch (IOException | RuntimeException e) {
                paths.clear();
            }
        }
    }

    static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    /** $XDG_CONFIG_HOME/loupe/recent-files, or ~/.config/loupe/recent-files. */
    static RecentFiles standard() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentFiles(base.resolve("loupe").resolve("recent-files"));
    }

    List<Path> list() {
        return List.copyOf(paths);
    }

    void add(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        paths.remove(abs);
        paths.add(0, abs);
        while (paths.size() > MAX) {
            paths.remove(paths.size() - 1);
        }
        if (store != null) {
            try {
                Files.createDirectories(store.getParent());
                Files.write(store, paths.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // a read-only home: the list lives on in memory for this session
            }
        }
    }
}
