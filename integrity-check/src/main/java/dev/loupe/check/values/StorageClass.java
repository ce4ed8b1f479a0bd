package dev.loupe.check.values;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

/**
 * The storage classes as the VDBE's OP_IsType tests them: one bit each, so a rule is a mask of accepted classes.
 * A REAL read through REAL affinity from an integer stays acceptable wherever INTEGER is, which every rule that
 * accepts REAL also does (a REAL column stores integral reals as integers, fileformat2 §2.1). A NaN stored as
 * serial type 7 counts as REAL here, as OP_IsType reads the serial type, not the value.
 */
final class StorageClass {

    static final int INTEGER = 0x01;
    static final int REAL = 0x02;
    static final int TEXT = 0x04;
    static final int BLOB = 0x08;
    static final int NULL = 0x10;

    private StorageClass() {
    }

    /** The class of a value of serial type {@code t} (fileformat2 §2.1), as OP_IsType reads it. */
    static int ofSerialType(long t) {
        if (t == 0) {
            return NULL;
        }
        if (t == 7) {
            return REAL;
        }
        if (t < 12) {
            return INTEGER;
        }
        return (t & 1) == 1 ? TEXT : BLOB;
    }

    static int of(Value v) {
        if (v instanceof IntegerValue) {
            return INTEGER;
        }
        if (v instanceof RealValue) {
            return REAL;
        }
        if (v instanceof TextValue) {
            return TEXT;
        }
        if (v instanceof BlobValue) {
            return BLOB;
        }
        return NULL;
    }
}
