package dev.loupe.wal;

import java.nio.file.Path;

/**
 * The names of one WAL-mode database's files, found from whichever of them the user names (walformat §1: the WAL
 * and the wal-index are the database's name plus "-wal" and "-shm"). Names only: any of them may not exist.
 *
 * @param database the database file
 * @param wal      its WAL: the file named, when it was the WAL, else the database's name plus "-wal"
 * @param shm      its wal-index: the file named, when it was the -shm, else the database's name plus "-shm"
 */
public record WalPaths(Path database, Path wal, Path shm) {

    public static final String WAL_SUFFIX = "-wal";
    public static final String SHM_SUFFIX = "-shm";

    /** The files of {@code file}: a name ending in "-wal" is the WAL, anything else the database. */
    public static WalPaths of(Path file) {
        Path database = strip(file, WAL_SUFFIX);
        return new WalPaths(database, database == file ? sibling(database, WAL_SUFFIX) : file,
                sibling(database, SHM_SUFFIX));
    }

    /** The files of {@code file} named as a wal-index: a name ending in "-shm" is it, anything else the database. */
    public static WalPaths ofShm(Path file) {
        Path database = strip(file, SHM_SUFFIX);
        return new WalPaths(database, sibling(database, WAL_SUFFIX), database == file ? sibling(database, SHM_SUFFIX)
                : file);
    }

    /** Whether {@code file} is named as a WAL (its name ends in "-wal" after something). */
    public static boolean namesWal(Path file) {
        return strip(file, WAL_SUFFIX) != file;
    }

    private static Path strip(Path file, String suffix) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        return s.endsWith(suffix) && s.length() > suffix.length()
                ? file.resolveSibling(s.substring(0, s.length() - suffix.length())) : file;
    }

    private static Path sibling(Path database, String suffix) {
        Path name = database.getFileName();
        return database.resolveSibling((name == null ? "" : name.toString()) + suffix);
    }
}
