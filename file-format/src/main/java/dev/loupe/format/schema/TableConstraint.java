package dev.loupe.format.schema;

/**
 * A PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY constraint of a table, written either in a column definition
 * ({@link #column()} is that column's index) or after the columns ({@link #column()} is -1).
 */
public sealed interface TableConstraint
        permits PrimaryKeyConstraint, UniqueConstraint, CheckConstraint, ForeignKeyConstraint {

    /** The CONSTRAINT name, or null. */
    String name();

    /** Index of the column whose definition holds the constraint, or -1 for a table constraint. */
    int column();
}
