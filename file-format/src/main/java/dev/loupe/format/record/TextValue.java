package dev.loupe.format.record;

/** Text (odd serial types >= 13), decoded from the database encoding. */
public record TextValue(String value) implements Value {

    @Override
    public String typeName() {
        return "text";
    }

    @Override
    public String toString() {
        return "'" + value.replace("'", "''") + "'";
    }
}
