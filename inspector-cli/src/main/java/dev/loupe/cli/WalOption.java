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

    OpenOptions toOptions() {
        if ("auto".equals(wal)) {
            return OpenOptions.defaults();
        }
        if ("ignore".equals(wal)) {
            return OpenOptions.ignoreWal();
        }
        return OpenOptions.withWal(Path.of(wal));
    }
}
