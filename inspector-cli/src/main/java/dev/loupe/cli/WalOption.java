package dev.loupe.cli;

import dev.loupe.format.OpenOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The global {@code --wal auto|ignore|PATH} option: which WAL, if any, is applied to the database. */
public final class WalOption {

    @Option(names = "--wal", paramLabel = "auto|ignore|PATH", defaultValue = "auto",
            description = "WAL to apply: auto (the -wal beside the database, as SQLite would; default), "
                    + "ignore (the database file alone), or a WAL file's path.")
    String wal = "auto";

    /** Set by the shell's factory ({@link SessionFactory}): the open database commands share; null outside a shell. */
    Session session;

    OpenOptions toOptions() {
        if ("auto".equals(wal)) {
            return OpenOptions.defaults();
        }
        if ("ignore".equals(wal)) {
            return OpenOptions.ignoreWal();
        }
        return OpenOptions.withWal(Path.of(wal));
    }

    /** Opens the file (see {@link Opener#open}), or borrows the shell session's database when it is the same file. */
    DatabaseLease open(Path file) {
        OpenOptions options = toOptions();
        if (session != null && session.serves(file, options)) {
            return DatabaseLease.borrowed(session);
        }
        return DatabaseLease.owned(Opener.open(file, options));
    }

    /** As {@link #open}, for commands that need an SQLite database (see {@link Opener#openDatabase}). */
    DatabaseLease openDatabase(Path file) {
        OpenOptions options = toOptions();
        if (session != null && session.serves(file, options)) {
            return DatabaseLease.borrowed(session);
        }
        return DatabaseLease.owned(Opener.openDatabase(file, options));
    }
}
