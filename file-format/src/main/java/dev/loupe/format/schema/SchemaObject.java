package dev.loupe.format.schema;

/** An object described by a row of sqlite_schema. */
public sealed interface SchemaObject permits Table, Index, View, Trigger {

    /** The object's name, as its CREATE statement spells it (quotes removed). */
    String name();

    /** The table the object belongs to: itself for tables and views, the indexed/triggering table otherwise. */
    String tableName();

    /** Root page of its b-tree; 0 for views, triggers and virtual tables. */
    long rootPage();

    /** The CREATE statement from sqlite_schema; null for automatic indexes (and on damaged rows). */
    String sql();
}
