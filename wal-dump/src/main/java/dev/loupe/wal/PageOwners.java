package dev.loupe.wal;

import dev.loupe.format.Database;
import dev.loupe.format.SchemaEntry;
import dev.loupe.format.schema.SchemaRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which pages each checked unit claims, kept up to date commit by commit. A unit is what the checker's deep pass
 * checks together: a table with its indexes (PRAGMA integrity_check's index cross-check ties them), keyed by the
 * table's name in lower case; sqlite_schema is a unit of its own. For each unit it also keeps the schema rows that
 * define it, so that a commit that changes a definition (a new index, a dropped table, a moved root) marks the unit
 * changed even when none of its pages was written.
 */
final class PageOwners {

    /** The unit of the schema b-tree (page 1). A table cannot be named so: SQLite reserves the sqlite_ prefix. */
    static final String SCHEMA = "sqlite_schema";

    private final Map<String, BitSet> pages = new HashMap<>();
    private Map<String, String> definitions = Map.of();
    private Map<String, String> names = Map.of();
    private Map<String, List<Long>> roots = Map.of();

    /** The units whose definition differs between the schema last {@link #define defined} and {@code entries}. */
    Set<String> redefined(List<SchemaEntry> entries) {
        Map<String, String> now = definitionsOf(entries);
        Set<String> changed = new TreeSet<>();
        for (String unit : now.keySet()) {
            if (!now.get(unit).equals(definitions.get(unit))) {
                changed.add(unit);
            }
        }
        for (String unit : definitions.keySet()) {
            if (!now.containsKey(unit)) {
                changed.add(unit);
            }
        }
        return changed;
    }

    /** Takes {@code entries} as the current schema; units no longer in it are forgotten. */
    void define(List<SchemaEntry> entries) {
        definitions = definitionsOf(entries);
        Map<String, String> n = new HashMap<>();
        Map<String, List<Long>> r = new HashMap<>();
        r.put(SCHEMA, List.of(1L));
        n.put(SCHEMA, SCHEMA);
        for (SchemaEntry e : entries) {
            SchemaRow row = e.row();
            if (row.tblName() == null) {
                continue;
            }
            String unit = row.tblName().toLowerCase(Locale.ROOT);
            if ("table".equalsIgnoreCase(row.type()) && row.name() != null) {
                n.put(unit, row.name());
            }
            if (row.rootPage() > 0) {
                r.computeIfAbsent(unit, k -> new ArrayList<>()).add(row.rootPage());
            }
        }
        names = n;
        roots = r;
        pages.keySet().retainAll(r.keySet());
    }

    /** The units that claim any of {@code changed}. */
    Set<String> touching(BitSet changed) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, BitSet> e : pages.entrySet()) {
            if (e.getValue().intersects(changed)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Walks the trees of {@code unit} again in {@code db} and records their pages. */
    void rewalk(String unit, Database db) throws IOException {
        BitSet claimed = new BitSet();
        for (long root : roots.getOrDefault(unit, List.of())) {
            TreePages.collect(db.pages(), db.usableSize(), root, claimed);
        }
        pages.put(unit, claimed);
    }

    /** Every unit of the current schema. */
    Set<String> units() {
        return roots.keySet();
    }

    /** The table name the checker knows a unit by (its original spelling); null for sqlite_schema. */
    String tableName(String unit) {
        return SCHEMA.equals(unit) ? null : names.get(unit);
    }

    /** Units claiming {@code page}, in name order (more than one only in a damaged file). */
    List<String> owners(long page) {
        List<String> out = new ArrayList<>();
        if (page > 0 && page < Integer.MAX_VALUE) {
            new TreeSet<>(pages.keySet()).forEach(u -> {
                if (pages.get(u).get((int) page)) {
                    out.add(u);
                }
            });
        }
        return out;
    }

    private static Map<String, String> definitionsOf(List<SchemaEntry> entries) {
        Map<String, StringBuilder> defs = new LinkedHashMap<>();
        for (SchemaEntry e : entries) {
            SchemaRow row = e.row();
            if (row.tblName() == null) {
                continue;
            }
            defs.computeIfAbsent(row.tblName().toLowerCase(Locale.ROOT), k -> new StringBuilder())
                    .append(row.type()).append('\u0000').append(row.name()).append('\u0000')
                    .append(row.rootPage()).append('\u0000').append(row.sql()).append('\u0001');
        }
        Map<String, String> out = new HashMap<>();
        defs.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }
}
