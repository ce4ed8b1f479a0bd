package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.Progress;
import dev.loupe.format.map.PageMap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One open database shared by the commands of a {@code loupe shell}: opened once, with its page map built once (on
 * first use). Commands reach it through their {@link WalOption} mixin, which the shell's factory hands this session.
 */
final class Session implements AutoCloseable {

    private final Path file;
    private final OpenOptions options;
    private final Database db;
    private PageMap pageMap;

    private Session(Path file, OpenOptions options, Database db) {
        this.file = file;
        this.options = options;
        this.db = db;
    }

    /** Opens the database (one-line UserError when it cannot be read or is not a database). */
    static Session open(Path file, OpenOptions options) {
        return new Session(file, options, Opener.openDatabase(file, options));
    }

    Path file() {
        return file;
    }

    Database database() {
        return db;
    }

    /** True when a command asks for this very file with the same WAL choice, so the open database serves it. */
    boolean serves(Path path, OpenOptions opts) {
        return path != null && path.equals(file) && options.equals(opts);
    }

    /** The page map, built on first use and then kept for the session (the file is read-only, it cannot change). */
    synchronized PageMap pageMap(Progress progress) throws IOException {
        if (pageMap == null) {
            pageMap = PageMap.build(db, progress);
        }
        return pageMap;
    }

    @Override
    public void close() {
        Opener.closeQuietly(db);
    }
}
