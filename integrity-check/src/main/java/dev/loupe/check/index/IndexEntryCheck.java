package dev.loupe.check.index;

import dev.loupe.check.Literals;
import dev.loupe.check.DamagedKeys;
import dev.loupe.check.EntryCheck;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import dev.loupe.check.IndexEntry;
import dev.loupe.check.LastKey;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.IndexedColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * Sees every entry of one index in key order: folds it into the index's digest, checks that its record holds
 * exactly the key terms and the rowid (or primary key), and for a UNIQUE index that it does not repeat the key of
 * the entry before it (SQLite's check: the entry after a row's entry must differ on the key columns, under their
 * collations, unless a nullable key column is NULL).
 */
final class IndexEntryCheck implements EntryCheck {

    private final IndexState state;
    private final KeyComparator keyOrder;
    private final boolean[] nullable;
    private final boolean checkUnique;
    private final TextEncoding encoding;
    private final LastKey previous;
    private long previousPosition;
    /**
     * Whether the uniqueness check met an entry yet, and the key of the first one when it had no NULL (else null):
     * what a part of a split walk begins with ({@link #follows}).
     */
    private boolean firstSeen;
    private List<Value> firstUnique;
    /**
     * The entries seen and whether one was out of order, kept here and given to the {@link IndexState} at
     * {@link #end}: the state is shared with the table's walk on another thread, and two threads writing to
     * neighbouring fields for every row and entry stall each other (false sharing; measured: about a quarter of
     * the table walk's time). Made on the walking thread, so that it lies apart from what other threads write.
     */
    private EntryDigest held;
    private boolean disordered;
    /** Entries of a rowid table's index end with the rowid (at {@code recordColumns - 1}). */
    private final boolean rowidLast;
    /** An entry was damaged or did not end with a rowid: the digests cannot say where the entries differ. */
    private boolean unlocatable;
    private final KeyBreaks breaks = new KeyBreaks();
    private boolean treeDamaged;

    IndexEntryCheck(IndexState state, TextEncoding encoding) {
        this.state = state;
        this.encoding = encoding;
        List<IndexedColumn> key = state.index.columns();
        this.keyOrder = new KeyComparator(key, encoding);
        this.nullable = new boolean[key.size()];
        for (int i = 0; i < key.size(); i++) {
            int c = key.get(i).tableColumn();
            nullable[i] = c < 0 || c >= state.table.columns().size() || !state.table.columns().get(c).notNull();
        }
        this.checkUnique = state.index.unique() && state.unknownCollation == null && !key.isEmpty();
        this.previous = new LastKey(encoding);
        this.rowidLast = state.table.hasRowid() && state.recordColumns > 0;
    }

    @Override
    public void entry(IndexEntry e, FindingSink sink) {
        RecordView r = e.record();
        if (r != null) {
            sound(e, r, sink);
            return;
        }
        List<Value> values = e.values();
        long rowid = 0;
        if (rowidLast) {
            int last = state.recordColumns - 1;
            if (e.problems().isEmpty() && values.size() == state.recordColumns
                    && values.get(last) instanceof IntegerValue i) {
                rowid = i.value();
            } else {
                unlocatable = true;
            }
        } else {
            unlocatable |= !e.problems().isEmpty();
        }
        held().add(EntryHash.of(values, state.recordColumns, encoding), rowid);
        if (e.problems().isEmpty() && values.size() != state.recordColumns) {
            recordLength(e, sink);
        }
        if (checkUnique) {
            unique(e, sink);
        }
        if (e.problems().isEmpty() && !values.contains(null)) {
            order(e, values.size());
        }
        // else the entry is damaged, its order not judged and its length what the damage made it; but its page is
        // damaged, and the walk's treeDamaged bounds the keys whose descent may meet it (KeyRoutes)
    }

    /**
     * Out of order, a b-tree descent can miss entries that are there: the exact pass must then look for the rows
     * whose key lies where the order breaks ({@link KeyBreaks}), which needs every key to have the index's length.
     */
    private void order(IndexEntry e, int values) {
        if (values != state.recordColumns) {
            breaks.unbound();
        }
        if (e.outOfOrder()) {
            disordered = true;
            if (e.breakRoute() != null) {
                // a break on a leaf misleads only the descents that enter the leaf, and hides only its own keys
                for (DamagedKeys.Interval i : e.breakRoute()) {
                    breaks.addDamaged(i.low(), i.high());
                }
            } else {
                breaks.add(e.values(), e.keyBefore());
            }
        }
    }

