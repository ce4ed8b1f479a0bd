package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.table.Row;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The VIRTUAL generated columns the reader could not compute for a row (it holds NULL for them and says why in a
 * row problem): what an index key or a CHECK that uses one of them cannot be judged by.
 */
public final class UncomputedColumns {

    private static final String GENERATED = "generated column ";
    private static final String NOT_COMPUTED = " not computed (";

    private UncomputedColumns() {
    }

    /** True if {@code p} is the reader's word that a generated column could not be computed. */
    public static boolean says(Problem p) {
        return p.kind() == ProblemKind.ROW_VALUE && p.message().startsWith(GENERATED)
                && p.message().contains(NOT_COMPUTED);
    }

    /** The column {@link #says} names, lower-cased. */
    public static String column(Problem p) {
        return p.message().substring(GENERATED.length(), p.message().indexOf(NOT_COMPUTED)).toLowerCase(Locale.ROOT);
    }

    /** The lower-cased names of the columns of {@code row} that were not computed; empty for most rows. */
    public static Set<String> of(Row row) {
        Set<String> out = Set.of();
        for (Problem p : row.problems()) {
            if (says(p)) {
                if (out.isEmpty()) {
                    out = new HashSet<>();
                }
                out.add(column(p));
            }
        }
        return out;
    }
}
