package dev.loupe.format.find;

import dev.loupe.format.Problem;
import dev.loupe.format.btree.Cell;

import java.util.List;

/**
 * Where a search by rowid or key ended. When {@code found}, {@code cell} is the entry (a table-leaf cell, or an
 * index cell on a leaf or an interior page) and {@code foundStep} the step of {@code path} that holds it. When not
 * found, the last step of {@code path} says where the key would be; {@code problems} say why a descent stopped
 * early (a broken child pointer, a loop, an unreadable or non-b-tree page).
 */
public record SearchResult(boolean found, List<SearchStep> path, Cell cell, int foundStep, List<Problem> problems) {

    public SearchResult {
        path = List.copyOf(path);
        problems = List.copyOf(problems);
    }

    /** The step where the search ended: the one holding the entry when found, else the last one. */
    public SearchStep endStep() {
        if (found) {
            return path.get(foundStep);
        }
        return path.isEmpty() ? null : path.get(path.size() - 1);
    }
}
