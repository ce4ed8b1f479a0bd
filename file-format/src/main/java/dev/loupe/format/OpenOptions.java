package dev.loupe.format;

import java.nio.file.Path;

/**
 * How to open a database.
 *
 * @param wal      which WAL to apply: {@link WalChoice#AUTO} uses {@code <db>-wal} beside the file when it exists
 *                 (the view SQLite would give), {@link WalChoice#IGNORE} reads the database file alone,
 *                 {@link WalChoice#PATH} uses {@code walPath}
 * @param walPath  the WAL file for {@link WalChoice#PATH}
 * @param commit   apply the WAL up to this valid commit (1-based); -1 for the last valid commit
 * @param pageSize page size to use when the header's is damaged (0: derive it, falling back to 4096)
 */
public record OpenOptions(WalChoice wal, Path walPath, int commit, int pageSize) {

    public enum WalChoice { AUTO, IGNORE, PATH }

    public static OpenOptions defaults() {
        return new OpenOptions(WalChoice.AUTO, null, -1, 0);
    }

    public static OpenOptions ignoreWal() {
        return new OpenOptions(WalChoice.IGNORE, null, -1, 0);
    }

    public static OpenOptions withWal(Path wal) {
        return new OpenOptions(WalChoice.PATH, wal, -1, 0);
    }

    public OpenOptions atCommit(int k) {
        return new OpenOptions(wal, walPath, k, pageSize);
    }

    public OpenOptions withPageSize(int size) {
        return new OpenOptions(wal, walPath, commit, size);
    }
}
