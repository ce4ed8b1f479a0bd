package dev.loupe.format.schema;

import dev.loupe.format.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables, indexes, views and triggers described by the rows of sqlite_schema (fileformat2 §2.6), read from
 * their CREATE statements without SQLite. Building never throws: rows that are damaged, statements the parser
 * cannot follow and objects that do not fit together become {@link #problems()} (SCHEMA_ROW, SCHEMA_SQL,
 * SCHEMA_REFERENCE), and each object is still returned with whatever could be read. Names are looked up ignoring
 * ASCII case, as SQLite does.
 */
public final class Schema {

    private final List<SchemaObject> objects;
    private final List<Problem> problems;

    Schema(List<SchemaObject> objects, List<Problem> problems) {
        this.objects = List.copyOf(objects);
        this.problems = List.copyOf(problems);
    }

    /** The schema of {@code rows}, in sqlite_schema order, for a database of schema format 4 (the default). */
    public static Schema from(List<SchemaRow> rows) {
        return from(rows, 4);
    }

    /**
     * The schema of {@code rows}. {@code schemaFormat} is the database header's schema format number (offset 44):
     * below 4, SQLite ignores DESC in index definitions (fileformat2 §1.3.10), and so does this model.
     */
    public static Schema from(List<SchemaRow> rows, int schemaFormat) {
        return new SchemaBuilder(rows, schemaFormat).build();
    }

    /** All objects in sqlite_schema order. */
    public List<SchemaObject> objects() {
        return objects;
    }

    public List<Table> tables() {
        return only(Table.class);
    }

    public List<Index> indexes() {
        return only(Index.class);
    }

    public List<View> views() {
        return only(View.class);
    }

    public List<Trigger> triggers() {
        return only(Trigger.class);
    }

    public List<Problem> problems() {
        return problems;
    }

    public Optional<Table> table(String name) {
        return find(Table.class, name);
    }

    public Optional<Index> index(String name) {
        return find(Index.class, name);
    }

    public Optional<View> view(String name) {
        return find(View.class, name);
    }

    public Optional<Trigger> trigger(String name) {
        return find(Trigger.class, name);
    }

    /**
     * Indexes on the table named {@code table}, in sqlite_schema order. The PRIMARY KEY of a WITHOUT ROWID table
     * is not among them: it is the table's own b-tree ({@link Table#primaryKey()}, {@link Table#recordColumns()}).
     */
    public List<Index> indexesOf(String table) {
        List<Index> out = new ArrayList<>();
        for (Index i : indexes()) {
            if (AsciiCase.equalsIgnoreCase(i.tableName(), table)) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    private <T extends SchemaObject> List<T> only(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (SchemaObject o : objects) {
            if (kind.isInstance(o)) {
                out.add(kind.cast(o));
            }
        }
        return List.copyOf(out);
    }

    private <T extends SchemaObject> Optional<T> find(Class<T> kind, String name) {
        for (SchemaObject o : objects) {
            if (kind.isInstance(o) && AsciiCase.equalsIgnoreCase(o.name(), name)) {
                return Optional.of(kind.cast(o));
            }
        }
        return Optional.empty();
    }
}
