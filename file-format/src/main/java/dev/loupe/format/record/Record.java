package dev.loupe.format.record;

import dev.loupe.format.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded record (fileformat2 §2.1): a header of varints (its own size, then one serial type per column) and a
 * body of values.
 *
 * @param headerSize       the header size the record states (including its own varint)
 * @param headerSizeLength bytes of that varint
 * @param fields           one per serial type that could be read
 * @param problems         over-long or inconsistent header, reserved serial types, truncated body, bad text
 */
public record Record(long headerSize, int headerSizeLength, List<Field> fields, List<Problem> problems) {

    public int columnCount() {
        return fields.size();
    }

    /** The value of column {@code i}; null if the record has fewer columns or the value was unreadable. */
    public Value value(int i) {
        return i < fields.size() ? fields.get(i).value() : null;
    }

    public List<Value> values() {
        List<Value> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(f.value());
        }
        return out;
    }
}
