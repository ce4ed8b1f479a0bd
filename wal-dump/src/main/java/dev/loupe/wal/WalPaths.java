package dev.loupe.wal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one WAL-mode database, found from whichever of them the user names: {@code app.db} or
 * {@code app.db-wal} (walformat §1: the WAL and the wal-index are the database's name plus "-wal" and "-shm").
 *
 * @param database the database file; absent when only a WAL was given and no database lies beside it
 * @param wal      the WAL file (it may not exist)
 * @param shm      the wal-index file, when it exists
 */
public record WalPaths(Optional<Path> database, Path wal, Optional<Path> shm) {

    public static final String WAL_SUFFIX = "-wal";
    public static final String SHM_SUFFIX = "-shm";

    /** Resolves {@code file}: a name ending in "-wal" is the WAL, anything else the database. */
    public static WalPaths of(Path file) {
        String name = file.getFileName().toString();
        Path database;
        Path wal;
        if (name.endsWith(WAL_SUFFIX) && name.length() > WAL_SUFFIX.length()) {
            wal = file;
            database = file.resolveSibling(name.substring(0, name.length() - WAL_SUFFIX.length()));
        } else {
            database = file;
            wal = file.resolveSibling(name + WAL_SUFFIX);
        }
        Path dbName = database.getFileName();
        Path shm = database.resolveSibling(dbName + SHM_SUFFIX);
        return new WalPaths(Files.isRegularFile(database) ? Optional.of(database) : Optional.empty(), wal,
                Files.isRegularFile(shm) ? Optional.of(shm) : Optional.empty());
    }
}
