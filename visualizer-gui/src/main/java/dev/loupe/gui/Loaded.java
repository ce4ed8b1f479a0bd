package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.PageMap;

import java.nio.file.Path;

/**
 * An open database and its page map, built off the FX thread; {@code options} are those it was opened with (which
 * WAL, which commit), so that another commit of the same WAL can be opened the same way.
 */
record Loaded(Path path, OpenOptions options, Database db, PageMap map) {
}
