package dev.loupe.check.index;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.List;

/**
 * A 64-bit hash of an index entry's canonical form: its values as an index record stores them, compared the way
 * SQLite's integrity_check compares a row's generated key with the index (OP_Found, then OP_Ne for non-BINARY
 * columns): exact text and blob content, numbers by value. An integer and a real of the same value (a REAL column's
 * integral value is stored as an integer in the table and the index) hash alike; -0.0 is 0.
 */
final class EntryHash {

    /** Stands for a value an index record lacks (a record shorter than key + rowid). */
    private static final long MISSING = 0x6d697373696e6721L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private EntryHash() {
    }

    /** The hash of the first {@code n} values of {@code values}, positions past its end counting as missing. */
    static long of(List<Value> values, int n) {
        long h = 0x9e3779b97f4a7c15L;
        for (int i = 0; i < n; i++) {
            Value v = i < values.size() ? values.get(i) : null;
            h = step(h, v == null ? MISSING : value(v));
        }
        return mix(h ^ n);
    }

    /** The hash of an entry given as an array (all of it). */
    static long of(Value[] values) {
        long h = 0x9e3779b97f4a7c15L;
        for (Value v : values) {
            h = step(h, v == null ? MISSING : value(v));
        }
        return mix(h ^ values.length);
    }

    private static long step(long h, long v) {
        return (h ^ v) * 0xbf58476d1ce4e5b9L + 0x94d049bb133111ebL;
    }

    static long value(Value v) {
        if (v instanceof NullValue) {
            return mix(1);
        }
        if (v instanceof IntegerValue i) {
            return integer(i.value());
        }
        if (v instanceof RealValue r) {
            Long l = integral(r.value());
            return l != null ? integer(l) : mix(Double.doubleToLongBits(r.value()) ^ 0x7265616c7265616cL);
        }
        if (v instanceof TextValue t) {
            long h = FNV_OFFSET ^ 3;
            String s = t.value();
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * FNV_PRIME;
            }
            return mix(h ^ s.length());
        }
        byte[] b = ((BlobValue) v).value();
        long h = FNV_OFFSET ^ 4;
        for (byte x : b) {
            h = (h ^ (x & 0xff)) * FNV_PRIME;
        }
        return mix(h ^ ((long) b.length << 32));
    }

    /** Canonical equality: what {@link #value} hashes alike (exact text and blobs, numbers by value). */
    static boolean same(Value a, Value b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            Long x = a instanceof IntegerValue i ? Long.valueOf(i.value()) : integral(((RealValue) a).value());
            Long y = b instanceof IntegerValue i ? Long.valueOf(i.value()) : integral(((RealValue) b).value());
            if (x != null || y != null) {
                return x != null && x.equals(y);
            }
            return Double.compare(((RealValue) a).value(), ((RealValue) b).value()) == 0;
        }
        return a.equals(b);
    }

    private static boolean isNumber(Value v) {
        return v instanceof IntegerValue || v instanceof RealValue;
    }

    private static long integer(long l) {
        return mix(l * 0x2545f4914f6cdd1dL + 2);
    }

    /** The integer a real equals exactly (sqlite3VdbeIntegerAffinity's range), else null. -0.0 is 0. */
    private static Long integral(double d) {
        if (d > -9.223372036854775808E18 && d < 9.223372036854775808E18) {
            long l = (long) d;
            if ((double) l == d) {
                return l;
            }
        }
        return null;
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
