package dev.loupe.wal;

/** Where a row stands at a commit. */
public enum RowState {
    /** The table has a cell with this rowid. */
    PRESENT("present"),
    /** The row was present at an earlier commit and is gone. */
    DELETED("deleted"),
    /** The table exists but has never held this rowid up to here. */
    ABSENT("absent"),
    /** The table does not exist at this commit. */
    NO_TABLE("no such table");

    private final String label;

    RowState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