    /** {@link #entry} for a sound record, on its bytes. */
    private void sound(IndexEntry e, RecordView r, FindingSink sink) {
        int n = state.recordColumns;
        if (rowidLast && r.count() == n && r.isInteger(n - 1)) {
            long rowid = r.integer(n - 1);
            held().add(EntryHash.endingWith(r, n, rowid), rowid);
        } else {
            unlocatable |= rowidLast;
            held().add(EntryHash.of(r, n), 0);
        }
        if (r.count() != state.recordColumns) {
            recordLength(e, sink);
        }
        if (checkUnique) {
            int k = state.keyColumns;
            if (r.count() < k || hasNull(r, k)) {
                previous.clear();
                firstSeen = true;
            } else {
                if (!firstSeen) {
                    firstSeen = true;
                    firstUnique = LastKey.decoded(r, k);
                }
                if (previous.present() && previous.compare(keyOrder, r, k) == 0) {
                    notUnique(e, LastKey.decoded(r, k), sink);
                }
                previous.set(r, k);
                previousPosition = e.position();
            }
        }
        order(e, r.count());
    }

    private EntryDigest held() {
        if (held == null) {
            held = new EntryDigest(state.held.rowidRanges());
        }
        return held;
    }

    @Override
    public void treeDamaged(DamagedKeys where) {
        treeDamaged = true;
        if (where.all()) {
            breaks.unbound();
        }
        for (DamagedKeys.Interval i : where.intervals()) {
            breaks.addDamaged(i.low(), i.high());
        }
    }

    @Override
    public void treePages(long pages) {
        state.indexPages = pages;
    }

    @Override
    public EntryCheck forPart() {
        return new IndexEntryCheck(state, encoding);
    }

    /**
     * A UNIQUE index's first entry here must not repeat the key of the last entry {@code before} kept, as the whole
     * walk would have compared them (unless a NULL in either ended the question).
     */
    @Override
    public boolean follows(EntryCheck before) {
        LastKey last = ((IndexEntryCheck) before).previous;
        return !checkUnique || firstUnique == null || !last.present()
                || last.compare(keyOrder, firstUnique) != 0;
    }

    @Override
    public void merge(EntryCheck part) {
        IndexEntryCheck p = (IndexEntryCheck) part;
        if (p.held != null) {
            held().addAll(p.held);
        }
        disordered |= p.disordered;
        unlocatable |= p.unlocatable;
        breaks.addAll(p.breaks);
        treeDamaged |= p.treeDamaged;
    }

    @Override
    public void end(FindingSink sink) {
        if (held != null) {
            state.held.addAll(held);
        }
        state.disordered |= disordered;
        state.unlocatableEntries |= unlocatable;
        state.breaks.addAll(breaks);
        state.indexTreeDamaged |= treeDamaged;
    }

    private void recordLength(IndexEntry e, FindingSink sink) {
        int n = state.recordColumns;
        String what = state.table.hasRowid() ? n - 1 + " key values and the rowid"
                : n + " values (key and primary key)";
        boolean rowid = state.table.hasRowid();
        Finding.Builder f = Finding.of(rowid ? FindingCode.INDEX_ROWID_NOT_AT_END : FindingCode.INDEX_RECORD_LENGTH,
                        "entry " + e.position() + " of index " + state.index.name() + " holds " + e.values().size()
                                + " values; its record should hold " + what
                                + (rowid ? ", so the rowid SQLite reads from the record's end is wrong" : ""))
                .object(state.index.name()).page(e.page()).cell(e.cell()).path(e.path())
                .keys(Literals.of(e.values(), e.values().size()));
        sink.add(f);
    }

    private void unique(IndexEntry e, FindingSink sink) {
        List<Value> values = e.values();
        int k = state.keyColumns;
        if (values.size() < k || hasNull(values, k)) {
            previous.clear();
            firstSeen = true;
            return;
        }
        List<Value> key = new ArrayList<>(values.subList(0, k));
        if (!firstSeen) {
            firstSeen = true;
            firstUnique = key;
        }
        if (previous.present() && previous.compare(keyOrder, key) == 0) {
            notUnique(e, key, sink);
        }
        previous.set(key);
        previousPosition = e.position();
    }

    private void notUnique(IndexEntry e, List<Value> key, FindingSink sink) {
        List<Value> values = e.values();
        int k = state.keyColumns;
        sink.add(Finding.of(FindingCode.INDEX_NOT_UNIQUE, "entries " + previousPosition + " and " + e.position()
                        + " of UNIQUE index " + state.index.name() + " have the same key "
                        + Literals.tuple(key, k))
                .object(state.index.name()).page(e.page()).cell(e.cell()).path(e.path())
                .keys(Literals.of(values, values.size()))
                .sqlite("non-unique entry in index " + state.index.name()));
    }

    /** {@link #hasNull(List, int)} on a sound record's serial types. */
    private boolean hasNull(RecordView r, int k) {
        for (int i = 0; i < k; i++) {
            if (r.isNull(i) && nullable[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A NULL in a key column that may hold one ends the uniqueness question (NULLs are distinct), and so does a value
     * a damaged record lacks (null here), in any column: it cannot be compared.
     */
    private boolean hasNull(List<Value> values, int k) {
        for (int i = 0; i < k; i++) {
            Value v = values.get(i);
            if (v == null || v instanceof NullValue && nullable[i]) {
                return true;
            }
        }
        return false;
    }
}
