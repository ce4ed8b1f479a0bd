package dev.loupe.format.record;

import java.util.Arrays;
import java.util.HexFormat;

/** A blob (even serial types >= 12). Compared by content. */
public record BlobValue(byte[] value) implements Value {

    @Override
    public String typeName() {
        return "blob";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobValue b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** Lowercase hex, as the JSON contract writes blobs. */
    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public String toString() {
        return "X'" + hex() + "'";
    }
}
