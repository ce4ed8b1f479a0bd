package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Values written as a record (fileformat2 §2.1) the way SQLite writes one with schema format 4: each integer in the
 * smallest serial type that holds it (8 and 9 for 0 and 1), a real as serial type 7, text in the database encoding.
 * For comparing a key given as values with records read in place ({@link RecordView}, {@link RecordCompare}) without
 * decoding the records; nothing is written to a file.
 */
public final class RecordEncoder {

    private RecordEncoder() {
    }

    /** The record of {@code values} (a null element is written as NULL). */
    public static byte[] encode(List<Value> values, TextEncoding encoding) {
        long[] types = new long[values.size()];
        byte[][] bodies = new byte[values.size()][];
        int headerTypes = 0;
        for (int i = 0; i < types.length; i++) {
            Value v = values.get(i);
            if (v == null || v instanceof NullValue) {
                types[i] = 0;
                bodies[i] = new byte[0];
            } else if (v instanceof IntegerValue n) {
                types[i] = integerType(n.value());
                bodies[i] = bigEndian(n.value(), (int) SerialType.contentSize(types[i]));
            } else if (v instanceof RealValue r) {
                types[i] = 7;
                bodies[i] = bigEndian(Double.doubleToRawLongBits(r.value()), 8);
            } else if (v instanceof TextValue t) {
                bodies[i] = t.value().getBytes(encoding.charset());
                types[i] = 13 + 2L * bodies[i].length;
            } else {
                bodies[i] = ((BlobValue) v).value();
                types[i] = 12 + 2L * bodies[i].length;
            }
            headerTypes += varintLength(types[i]);
        }
        // the header size counts its own varint, whose length can depend on the size it holds
        int headerSize = headerTypes + 1;
        while (varintLength(headerSize) + headerTypes > headerSize) {
            headerSize = varintLength(headerSize) + headerTypes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, headerSize);
        for (long t : types) {
            writeVarint(out, t);
        }
        for (byte[] b : bodies) {
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    /** The serial type SQLite stores integer {@code v} as (serial types 1-6, 8, 9). */
    static long integerType(long v) {
        if (v == 0) {
            return 8;
        }
        if (v == 1) {
            return 9;
        }
        if (v >= -128 && v <= 127) {
            return 1;
        }
        if (v >= -32768 && v <= 32767) {
            return 2;
        }
        if (v >= -8388608 && v <= 8388607) {
            return 3;
        }
        if (v >= -2147483648L && v <= 2147483647L) {
            return 4;
        }
        if (v >= -140737488355328L && v <= 140737488355327L) {
            return 5;
        }
        return 6;
    }

    private static byte[] bigEndian(long v, int n) {
        byte[] b = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>= 8;
        }
        return b;
    }

    /** Bytes of {@code v} as a SQLite varint (fileformat2 §1.6: nine at most, the ninth with all eight bits). */
    private static int varintLength(long v) {
        if (v < 0 || v >= 1L << 56) {
            return 9;
        }
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        int n = varintLength(v);
        if (n == 9) {
            for (int shift = 57; shift >= 8; shift -= 7) {
                out.write((int) ((v >>> shift) & 0x7f) | 0x80);
            }
            out.write((int) v);
            return;
        }
        for (int i = n - 1; i > 0; i--) {
            out.write((int) ((v >>> (7 * i)) & 0x7f) | 0x80);
        }
        out.write((int) (v & 0x7f));
    }
}
