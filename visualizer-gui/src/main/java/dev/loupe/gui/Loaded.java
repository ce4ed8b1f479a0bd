package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.map.PageMap;

import java.nio.file.Path;

/** An open database and its page map, built off the FX thread. */
record Loaded(Path path, Database db, PageMap map) {
}
