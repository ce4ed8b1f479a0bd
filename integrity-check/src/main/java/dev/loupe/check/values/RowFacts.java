package dev.loupe.check.values;

import dev.loupe.check.UncomputedColumns;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.table.Row;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a row's decoding problems mean for the value checks. A record that could not be decoded is the structural
 * checker's to report (SQLite stops with "database disk image is malformed" there), so such a row is not checked
 * here. Invalid text encoding leaves the storage classes intact. The two row-value notes RowDecoder writes that do
 * not spoil the row are recognised: a record longer than the table, and a VIRTUAL generated column that could not
 * be computed (its value is then unknown, not NULL).
 */
record RowFacts(boolean undecodable, Problem tooLong, Set<String> uncomputed) {

    private static final String TOO_LONG = "record has more columns than";

    static RowFacts of(Row row) {
        boolean undecodable = false;
        Problem tooLong = null;
        Set<String> uncomputed = Set.of();
        for (Problem p : row.problems()) {
            if (p.kind() == ProblemKind.TEXT_ENCODING) {
                continue;
            }
            if (p.kind() == ProblemKind.ROW_VALUE && p.message().startsWith(TOO_LONG)) {
                tooLong = p;
            } else if (UncomputedColumns.says(p)) {
                if (uncomputed.isEmpty()) {
                    uncomputed = new HashSet<>();
                }
                uncomputed.add(UncomputedColumns.column(p));
            } else {
                undecodable = true;
            }
        }
        return new RowFacts(undecodable, tooLong, uncomputed);
    }

    boolean isUncomputed(String column) {
        return !uncomputed.isEmpty() && uncomputed.contains(column.toLowerCase(Locale.ROOT));
    }

    Span tooLongSpan() {
        return tooLong == null ? null : tooLong.span();
    }
}
