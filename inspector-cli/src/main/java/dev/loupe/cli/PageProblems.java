package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.map.PageMap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the reader found wrong with a database (header, schema, page map), grouped by the page whose bytes
 * each problem points at; problems not on a page of the file (WAL, whole file) are kept apart.
 */
final class PageProblems {

    private final List<Problem> all;
    private final Map<Long, List<Problem>> byPage;
    private final List<Problem> elsewhere;

    private PageProblems(List<Problem> all, Map<Long, List<Problem>> byPage, List<Problem> elsewhere) {
        this.all = all;
        this.byPage = byPage;
        this.elsewhere = elsewhere;
    }

    static PageProblems of(Database db, PageMap map) throws IOException {
        Set<Problem> set = new LinkedHashSet<>(db.problems());
        set.addAll(db.schemaSnapshot().problems());
        set.addAll(map.problems());
        Map<Long, List<Problem>> byPage = new TreeMap<>();
        List<Problem> elsewhere = new ArrayList<>();
        for (Problem p : set) {
            if (p.span().isInPage() && p.span().page() >= 1 && p.span().page() <= map.pageCount()) {
                byPage.computeIfAbsent(p.span().page(), k -> new ArrayList<>()).add(p);
            } else {
                elsewhere.add(p);
            }
        }
        return new PageProblems(List.copyOf(set), byPage, elsewhere);
    }

    List<Problem> all() {
        return all;
    }

    List<Problem> on(long page) {
        return byPage.getOrDefault(page, List.of());
    }

    /** Problems whose span is not on a page of the map. */
    List<Problem> elsewhere() {
        return elsewhere;
    }
}
