package dev.loupe.check;

import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The key an in-order walk saw last, to compare the next one with: a copy of a sound record's first values, or
 * decoded values when the record was not sound. Two sound keys compare on their bytes; a mixed pair decodes the
 * sound side, which happens only next to a damaged record.
 */
public final class LastKey {

    private RecordView view;
    private boolean present;
    private boolean isView;
    private List<Value> values;
    private int size;

    public LastKey(TextEncoding encoding) {
        this.view = new RecordView(encoding);
    }

    /** Keeps the first {@code size} values of {@code record} (copied: the walk may move on). */
    public void set(RecordView record, int size) {
        view.copyFrom(record);
        this.size = Math.min(size, record.count());
        isView = true;
        values = null;
        present = true;
    }

    /**
     * As {@link #set(RecordView, int)}, keeping {@code record} itself instead of a copy, and returning the view this
     * key held until now, free for the caller to read its next record into. {@code record}'s bytes must not change
     * while it is kept: a walk's page and payload arrays are fresh copies it never writes to.
     */
    public RecordView keep(RecordView record, int size) {
        RecordView free = view;
        view = record;
        this.size = Math.min(size, record.count());
        isView = true;
        values = null;
        present = true;
        return free;
    }

    public void set(List<Value> key) {
        values = key;
        size = key.size();
        isView = false;
        present = true;
    }

    public void clear() {
        present = false;
        values = null;
    }

    public boolean present() {
        return present;
    }

    /** How many values the key holds. */
    public int size() {
        return size;
    }

    /**
     * {@code comparator.compare(current, last)} over this key's values: negative when the first {@code size()}
     * values of the sound record {@code current} sort before this key.
     */
    public int compare(KeyComparator comparator, RecordView current, int currentSize) {
        if (isView) {
            return comparator.compare(current, view, size);
        }
        return comparator.compare(decoded(current, currentSize), values);
    }

    /** {@code comparator.compare(current, last)} for a key given as values. */
    public int compare(KeyComparator comparator, List<Value> current) {
        return comparator.compare(current, values());
    }

    /** The key as values (decoded from the copy when it was kept as a record). */
    public List<Value> values() {
        if (values == null && isView) {
            values = decoded(view, size);
        }
        return values;
    }

    /** The first {@code n} values of {@code record}, decoded. */
    public static List<Value> decoded(RecordView record, int n) {
        int k = Math.min(n, record.count());
        List<Value> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(record.value(i));
        }
        return out;
    }
}
