package dev.loupe.check.index;

import dev.loupe.check.DamagedRowids;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.Collation;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;

import java.util.List;

/**
 * What is known about one index during a check: the digest of the entries its table implies (written by the
 * table's walk), the digest of the entries it holds (written by its own walk), and why it could not be compared.
 * Each half is written by one thread; the finisher reads both after every walk has ended.
 */
final class IndexState {

    final Table table;
    final Index index;
    final IndexKeyGenerator generator;
    /** Values in each index record: the key terms, then the rowid or the primary key columns. */
    final int recordColumns;
    /** Key terms: what UNIQUE applies to. */
    final int keyColumns;
    /** The first collation among the record's columns that SQLite does not build in, or null. */
    final String unknownCollation;

    final EntryDigest implied;
    final EntryDigest held;
    /** Rows of the table seen (for the count of a non-partial index when entries could not be computed). */
    long rows;
    /** Some row's record did not decode cleanly (the exact pass looks such a row up whatever its hash). */
    boolean damagedRows;
    /**
     * Some entry's record did not decode cleanly (the exact pass looks such an entry up whatever its hash), or, in a
     * rowid table's index, did not end with an integer (the rowid the digest keeps).
     */
    boolean unlocatableEntries;
    /** Entries of the index are out of key order (so lookups may fail where the digests agree). */
    boolean disordered;
    /** Where the index's key order breaks or its tree is damaged: the keys whose lookups may fail there. */
    final KeyBreaks breaks = new KeyBreaks();
    /**
     * The index's walk met damage in its tree (see EntryCheck#treeDamaged); {@link #breaks} then also holds the
     * keys a descent may be led through it by.
     */
    boolean indexTreeDamaged;
    /** Where the table's walk met damage in its tree: the rowids whose descent it may mislead (see RowCheck). */
    DamagedRowids tableDamage = DamagedRowids.NONE;
    /** Pages the walks read in the table's tree and in the index's (what a scan of each reads again). */
    long tablePages;
    long indexPages;
    /** Why the entries could not be computed (first reason met), or null. */
    String notEvaluable;
    /**
     * The rows whose entry could not be computed, held by rowid or PRIMARY KEY ({@link UncertainEntries} finds their
     * entries and takes them out of {@link #held} before the digests are compared).
     */
    final UncertainRows uncertain = new UncertainRows();

    /**
     * In a WITHOUT ROWID table's index, how an entry names its row (as the rowid does in a rowid table's); else null.
     */
    final PrimaryKeyHash primaryKey;

    /**
     * @param ranges   the table's rowid ranges, by which both digests sum their entries too
     * @param encoding the database's text encoding
     */
    IndexState(Table table, Index index, RowidRanges ranges, TextEncoding encoding) {
        this.table = table;
        this.implied = new EntryDigest(ranges);
        this.held = new EntryDigest(ranges);
        this.index = index;
        this.generator = new IndexKeyGenerator(table, index);
        this.recordColumns = index.recordColumns().size();
        this.keyColumns = index.columns().size();
        this.unknownCollation = unknownCollation(index.recordColumns());
        this.notEvaluable = generator.unresolved();
        this.primaryKey = PrimaryKeyHash.of(table, index, encoding);
    }

    private static String unknownCollation(List<IndexedColumn> columns) {
        for (IndexedColumn c : columns) {
            if (Collation.named(c.collation()) == null) {
                return c.collation();
            }
        }
        return null;
    }

    /**
     * Whether the exact pass may skip the rows the digests vouch for: their lookups descend the index, which finds
     * what the index's walk found when that walk met no damage and the index is in key order, or out of order or
     * damaged only in {@link #breaks} that bound where (then the rows whose key lies there are looked up too). Damage
     * in the table's tree does not matter here: the rows are the ones the table's walk hashed, read by a scan of the
     * same tree, and a damaged row is looked up whatever its hash.
     */
    boolean rowLookupsSkippable() {
        return !disordered && !indexTreeDamaged || breaks.bounded();
    }

    /** Whether some keys' descents may be misled: the rows keyed in {@link #breaks} are looked up. */
    boolean keysInDoubt() {
        return disordered || indexTreeDamaged;
    }

    /**
     * Whether the exact pass may skip the entries the digests vouch for: their lookups descend the table, so neither
     * the index's key order nor damage in its tree matters (the exact pass scans the entries as the walk read them,
     * and one whose record is damaged is looked up whatever its hash), only that the table's damage, if any, is
     * bounded to some rowids (then the entries of those rowids are looked up: {@link #rowidInDoubt}).
     */
    boolean entryLookupsSkippable() {
        return !tableDamage.all();
    }

    /**
     * Whether a descent of the table for the row of this sound entry (read in place) may be misled by the table's
     * damage: its rowid lies where that damage is, or the entry does not end with a rowid.
     */
    boolean rowidInDoubt(RecordView entry) {
        if (tableDamage.none()) {
            return false;
        }
        int last = recordColumns - 1;
        return last < 0 || entry.count() != recordColumns || !entry.isInteger(last)
                || tableDamage.contains(entry.integer(last));
    }

    /** {@link #rowidInDoubt(RecordView)} for an entry's decoded values. */
    boolean rowidInDoubt(List<Value> entry) {
        if (tableDamage.none()) {
            return false;
        }
        int last = recordColumns - 1;
        return last < 0 || entry.size() != recordColumns || !(entry.get(last) instanceof IntegerValue rowid)
                || tableDamage.contains(rowid.value());
    }

    /**
     * Whether the exact pass may take the rows and entries by which the digests differ from the digests
     * ({@link EntryDigest#difference}: their hashes and rowids) instead of scanning the table for them: in a rowid table
     * whose walk, like the index's, met neither damage nor a break in key order, so that the rows and entries the
     * scans would leave unmatched are exactly those.
     */
    boolean differencesLocatable() {
        return table.hasRowid() && !keysInDoubt() && tableDamage.none() && !damagedRows && !unlocatableEntries;
    }

    boolean comparable() {
        return notEvaluable == null;
    }
}
