package dev.loupe.check;

import java.util.Set;

/**
 * What to check and how.
 *
 * @param quick       structural checks only (b-trees, pages, freelist, pointer map, header): no record decoding
 *                    for value, constraint or index checks
 * @param objects     names of the tables (their indexes included) to check deeply; empty = all. The structural
 *                    checks of the whole file always run, since a page's use is only known from every tree.
 * @param maxFindings stop reporting after this many findings per file (a FINDINGS_TRUNCATED finding says so)
 * @param threads     worker threads for independent trees; 1 = sequential. Output order never depends on it.
 */
public record CheckOptions(boolean quick, Set<String> objects, int maxFindings, int threads) {

    public static final int DEFAULT_MAX_FINDINGS = 1000;

    public CheckOptions {
        objects = Set.copyOf(objects);
        if (maxFindings < 1) {
            throw new IllegalArgumentException("maxFindings must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** Deep check of everything, one thread per core. */
    public static CheckOptions defaults() {
        return new CheckOptions(false, Set.of(), DEFAULT_MAX_FINDINGS, Runtime.getRuntime().availableProcessors());
    }

    public CheckOptions withQuick(boolean q) {
        return new CheckOptions(q, objects, maxFindings, threads);
    }

    public CheckOptions withThreads(int n) {
        return new CheckOptions(quick, objects, maxFindings, n);
    }

    public CheckOptions withMaxFindings(int n) {
        return new CheckOptions(quick, objects, n, threads);
    }

    public CheckOptions withObjects(Set<String> names) {
        return new CheckOptions(quick, names, maxFindings, threads);
    }

    /** True if the table named {@code table} is to be checked deeply (case-insensitive, as SQLite names are). */
    public boolean includes(String table) {
        if (objects.isEmpty()) {
            return true;
        }
        for (String o : objects) {
            if (o.equalsIgnoreCase(table)) {
                return true;
            }
        }
        return false;
    }
}
