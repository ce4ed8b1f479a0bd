package dev.loupe.check.index;

import dev.loupe.check.ExtraPages;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.LeafCellScan;
import dev.loupe.format.btree.LocalLeafCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * One scan of an index's entries for the exact pass ({@link MismatchNamer}): each entry whose hash falls in a bucket
 * where the digests differ (every entry, when entries are not narrowed), or whose row's rowid lies where the table's
 * tree is damaged ({@link IndexState#rowidInDoubt}), is handed on decoded, with its hash, cell and b-tree path. An
 * entry passed over from its record bytes, hashed as the walk hashed it, is not even decoded. The scan has buffers
 * of its own: the namer's serve the rows' scan and the lookups.
 */
final class EntryScan {

    /** Where the scan hands the entries it may not pass over. */
    interface Handler {

        /** A sound entry of hash {@code hash} is handed on: once per entry, before {@link #inPlace} or {@link #entry}. */
        default void met(long hash) {
        }

        /**
         * Whether an entry whose sound record lies wholly on its page, read in place into {@code record} (of hash
         * {@code hash}), is accounted for without being decoded; when false it is decoded and given to
         * {@link #entry}.
         */
        default boolean inPlace(RecordView record, long hash) throws IOException {
            return false;
        }

        /**
         * @param held  the entry's values, decoded as the walk decoded them
         * @param sound whether its payload and record are sound (then {@code hash} is its {@link EntryHash})
         */
        void entry(BTreePage page, PayloadCell cell, List<PathStep> path, List<Value> held, boolean sound, long hash)
                throws IOException;

        /** Whether the scan ends here. */
        boolean stop();
    }

    private final Database db;
    private final IndexState state;
    /** Where the entries handed on lie (differing buckets and rowid ranges); null: every entry is handed on. */
    private final Suspects buckets;
    /** Of those, the hashes of the only entries handed on (sound ones); null: all of them. */
    private final LongPredicate only;
    /** The rowids of those only entries (so that the others need not be hashed); null: not known. */
    private final LongPredicate onlyRowids;
    private final RecordView view;
    private final LocalLeafCell local = new LocalLeafCell();
    private final PayloadReader payloads;
    private final RecordDecoder records;

    EntryScan(Database db, IndexState state, Suspects buckets) {
        this(db, state, buckets, null, null);
    }

    /**
     * @param only       the hashes of the sound entries to hand on, when the digests name them
     *                   ({@link LoneDifferences}); null: every entry of {@code buckets}
     * @param onlyRowids the rowids of those entries, when the table's tree is sound (an entry of another rowid is
     *                   passed over without being hashed); null: not known
     */
    EntryScan(Database db, IndexState state, Suspects buckets, LongPredicate only, LongPredicate onlyRowids) {
        this.db = db;
        this.state = state;
        this.buckets = buckets;
        this.only = only;
        this.onlyRowids = onlyRowids;
        this.view = new RecordView(db.encoding());
        this.payloads = new PayloadReader(db.pages(), db.usableSize());
        this.records = new RecordDecoder(db.encoding(), true);
    }

    /** @param pages where the scan's pages are counted (the progress line) */
    void run(ExtraPages pages, Handler handler) throws IOException {
        // entries are decoded (and a finding's path copied) before the walk moves on: page buffers can be reused
        BTreeWalker walker = new BTreeWalker(db.pages(), db.usableSize()).reusingPageBuffers();
        final class Entries implements TreeVisitor, LeafCellScan {
            /** Leaf cells read in place: one hashed outside the differing buckets is not decoded (see entry()). */
            @Override
            public void leafCells(BTreePage page, List<PathStep> path) {
                for (int i = 0; i < page.cellCount() && !stop(); i++) {
                    if (!page.cellPointerValid(i)) {
                        continue;
                    }
                    if (buckets != null && local.read(page, i)
                            && view.parse(page.data(), local.payloadOffset(), local.payloadSize(), Integer.MAX_VALUE)
                            && (otherRowid(view) || passedOver(view))
                            && !state.rowidInDoubt(view)) {
                        continue;
                    }
                    LeafCellScan.asWalked(page, i, path, this);
                }
            }

            @Override
            public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                // the walker asks stop() between cells, but not before an interior cell after its left subtree
                if (!(cell instanceof PayloadCell pc) || stop()) {
                    return;
                }
                try {
                    entry(page, pc, path, handler);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void problem(Problem problem) {
                // the structural checks report the index tree's damage
            }

            @Override
            public boolean stop() {
                return handler.stop();
            }

            @Override
            public boolean page(BTreePage page, List<PathStep> path, int depth) {
                pages.read(1);
                return true;
            }
        }
        walker.walk(state.index.rootPage(), new Entries());
    }

    private void entry(BTreePage page, PayloadCell cell, List<PathStep> path, Handler handler) throws IOException {
        boolean met = false;
        if (local(page, cell)) {
            long hash = EntryHash.of(view, state.recordColumns);
            if (passedOver(hash, rowid(view)) && !state.rowidInDoubt(view)) {
                return; // hashed from its bytes, as the walk did: not in a differing bucket
            }
            met = true;
            handler.met(hash);
            if (handler.inPlace(view, hash)) {
                return;
            }
        }
        // decoded as the walk decoded it (so that a sound record hashes as it did there)
        Payload payload = payloads.read(page.data(), cell.payload());
        Record record = records.decode(payload);
        List<Value> held = record.values();
        boolean sound = payload.problems().isEmpty() && record.problems().isEmpty();
        long hash = sound ? EntryHash.of(held, state.recordColumns, db.encoding()) : 0;
        if (sound && passedOver(hash, rowid(held)) && !state.rowidInDoubt(held)) {
            return;
        }
        if (sound && !met) {
            handler.met(hash);
        }
        handler.entry(page, cell, path, held, sound, hash);
    }

    /**
     * Whether an entry read in place ends with a rowid none of the only entries has (so its hash is not theirs). The
     * only entries are given for rowid tables alone.
     */
    private boolean otherRowid(RecordView entry) {
        return onlyRowids != null && endsWithRowid(entry) && !onlyRowids.test(entry.integer(state.recordColumns - 1));
    }

    /**
     * Whether a sound entry of this hash and rowid is not handed on (unless the table's damage puts its row in
     * doubt).
     */
    private boolean passedOver(long hash, long rowid) {
        return !MismatchNamer.suspected(buckets, hash, rowid) || only != null && !only.test(hash);
    }

    /**
     * {@link #passedOver(long, long)} of a sound entry read in place, hashed only when its rowid range is one where
     * the digests differ.
     */
    private boolean passedOver(RecordView entry) {
        long rowid = rowid(entry);
        return !buckets.rangeDiffers(rowid) || passedOver(EntryHash.of(entry, state.recordColumns), rowid);
    }

    /**
     * The rowid a sound entry read in place was summed by in the digests ({@link IndexEntryCheck}): the integer it
     * ends with, in a rowid table's index and when it has the index's length; else 0.
     */
    private long rowid(RecordView entry) {
        return endsWithRowid(entry) ? entry.integer(state.recordColumns - 1) : 0;
    }

    /** Whether an entry read in place is a rowid table index's entry of the index's length, ending with an integer. */
    private boolean endsWithRowid(RecordView entry) {
        int last = state.recordColumns - 1;
        return state.table.hasRowid() && last >= 0 && entry.count() == state.recordColumns && entry.isInteger(last);
    }

    /** {@link #rowid(RecordView)} for a sound entry's decoded values. */
    private long rowid(List<Value> entry) {
        int last = state.recordColumns - 1;
        return state.table.hasRowid() && last >= 0 && entry.size() == state.recordColumns
                && entry.get(last) instanceof IntegerValue i ? i.value() : 0;
    }

    /**
     * Reads {@code cell}'s record into {@link #view} when the cell has no problem, its payload lies wholly on the
     * page and the record is sound: the records the walks hashed from their bytes.
     */
    private boolean local(BTreePage page, Cell cell) {
        if (!(cell instanceof PayloadCell pc) || !cell.problems().isEmpty()) {
            return false;
        }
        LocalPayload p = pc.payload();
        return p.allLocal() && view.parse(page.data(), p.localOffset(), p.localSize(), Integer.MAX_VALUE);
    }
}
