package dev.loupe.wal;

/**
 * Whether SQLite would ever show a version of a page (walformat §"Reader Algorithm" and wal.c recovery): the
 * database file's own image, a frame of a valid commit, a frame after the last commit frame of the unbroken chain
 * (a transaction that never committed), or a frame at or after the first frame that breaks the chain (bad salt,
 * page number 0, bad checksum) or of a WAL whose header SQLite rejects.
 */
public enum VersionStatus {
    DATABASE_FILE("database file"),
    COMMITTED("committed"),
    UNCOMMITTED("uncommitted"),
    IGNORED("ignored by SQLite");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    /** Text used in output ("committed", "uncommitted", "ignored by SQLite", "database file"). */
    public String label() {
        return label;
    }
}
