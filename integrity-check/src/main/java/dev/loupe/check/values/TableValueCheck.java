package dev.loupe.check.values;

import dev.loupe.check.Literals;
import dev.loupe.check.RowBinding;
import dev.loupe.format.record.SqlLiteral;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import dev.loupe.check.RowCheck;
import dev.loupe.check.Severity;
import dev.loupe.check.TableRow;
import dev.loupe.format.expr.RowContext;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.CheckConstraint;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * The value and constraint checks of one table, row by row in scan order, in the order integrity_check reports
 * them for a row: each column in table order (NOT NULL, then its type rule), then the CHECK constraints (one line
 * per failing row, whichever constraint fails). What cannot be checked is reported once per column or constraint
 * when the walk ends.
 */
final class TableValueCheck implements RowCheck {

    private static final int MAX_VALUES_IN_MESSAGE = 4;

    /** Introduces, in a message, the line SQLite would print for a problem its integrity_check misses. */
    static final String MISSED = "the line it prints for the problem elsewhere is \"";

    private final Table table;
    private final TextEncoding encoding;
    private final List<ColumnRule> rules = new ArrayList<>();
    private final List<CheckRule> checks = new ArrayList<>();
    private final RowBinding view;
    private final long[] uncomputedRows;
    private final long[] firstUncomputed;
    private final int storedColumns;
    /** The record field of each rule, for the per-row {@link #quiet}. */
    private final int[] quietFields;
    /**
     * For each rule, bit {@link #typeIndex k} set when a value of serial type class k passes it quietly
     * ({@link ColumnRule#quiet} of its storage class, asked once per class here instead of once per value).
     */
    private final int[] quietMasks;
    /** A rule reads no record field (a VIRTUAL column): no row is quiet. */
    private final boolean neverQuiet;

