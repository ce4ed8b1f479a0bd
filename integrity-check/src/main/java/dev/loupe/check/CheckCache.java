package dev.loupe.check;

import dev.loupe.check.structure.TreeWalks;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Checker#check(dev.loupe.format.Database, dev.loupe.format.Progress, CheckCache)} keeps between checks
 * of successive states of one database (the commits of a WAL), so that each check redoes only what can have
 * changed: the b-tree walks of the trees whose pages were written ({@link TreeWalks}) and the record-level pass of
 * the tables whose trees were walked again or whose definition changed. The whole-file parts (header, schema,
 * freelist, pages never used, pointer-map pages, second references between trees) are recomputed every time.
 * The report equals that of a check without a cache, provided the caller reports every page written since the
 * previous check ({@link #written}). Not thread-safe: one check at a time.
 */
public final class CheckCache {

    private final TreeWalks trees = new TreeWalks();
    private final Map<String, TableResult> tables = new HashMap<>();
    private long tablesChecked;

    /** The record-level findings of one table with its indexes, and what they were computed from. */
    record TableResult(Object definition, List<FindingSink> trees, FindingSink end, long rows, long entries) {
    }

    /** Pages written (or that entered or left the database) since the last check. */
    public void written(BitSet pages) {
        trees.written(pages);
    }

    /** Forgets the record-level results of these tables (by name, any case), e.g. when their rows changed. */
    public void tablesChanged(Collection<String> names) {
        for (String n : names) {
            tables.remove(key(n));
        }
    }

    /** Forgets everything: the next check is a full one. */
    public void clear() {
        trees.clear();
        tables.clear();
    }

    /** The per-tree walks. */
    public TreeWalks trees() {
        return trees;
    }

    /** Tables given to the record-level pass by the last check (the others were reused). */
    public long tablesChecked() {
        return tablesChecked;
    }

    TableResult table(String name) {
        return tables.get(key(name));
    }

    void put(String name, TableResult r) {
        tables.put(key(name), r);
    }

    void startCheck() {
        tablesChecked = 0;
    }

    void checkedTable() {
        tablesChecked++;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
