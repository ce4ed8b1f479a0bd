package dev.loupe.check.structure;

import dev.loupe.format.SchemaEntry;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.SchemaRow;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The b-trees in the order PRAGMA integrity_check (SQLite 3.40, pragma.c) checks them: tables in the order of the
 * schema's table hash ({@link SqliteSchemaHash}; sqlite_master first in, then every table and view in sqlite_schema
 * rowid order), each table's rowid b-tree (a view or virtual table contributes root 0, a WITHOUT ROWID table
 * none) followed by its indexes, newest first (SQLite prepends each new index to the table's list; the
 * automatic indexes of a CREATE TABLE come before its later CREATE INDEX statements).
 *
 * @param roots         the non-zero roots, in checking order
 * @param partial       3.40 treats the check as partial (the first root it collected is 0): it then skips the
 *                      never-used page check
 * @param skipsFreelist 3.40 also skips the freelist (partial, and the second root is not page 1)
 */
public record SqliteRootOrder(List<TreeRoot> roots, boolean partial, boolean skipsFreelist) {

    public static SqliteRootOrder of(List<SchemaEntry> entries, Schema schema) {
        SqliteSchemaHash hash = new SqliteSchemaHash();
        hash.insert("sqlite_master", new TreeRoot(1, "sqlite_schema", true));
        for (SchemaEntry e : entries) {
            SchemaRow r = e.row();
            if (r.name() == null || r.type() == null) {
                continue;
            }
            String type = r.type().toLowerCase(Locale.ROOT);
            if (type.equals("table") || type.equals("view")) {
                hash.insert(r.name(), r);
            }
        }
        List<Long> collected = new ArrayList<>();
        List<TreeRoot> roots = new ArrayList<>();
        for (Object o : hash.values()) {
            if (o instanceof TreeRoot schemaTree) {
                collected.add(1L);
                roots.add(schemaTree);
                continue;
            }
            SchemaRow r = (SchemaRow) o;
            Optional<Table> t = schema.table(r.name());
            boolean view = r.type().equalsIgnoreCase("view");
            boolean withoutRowid = t.isPresent() && t.get().withoutRowid();
            if (!withoutRowid) {
                long root = view || t.isEmpty() || t.get().virtual() ? 0 : r.rootPage();
                collected.add(root);
                if (root != 0) {
                    roots.add(new TreeRoot(root, r.name(), true));
                }
            }
            if (t.isEmpty()) {
                continue;
            }
            List<long[]> ranked = new ArrayList<>(); // {creation rank, index into trees}
            List<TreeRoot> trees = new ArrayList<>();
            List<Index> indexes = schema.indexesOf(t.get().name());
            for (Index i : indexes) {
                ranked.add(new long[]{creationRank(i, entries), trees.size()});
                trees.add(new TreeRoot(i.rootPage(), i.name(), false));
            }
            if (withoutRowid) {
                // the PRIMARY KEY index shares the table's root and has no sqlite_schema row of its own
                ranked.add(new long[]{rowOf(t.get().name(), entries) * 1_000_000L + primaryKeyNumber(indexes),
                        trees.size()});
                trees.add(new TreeRoot(r.rootPage(), r.name(), false));
            }
            ranked.sort(Comparator.comparingLong(x -> x[0]));
            for (int k = ranked.size() - 1; k >= 0; k--) {
                TreeRoot tr = trees.get((int) ranked.get(k)[1]);
                collected.add(tr.root());
                if (tr.root() != 0) {
                    roots.add(tr);
                }
            }
        }
        boolean partial = !collected.isEmpty() && collected.get(0) == 0;
        boolean skipsFreelist = partial && (collected.size() < 2 || collected.get(1) != 1);
        return new SqliteRootOrder(List.copyOf(roots), partial, skipsFreelist);
    }

    /**
     * Order in which SQLite created the index while loading the schema: automatic indexes while parsing their
     * CREATE TABLE (numbered in creation order), other indexes at their own sqlite_schema row.
     */
    private static long creationRank(Index index, List<SchemaEntry> entries) {
        if (index.autoIndex()) {
            long number = autoIndexNumber(index.name());
            long tableRow = rowOf(index.tableName(), entries);
            return tableRow * 1_000_000L + number;
        }
        return rowOf(index.name(), entries) * 1_000_000L + 999_999L;
    }

    /** The automatic-index number the PRIMARY KEY of a WITHOUT ROWID table took: the one its siblings lack. */
    private static long primaryKeyNumber(List<Index> indexes) {
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (Index i : indexes) {
            if (i.autoIndex()) {
                taken.add(autoIndexNumber(i.name()));
            }
        }
        long n = 1;
        while (taken.contains(n)) {
            n++;
        }
        return n;
    }

    private static long autoIndexNumber(String name) {
        try {
            return Long.parseLong(name.substring(name.lastIndexOf('_') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long rowOf(String name, List<SchemaEntry> entries) {
        for (int k = 0; k < entries.size(); k++) {
            SchemaRow r = entries.get(k).row();
            if (r.name() != null && r.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        return entries.size();
    }
}
