package dev.loupe.format.record;

/** Serial type codes of a record header (fileformat2 §2.1, "serial type codes of the record format"). */
public final class SerialType {

    /** Body sizes of serial types 0..11: 0..9 as fileformat2 §2.1 lists them, -1 for the reserved 10 and 11. */
    private static final byte[] FIXED_SIZES = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, -1, -1};

    private SerialType() {
    }

    /** Largest serial type SQLite reads: it takes serial types as u32 and clamps larger varints to this. */
    static final long MAX_SERIAL_TYPE = 0xffffffffL;

    /**
     * Body size in bytes of a value of serial type {@code t}; -1 for the reserved types 10 and 11. A type beyond
     * u32 (a 9-byte varint may even read as negative) counts as {@link #MAX_SERIAL_TYPE}, as SQLite's
     * getVarint32 makes it: a text longer than any payload.
     */
    public static long contentSize(long t) {
        if (t < 0 || t > MAX_SERIAL_TYPE) {
            return contentSize(MAX_SERIAL_TYPE);
        }
        if (t >= 12) {
            return (t - 12) / 2;
        }
        return FIXED_SIZES[(int) t]; // a table, not a switch: types vary column to column and jumps mispredict
    }

    /** A short description, e.g. "int8", "text(12)", "blob(0)". */
    public static String describe(long t) {
        if (t < 0 || t >= 12) {
            return ((t & 1) == 0 ? "blob(" : "text(") + contentSize(t) + ")";
        }
        return switch ((int) t) {
            case 0 -> "null";
            case 1 -> "int8";
            case 2 -> "int16";
            case 3 -> "int24";
            case 4 -> "int32";
            case 5 -> "int48";
            case 6 -> "int64";
            case 7 -> "float64";
            case 8 -> "zero";
            case 9 -> "one";
            default -> "reserved(" + t + ")";
        };
    }
}
