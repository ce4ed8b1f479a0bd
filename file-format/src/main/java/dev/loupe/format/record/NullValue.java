package dev.loupe.format.record;

/** SQL NULL. */
public enum NullValue implements Value {
    INSTANCE;

    @Override
    public String typeName() {
        return "null";
    }

    @Override
    public String toString() {
        return "NULL";
    }
}