    TableValueCheck(Table table, TextEncoding encoding) {
        this.table = table;
        this.encoding = encoding;
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnRule r = ColumnRule.of(table, i);
            if (r != null) {
                rules.add(r);
            }
        }
        this.quietFields = new int[rules.size()];
        this.quietMasks = new int[rules.size()];
        boolean never = false;
        for (int j = 0; j < rules.size(); j++) {
            ColumnRule r = rules.get(j);
            quietFields[j] = r.field();
            never |= r.field() < 0;
            for (int k = 0; k < TYPE_CLASSES; k++) {
                // the serial type that stands for class k: itself below 12, then 12 (a blob) and 13 (text)
                if (r.quiet(StorageClass.ofSerialType(k))) {
                    quietMasks[j] |= 1 << k;
                }
            }
        }
        this.neverQuiet = never;
        for (CheckConstraint c : table.checkConstraints()) {
            checks.add(new CheckRule(c));
        }
        this.view = new RowBinding(table, encoding);
        this.storedColumns = table.recordColumns().length;
        this.uncomputedRows = new long[table.columns().size()];
        this.firstUncomputed = new long[table.columns().size()];
    }

    @Override
    public void row(TableRow tableRow, FindingSink sink) {
        if (quiet(tableRow.record()) && checksPass(tableRow)) {
            return;
        }
        Row row = tableRow.row();
        RowFacts facts = RowFacts.of(row);
        if (facts.undecodable()) {
            return;
        }
        if (facts.tooLong() != null) {
            sink.add(Finding.of(FindingCode.RECORD_TOO_LONG, "the record of " + rowLabel(row) + " of "
                            + table.name() + " holds more values than the table's columns ("
                            + facts.tooLong().message() + "); SQLite ignores the extra values")
                    .object(table.name()).at(facts.tooLongSpan()).cell(row.cellIndex()).path(tableRow.path())
                    .keys(keys(row)));
        }
        Cursor340 cursor = new Cursor340();
        for (ColumnRule rule : rules) {
            if (facts.isUncomputed(rule.column().name())) {
                if (uncomputedRows[rule.index()]++ == 0) {
                    firstUncomputed[rule.index()] = tableRow.position();
                }
                continue;
            }
            Value value = row.values().get(rule.index());
            ColumnRule.Violation v = rule.check(value);
            String line = rule.sqlite340(value, cursor);
            if (line != null) {
                cursor.resultRow();
            }
            if (v != null && v.sqlite().equals(line)) {
                sink.add(at(Finding.of(v.code(), v.message() + " (" + rowLabel(row) + ")"), tableRow)
                        .sqlite(line));
                continue;
            }
            if (v != null) {
                sink.add(at(Finding.of(v.code(), v.message() + " (" + rowLabel(row) + "); SQLite's"
                        + " integrity_check (3.40.1 and 3.54.1 alike) misses it: after an earlier report in the same"
                        + " row it takes the column's DEFAULT type for the stored one (" + MISSED + v.sqlite()
                        + "\")"), tableRow));
            }
            if (line != null) {
                sink.add(at(Finding.of(codeOf(line), "SQLite 3.40.1 prints \"" + line + "\" for " + rowLabel(row)
                        + " although " + table.name() + "." + rule.column().name() + " holds "
                        + Literals.brief(value) + ", which breaks no rule: after an earlier report in the same"
                        + " row, 3.40.1 takes the column's DEFAULT type for the stored one"), tableRow)
                        .severity(Severity.INFO).sqlite(line));
            }
        }
        if (!checks.isEmpty()) {
            checkConstraints(tableRow, facts, sink);
        }
    }

    /**
     * True when a sound record (in record order) can break no rule, judged from its serial types alone: it holds
     * every stored column (none takes its DEFAULT) and each value's class passes its column's rules. Anything else
     * goes through the decoded row.
     */
    private boolean quiet(RecordView r) {
        if (r == null || r.count() != storedColumns || neverQuiet) {
            return false;
        }
        for (int j = 0; j < quietFields.length; j++) {
            if ((quietMasks[j] >>> typeIndex(r.serialType(quietFields[j])) & 1) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Serial types 0-11 each, then blobs (even, 12 and up) and text (odd, 13 and up): what a rule can tell apart. */
    private static final int TYPE_CLASSES = 14;

    private static int typeIndex(long serialType) {
        return serialType < 12 ? (int) serialType : 12 + (int) (serialType & 1);
    }

    /**
     * True when the row passes every CHECK constraint, evaluated over values decoded from its record as the
     * expressions ask for them; a failure or an unknown outcome sends the row through the decoded path, which
     * evaluates again and reports.
     */
    private boolean checksPass(TableRow tableRow) {
        if (checks.isEmpty()) {
            return true;
        }
        view.reset(tableRow);
        for (CheckRule c : checks) {
            if (c.test(view) != CheckRule.Outcome.PASSED) {
                return false;
            }
        }
        return true;
    }

    private void checkConstraints(TableRow tableRow, RowFacts facts, FindingSink sink) {
        Row row = tableRow.row();
        view.reset(row, facts::isUncomputed);
        List<CheckRule> failed = null;
        for (CheckRule c : checks) {
            CheckRule.Outcome o = c.evaluate(view, tableRow.position());
            if (o == CheckRule.Outcome.UNKNOWN && view.uncomputedUse() != null) {
                c.noteUncomputed(view.uncomputedUse());
            }
            if (o == CheckRule.Outcome.FAILED) {
                if (failed == null) {
                    failed = new ArrayList<>(1);
                }
                failed.add(c);
            }
        }
        if (failed == null) {
            return;
        }
        StringBuilder m = new StringBuilder(rowLabel(row)).append(" of ").append(table.name())
                .append(" violates ");
        for (int i = 0; i < failed.size(); i++) {
            m.append(i == 0 ? "" : " and ").append(describe(failed.get(i).constraint()));
        }
        m.append(valuesUsed(failed, row));
        sink.add(at(Finding.of(FindingCode.CHECK_CONSTRAINT_FAILED, m.toString()), tableRow)
                .sqlite("CHECK constraint failed in " + table.name()));
    }

    /** A part's rows are checked as the whole's are; its findings are the part walk's. */
    @Override
    public RowCheck forPart() {
        return new TableValueCheck(table, encoding);
    }

    /** The "not checked" counts add up; the first row of each keeps its scan position in the whole scan. */
    @Override
    public void merge(RowCheck part, long rowsBefore) {
        TableValueCheck p = (TableValueCheck) part;
        for (int i = 0; i < uncomputedRows.length; i++) {
            if (uncomputedRows[i] == 0 && p.uncomputedRows[i] > 0) {
                firstUncomputed[i] = rowsBefore + p.firstUncomputed[i];
            }
            uncomputedRows[i] += p.uncomputedRows[i];
        }
        for (int j = 0; j < checks.size(); j++) {
            checks.get(j).merge(p.checks.get(j), rowsBefore);
        }
    }

    @Override
    public void end(FindingSink sink) {
        for (ColumnRule rule : rules) {
            long n = uncomputedRows[rule.index()];
            if (n > 0) {
                sink.add(Finding.of(FindingCode.NOT_CHECKED, "generated column " + table.name() + "."
                                + rule.column().name() + " could not be computed in " + n + " row(s) (first at scan"
                                + " position " + firstUncomputed[rule.index()] + "); its NOT NULL and type rules"
                                + " were not checked there")
                        .severity(Severity.INFO).object(table.name()));
            }
        }
        for (CheckRule c : checks) {
            if (c.unknownRows() > 0) {
                sink.add(Finding.of(FindingCode.NOT_CHECKED, describe(c.constraint()) + " of " + table.name()
                                + " could not be evaluated in " + c.unknownRows() + " row(s) (first at scan position "
                                + c.firstUnknownPosition() + "): " + c.firstReason()
                                + "; those rows were not checked against it")
                        .severity(Severity.INFO).object(table.name()));
            }
        }
    }

    private static FindingCode codeOf(String line) {
        if (line.startsWith("NULL value")) {
            return FindingCode.NOT_NULL_VIOLATED;
        }
        return line.startsWith("non-") ? FindingCode.STRICT_TYPE_VIOLATED : FindingCode.AFFINITY_VIOLATED;
    }

    private Finding.Builder at(Finding.Builder b, TableRow tableRow) {
        Row row = tableRow.row();
        return b.object(table.name()).page(row.page()).cell(row.cellIndex()).path(tableRow.path()).keys(keys(row));
    }

    /** [rowid], or the PRIMARY KEY values as SQL literals for a WITHOUT ROWID table. */
    private List<String> keys(Row row) {
        if (row.rowid() != null) {
            return List.of(Long.toString(row.rowid()));
        }
        List<String> out = new ArrayList<>();
        for (IndexedColumn k : table.primaryKey()) {
            int i = k.tableColumn();
            out.add(i >= 0 && i < row.values().size() ? SqlLiteral.of(row.values().get(i)) : "?");
        }
        return out;
    }

    private String rowLabel(Row row) {
        if (row.rowid() != null) {
            return "the row with rowid " + row.rowid();
        }
        return "the row with PRIMARY KEY (" + String.join(", ", keys(row)) + ")";
    }

    private static String describe(CheckConstraint c) {
        return (c.name() == null ? "" : "CONSTRAINT " + c.name() + " ") + "CHECK (" + c.expression() + ")";
    }

    /** ": a = 5, b = 'x'" for the columns the failed expressions name (a rough textual match, for the reader). */
    private String valuesUsed(List<CheckRule> failed, Row row) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < table.columns().size() && shown < MAX_VALUES_IN_MESSAGE; i++) {
            Column col = table.columns().get(i);
            String name = RowContext.fold(col.name());
            boolean named = false;
            for (CheckRule c : failed) {
                named |= RowContext.fold(c.constraint().expression()).contains(name);
            }
            if (named) {
                Value v = row.values().get(i);
                b.append(shown == 0 ? ": " : ", ").append(col.name()).append(" = ").append(Literals.brief(v));
                shown++;
            }
        }
        return b.toString();
    }
}
