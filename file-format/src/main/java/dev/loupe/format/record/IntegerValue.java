package dev.loupe.format.record;

/** A 64-bit signed integer (serial types 1..6, 8, 9). */
public record IntegerValue(long value) implements Value {

    private static final IntegerValue ZERO = new IntegerValue(0);
    private static final IntegerValue ONE = new IntegerValue(1);

    public static IntegerValue of(long v) {
        return v == 0 ? ZERO : v == 1 ? ONE : new IntegerValue(v);
    }

    @Override
    public String typeName() {
        return "integer";
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
