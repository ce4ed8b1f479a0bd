package dev.loupe.check;

import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The row-level work registered by the {@link CheckModule}s, keyed by table and index name. */
public final class CheckPlan {

    private final Map<String, List<RowCheck>> rows = new LinkedHashMap<>();
    private final Map<String, List<EntryCheck>> entries = new LinkedHashMap<>();
    private final List<Finisher> finishers = new ArrayList<>();

    public void onRows(Table table, RowCheck check) {
        rows.computeIfAbsent(key(table.name()), k -> new ArrayList<>()).add(check);
    }

    public void onEntries(Index index, EntryCheck check) {
        entries.computeIfAbsent(key(index.name()), k -> new ArrayList<>()).add(check);
    }

    public void afterTrees(Finisher finisher) {
        finishers.add(finisher);
    }

    public List<RowCheck> rowChecks(String table) {
        return rows.getOrDefault(key(table), List.of());
    }

    public List<EntryCheck> entryChecks(String index) {
        return entries.getOrDefault(key(index), List.of());
    }

    public List<Finisher> finishers() {
        return finishers;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
