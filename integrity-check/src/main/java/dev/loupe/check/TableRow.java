package dev.loupe.check;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowDecoder;

import java.util.List;

/**
 * One row as a row-level check sees it, during the checker's single walk of the table's b-tree. A row whose record
 * is sound also comes as its {@link #record() record view}: checks that can work on serial types and bytes do, and
 * the row's values are only decoded ({@link #row()}) for the checks that need them. Valid during the call only: the
 * view and the path move on with the walk (take {@link #path()}, a copy, to keep).
 */
public final class TableRow {

    private final Table table;
    private final boolean hasRowid;
    private long position;
    private RecordView record;
    private long rowid;
    private List<PathStep> walkPath;
    private RowDecoder decoder;
    private BTreePage page;
    private Cell cell;
    private int cellIndex;
    private Row row;
    private List<PathStep> path;

    /** A decoded row (its record was not sound, or it comes from elsewhere than the walk). */
    public TableRow(Table table, Row row, List<PathStep> path, long position) {
        this.table = table;
        this.row = row;
        this.path = path;
        this.walkPath = path;
        this.position = position;
        this.record = null;
        this.hasRowid = row.rowid() != null;
        this.rowid = hasRowid ? row.rowid() : 0;
    }

    /**
     * A row whose record is sound: {@code record} in record order; {@code decoder} decodes the cell on demand (cell
     * {@code cellIndex} of {@code page}, or {@code cell} when the walk has it decoded already).
     */
    TableRow(Table table, RecordView record, boolean hasRowid, long rowid, List<PathStep> walkPath, long position,
             RowDecoder decoder, BTreePage page, Cell cell, int cellIndex) {
        this.table = table;
        this.record = record;
        this.hasRowid = hasRowid;
        this.rowid = rowid;
        this.walkPath = walkPath;
        this.position = position;
        this.decoder = decoder;
        this.page = page;
        this.cell = cell;
        this.cellIndex = cellIndex;
    }

    /**
     * Makes this the next sound row of the same walk, as the constructor for sound records would make it: a
     * TableRow is valid during the check's call only, so the walk of a table's leaves uses one for all of them (ten
     * million rows, ten million objects fewer).
     */
    TableRow next(RecordView record, long rowid, List<PathStep> walkPath, long position, RowDecoder decoder,
                  BTreePage page, int cellIndex) {
        this.record = record;
        this.rowid = rowid;
        this.walkPath = walkPath;
        this.position = position;
        this.decoder = decoder;
        this.page = page;
        this.cell = null;
        this.cellIndex = cellIndex;
        this.row = null;
        this.path = null;
        return this;
    }

    public Table table() {
        return table;
    }

    /** The row as SQLite would return it (values in column order, page and cell, decoding problems). */
    public Row row() {
        if (row == null) {
            row = decoder.decode(page, cell != null ? cell : page.cell(cellIndex));
            decoder = null;
            page = null;
            cell = null;
        }
        return row;
    }

    /** The sound record in record order (the table's {@link Table#recordColumns()}), or null: then use {@link #row()}. */
    public RecordView record() {
        return record;
    }

    /** Whether the row has a rowid (false in a WITHOUT ROWID table). */
    public boolean hasRowid() {
        return hasRowid;
    }

    /** The rowid (see {@link #hasRowid}). */
    public long rowid() {
        return rowid;
    }

    /** Root-to-cell path (a copy: safe to keep). */
    public List<PathStep> path() {
        if (path == null) {
            path = List.copyOf(walkPath);
        }
        return path;
    }

    /** 1-based position of the row in the table scan (what integrity_check's "row N" counts). */
    public long position() {
        return position;
    }
}
