package dev.loupe.repro.diff;

import dev.loupe.format.Database;
import dev.loupe.format.SchemaEntry;
import dev.loupe.format.SchemaSnapshot;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.record.Collation;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The structural diff of two database files, each read by Loupe's own reader (with its WAL applied when the
 * {@link Database} was opened so, as SQLite would): header fields, schema rows, each table's and index's content
 * (merge-joined in key order) and b-tree layout, freelist, pointer map, and the checker's findings. Never throws on
 * bad bytes: damage shows as checker findings and as keys in one file only. Memory does not grow with the size of a
 * table; it grows with the number of pages of one b-tree (two longs per page and side) and with the differences
 * listed.
 */
public final class FileDiffer {

    private final DiffOptions options;

    public FileDiffer(DiffOptions options) {
        this.options = options;
    }

    /** Diffs {@code a} against {@code b}. Only I/O failures throw. */
    public FileDiff diff(Database a, Database b) throws IOException {
        Differences out = new Differences(options.maxListed());
        HeaderComparison.compare(a, b, out);
        List<SchemaEntry> ea = entries(a);
        List<SchemaEntry> eb = entries(b);
        SchemaComparison.compare(ea, eb, out);
        Side sa = new Side(a);
        Side sb = new Side(b);
        List<ObjectComparison> objects = new ArrayList<>();
        long total = a.pageCount() + b.pageCount();
        long walked = 0;
        for (ObjectTarget t : targets(a, b)) {
            TreeShape shapeA = new TreeShape();
            TreeShape shapeB = new TreeShape();
            objects.add(ContentComparison.compare(t, sa, sb, shapeA, shapeB, out, options.progress(), walked, total));
            ShapeComparison.compare(t, sa, sb, shapeA, shapeB, out);
            walked += shapeA.pageCount() + shapeB.pageCount();
            options.progress().pages(Math.min(walked, total), total);
        }
        FreelistComparison.compare(a, b, out);
        PtrmapComparison.compare(a, b, out);
        if (options.check()) {
            FindingComparison.compare(a, b, options.checkThreads(), options.progress(), out);
        }
        return out.result(a.name(), b.name(), objects);
    }

    private static List<SchemaEntry> entries(Database db) throws IOException {
        return db.pageCount() == 0 ? List.of() : db.schemaSnapshot().entries();
    }

    /** sqlite_schema, then every table and index of A (schema order) that B also has, both with a b-tree. */
    private static List<ObjectTarget> targets(Database a, Database b) throws IOException {
        List<ObjectTarget> out = new ArrayList<>();
        if (a.pageCount() == 0 || b.pageCount() == 0) {
            return out;
        }
        out.add(new ObjectTarget("sqlite_schema", "schema", SchemaSnapshot.ROOT_PAGE, SchemaSnapshot.ROOT_PAGE, true,
                RecordColumns.NONE, null, 0, null, null, "its rows are compared as the schema"));
        Schema schemaA = a.schema();
        Schema schemaB = b.schema();
        for (Table ta : schemaA.tables()) {
            Optional<Table> tb = schemaB.table(ta.name());
            if (ta.virtual() || ta.rootPage() <= 0 || tb.isEmpty() || tb.get().virtual() || tb.get().rootPage() <= 0) {
                continue;
            }
            if (ta.withoutRowid()) {
                List<IndexedColumn> pk = ta.primaryKey();
                out.add(new ObjectTarget(ta.name(), "without-rowid", ta.rootPage(), tb.get().rootPage(), false,
                        RecordColumns.of(ta), new KeyComparator(pk, a.encoding()), pk.size(), ta, tb.get(),
                        skipReason(pk, tb.get().primaryKey())));
            } else {
                out.add(new ObjectTarget(ta.name(), "table", ta.rootPage(), tb.get().rootPage(), true,
                        RecordColumns.of(ta), null, 0, ta, tb.get(), null));
            }
        }
        for (Index ia : schemaA.indexes()) {
            Optional<Index> ib = schemaB.index(ia.name());
            if (ia.rootPage() <= 0 || ib.isEmpty() || ib.get().rootPage() <= 0) {
                continue;
            }
            List<IndexedColumn> key = ia.recordColumns();
            out.add(new ObjectTarget(ia.name(), "index", ia.rootPage(), ib.get().rootPage(), false,
                    RecordColumns.of(ia, schemaA.table(ia.tableName()).orElse(null)),
                    new KeyComparator(key, a.encoding()), key.size(), null, null,
                    skipReason(key, ib.get().recordColumns())));
        }
        return out;
    }

    /**
     * Why the two trees cannot be merge-joined, or null: a collation SQLite does not build in (the order is
     * unknown), or keys ordered differently in the two files (other collations or DESC, or DESC ignored because one
     * file's schema format is below 4, fileformat2 §1.3.10).
     */
    private static String skipReason(List<IndexedColumn> keyA, List<IndexedColumn> keyB) {
        for (IndexedColumn c : keyA) {
            if (Collation.named(c.collation()) == null) {
                return "collation " + c.collation() + " is not built into SQLite: Loupe cannot order the keys,"
                        + " so only the entry counts and the layout are compared";
            }
        }
        for (int i = 0; i < Math.min(keyA.size(), keyB.size()); i++) {
            IndexedColumn x = keyA.get(i);
            IndexedColumn y = keyB.get(i);
            if (x.descending() != y.descending() || Collation.named(x.collation()) != Collation.named(y.collation())) {
                return "A and B order the keys differently (other collation or DESC; DESC is ignored below schema"
                        + " format 4), so only the entry counts and the layout are compared";
            }
        }
        return null;
    }
}
