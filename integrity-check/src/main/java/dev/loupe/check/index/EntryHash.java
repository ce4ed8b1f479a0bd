package dev.loupe.check.index;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A 64-bit hash of an index entry's canonical form: its values as an index record stores them, compared the way
 * SQLite's integrity_check compares a row's generated key with the index (OP_Found, then OP_Ne for non-BINARY
 * columns): exact text (its bytes in the database encoding) and blob content, numbers by value. An integer and a
 * real of the same value (a REAL column's integral value is stored as an integer in the table and the index) hash
 * alike; -0.0 is 0. A sound record's fields hash from their bytes, decoded values alike: both sides of a comparison
 * may mix the two.
 */
final class EntryHash {

    /** Stands for a value an index record lacks (a record shorter than key + rowid). */
    private static final long MISSING = 0x6d697373696e6721L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long SEED = 0x9e3779b97f4a7c15L;
    private static final long NULL = 0x4e554c4c4e554c4cL;
    private static final long TEXT = 3;
    private static final long BLOB = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private EntryHash() {
    }

    /** The hash of the first {@code n} values of {@code values}, positions past its end counting as missing. */
    static long of(List<Value> values, int n, TextEncoding encoding) {
        long h = SEED;
        for (int i = 0; i < n; i++) {
            Value v = i < values.size() ? values.get(i) : null;
            h = step(h, v == null ? MISSING : value(v, encoding));
        }
        return mix(h ^ n);
    }

    /** The hash of an entry given as an array (all of it). */
    static long of(Value[] values, TextEncoding encoding) {
        long h = SEED;
        for (Value v : values) {
            h = step(h, v == null ? MISSING : value(v, encoding));
        }
        return mix(h ^ values.length);
    }

    /** {@link #of(List, int, TextEncoding)} of a sound record's values, from its bytes. */
    static long of(RecordView record, int n) {
        long h = SEED;
        for (int i = 0; i < n; i++) {
            h = step(h, i < record.count() ? field(record, i) : MISSING);
        }
        return mix(h ^ n);
    }

    /**
     * {@link #of(RecordView, int)} of a sound record of {@code n} values whose last one, an integer, is {@code last}
     * (read by the caller, who needs it too: an index entry's rowid).
     */
    static long endingWith(RecordView record, int n, long last) {
        long h = SEED;
        for (int i = 0; i < n - 1; i++) {
            h = step(h, field(record, i));
        }
        return mix(step(h, integer(last)) ^ n);
    }

    /**
     * {@link #of(Value[], TextEncoding)} of the entry a sound table record implies: for each index record column, the
     * record field {@code fields[i]}, or the rowid where {@code fields[i]} is negative. Every field must exist.
     */
    static long implied(RecordView record, int[] fields, long rowid) {
        long h = SEED;
        for (int f : fields) {
            h = step(h, f < 0 ? integer(rowid) : field(record, f));
        }
        return mix(h ^ fields.length);
    }

    private static long step(long h, long v) {
        return (h ^ v) * 0xbf58476d1ce4e5b9L + 0x94d049bb133111ebL;
    }

    /** A value's hash; text is hashed as its bytes in the database encoding, as a record stores it. */
    static long value(Value v, TextEncoding encoding) {
        if (v instanceof NullValue) {
            return NULL;
        }
        if (v instanceof IntegerValue i) {
            return integer(i.value());
        }
        if (v instanceof RealValue r) {
            return real(r.value());
        }
        if (v instanceof TextValue t) {
            byte[] b = t.value().getBytes(encoding.charset());
            return bytes(TEXT, b, 0, b.length);
        }
        byte[] b = ((BlobValue) v).value();
        return bytes(BLOB, b, 0, b.length);
    }

    /** {@link #value} of a sound record's field, from its serial type and bytes. */
    static long field(RecordView r, int i) {
        long t = r.serialType(i);
        if (t == 0) {
            return NULL;
        }
        if (t == 7) {
            return real(r.real(i));
        }
        if (t < 12) {
            return integer(r.integer(i));
        }
        return bytes((t & 1) == 1 ? TEXT : BLOB, r.bytes(), r.offset(i), r.size(i));
    }

    private static long real(double d) {
        // integral(d) without the box: this runs for every REAL in every index entry and implied entry
        if (d > -9.223372036854775808E18 && d < 9.223372036854775808E18) {
            long l = (long) d;
            if ((double) l == d) {
                return integer(l);
            }
        }
        return mix(Double.doubleToLongBits(d) ^ 0x7265616c7265616cL);
    }

    /**
     * An FNV-1a-style hash over the bytes eight at a time, each word read little-endian (a shorter value, or the
     * tail of a longer one, as one last, overlapping eight-byte word), then the length; {@code kind} keeps text and
     * blobs apart. A value shorter than eight bytes is one word of its bytes, the first lowest, zeros above.
     */
    private static long bytes(long kind, byte[] b, int off, int len) {
        long h = FNV_OFFSET ^ kind;
        int end = off + len;
        if (len >= 8) {
            int i = off;
            for (; i + 8 <= end; i += 8) {
                h = (h ^ (long) LONGS.get(b, i)) * FNV_PRIME;
                h ^= h >>> 29;
            }
            if (i < end) {
                h = (h ^ (long) LONGS.get(b, end - 8)) * FNV_PRIME;
                h ^= h >>> 29;
            }
        } else if (len > 0) {
            long w;
            if (off + 8 <= b.length) {
                // the eight bytes from off, those past the value masked off (little-endian: they are the high ones)
                w = (long) LONGS.get(b, off) & (-1L >>> (64 - 8 * len));
            } else {
                w = 0;
                for (int i = end - 1; i >= off; i--) {
                    w = (w << 8) | (b[i] & 0xff);
                }
            }
            h = (h ^ w) * FNV_PRIME;
            h ^= h >>> 29;
        }
        return mix(h ^ ((long) len << 8) ^ kind);
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
