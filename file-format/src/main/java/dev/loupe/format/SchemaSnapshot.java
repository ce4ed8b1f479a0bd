package dev.loupe.format;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.SchemaRow;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The schema as read from the sqlite_schema table b-tree rooted at page 1: its rows with their locations, the
 * model built from them, and the problems met on the way (damaged pages of the schema tree, odd rows).
 */
public record SchemaSnapshot(List<SchemaEntry> entries, Schema schema, List<Problem> problems) {

    /** The schema table's root page (fileformat2 §2.6). */
    public static final long ROOT_PAGE = 1;

    /** The schema table's own definition (fileformat2 §2.6), as SQLite declares it. */
    public static final String SCHEMA_TABLE_SQL =
            "CREATE TABLE sqlite_schema(type text, name text, tbl_name text, rootpage int, sql text)";

    /**
     * A table by name, including sqlite_schema itself (also spelled sqlite_master, as SQLite accepts both), which
     * is in no schema row.
     */
    public Optional<Table> table(String name) {
        if (name.equalsIgnoreCase("sqlite_schema") || name.equalsIgnoreCase("sqlite_master")) {
            return Schema.from(List.of(new SchemaRow("table", "sqlite_schema", "sqlite_schema", ROOT_PAGE,
                    SCHEMA_TABLE_SQL))).table("sqlite_schema");
        }
        return schema.table(name);
    }

    static SchemaSnapshot read(Database db) throws IOException {
        List<SchemaEntry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        PayloadReader payloads = new PayloadReader(db.pages(), db.usableSize());
        RecordDecoder records = new RecordDecoder(db.encoding(), true);
        if (db.pageCount() >= 1) {
            try {
                new BTreeWalker(db.pages(), db.usableSize()).walk(ROOT_PAGE, new TreeVisitor() {
                    @Override
                    public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                        if (!(cell instanceof TableLeafCell leaf)) {
                            return;
                        }
                        try {
                            Payload payload = payloads.read(page.data(), leaf.payload());
                            problems.addAll(payload.problems());
                            Record r = records.decode(payload, 6); // 5 columns; more is reported, not decoded
                            problems.addAll(r.problems());
                            SchemaRow row = new SchemaRow(text(r.value(0)), text(r.value(1)), text(r.value(2)),
                                    integer(r.value(3)), text(r.value(4)));
                            if (r.columnCount() != 5) {
                                problems.add(new Problem(ProblemKind.SCHEMA_ROW, leaf.span(), "sqlite_schema row "
                                        + leaf.rowid() + " has " + r.columnCount() + " columns instead of 5"));
                            }
                            entries.add(new SchemaEntry(row, leaf.rowid(), page.number(), leaf.index()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void problem(Problem p) {
                        problems.add(p);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        List<SchemaRow> rows = new ArrayList<>(entries.size());
        for (SchemaEntry e : entries) {
            rows.add(e.row());
        }
        // Below schema format 4 SQLite ignores DESC in index definitions (fileformat2 §1.3.10).
        Schema schema = Schema.from(rows, (int) Math.min(db.header().schemaFormat(), Integer.MAX_VALUE));
        problems.addAll(schema.problems());
        return new SchemaSnapshot(Collections.unmodifiableList(entries), schema, Collections.unmodifiableList(problems));
    }

    private static String text(Value v) {
        return v instanceof TextValue t ? t.value() : null;
    }

    private static long integer(Value v) {
        return v instanceof IntegerValue i ? i.value() : 0;
    }
}
