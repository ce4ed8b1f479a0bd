package dev.loupe.format.record;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Varint;
import dev.loupe.format.header.TextEncoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A sound record (fileformat2 §2.1) read in place: the serial type and body position of each column, over the
 * payload's own bytes, with no value decoded. It is the checker's fast lane through millions of records, where
 * building a {@link Value} per column is most of the cost; values are decoded one at a time when asked for.
 *
 * <p>{@link #parse} accepts exactly the records {@link RecordDecoder} decodes without a problem (header size
 * varint and value within the payload and within SQLite's limits, no reserved serial type, header and values adding
 * up to the payload, text well formed in the database encoding) and refuses every other one: a caller then takes
 * the decoder's slow path, which says what is wrong. Unlike the decoder's records this object is mutable and
 * reused from record to record, and it keeps a reference to the bytes it was given (see {@link #copyFrom}).
 */
public final class RecordView {

    /** Eight-byte big-endian reads (serial types 6 and 7: fileformat2 §2.1). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final TextEncoding encoding;
    private byte[] bytes;
    private int start;
    private int length;
    private int count;
    private long[] types = new long[16];
    /** Offset of each value in {@link #bytes}. */
    private int[] offsets = new int[16];
    private int[] sizes = new int[16];
    /** Owned copy of another view's bytes (see {@link #copyFrom}); grown, never shrunk. */
    private byte[] own = new byte[0];

    public RecordView(TextEncoding encoding) {
        this.encoding = encoding;
    }

    /**
     * Reads the record in {@code b[start, start + length)}, a complete payload, if it is sound and holds at most
     * {@code maxColumns} values. False (and the view is then empty) for anything else.
     */
    public boolean parse(byte[] b, int start, int length, int maxColumns) {
        this.bytes = b;
        this.start = start;
        this.length = length;
        this.count = 0;
        int end = start + length;
        if (length <= 0) {
            return false;
        }
        int headerSize;
        int p;
        if (b[start] >= 0) {
            headerSize = b[start];
            p = start + 1;
            if (headerSize < 1) {
                return false;
            }
        } else {
            int hLen = Varint.length(b, start, end);
            if (hLen == 0) {
                return false;
            }
            long h = Varint.value(b, start);
            if (h < hLen || h > RecordDecoder.MAX_HEADER_SIZE) {
                return false;
            }
            headerSize = (int) h;
            p = start + hLen;
        }
        if (headerSize > length) {
            return false;
        }
        int headerEnd = start + headerSize;
        int body = headerEnd;
        int n = 0;
        while (p < headerEnd) {
            long type;
            if (b[p] >= 0) {
                type = b[p++];
            } else {
                int tl = Varint.length(b, p, headerEnd);
                if (tl == 0) {
                    return fail();
                }
                type = Varint.value(b, p);
                p += tl;
            }
            long size = SerialType.contentSize(type);
            if (size < 0 || size > end - body || n == maxColumns) {
                return fail();
            }
            if (type >= 13 && (type & 1) == 1 && !TextDecoder.valid(b, body, (int) size, encoding)) {
                return fail();
            }
            if (n == types.length) {
                grow();
            }
            types[n] = type;
            offsets[n] = body;
            sizes[n] = (int) size;
            body += (int) size;
            n++;
        }
        if (body != end) {
            return fail();
        }
        count = n;
        return true;
    }

    private boolean fail() {
        count = 0;
        return false;
    }

    private void grow() {
        int n = types.length * 2;
        types = Arrays.copyOf(types, n);
        offsets = Arrays.copyOf(offsets, n);
        sizes = Arrays.copyOf(sizes, n);
    }

    /** Makes this view a copy of {@code other} over bytes of its own: it stays valid when {@code other} moves on. */
    public void copyFrom(RecordView other) {
        if (own.length < other.length) {
            own = new byte[Math.max(other.length, own.length * 2)];
        }
        System.arraycopy(other.bytes, other.start, own, 0, other.length);
        while (types.length < other.count) {
            grow();
        }
        int shift = -other.start;
        for (int i = 0; i < other.count; i++) {
            types[i] = other.types[i];
            offsets[i] = other.offsets[i] + shift;
            sizes[i] = other.sizes[i];
        }
        bytes = own;
        start = 0;
        length = other.length;
        count = other.count;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    /** Values in the record (0 after a refused parse). */
    public int count() {
        return count;
    }

    public long serialType(int i) {
        return types[i];
    }

    /** The bytes the offsets index: the payload's own array (or this view's copy). */
    public byte[] bytes() {
        return bytes;
    }

    /** Where value {@code i}'s bytes start in {@link #bytes}. */
    public int offset(int i) {
        return offsets[i];
    }

    /** How many bytes value {@code i} has in the body. */
    public int size(int i) {
        return sizes[i];
    }

    public boolean isNull(int i) {
        return types[i] == 0;
    }

    /** Integer serial types 1..6, 8 and 9. */
    public boolean isInteger(int i) {
        long t = types[i];
        return t >= 1 && t <= 9 && t != 7;
    }

    public boolean isReal(int i) {
        return types[i] == 7;
    }

    public boolean isText(int i) {
        return types[i] >= 13 && (types[i] & 1) == 1;
    }

    public boolean isBlob(int i) {
        return types[i] >= 12 && (types[i] & 1) == 0;
    }

    /** The value of an integer column (see {@link #isInteger}); big-endian two's complement (fileformat2 §2.1). */
    public long integer(int i) {
        int o = offsets[i];
        byte[] b = bytes;
        return switch ((int) types[i]) {
            case 1 -> b[o];
            case 2 -> (short) BigEndian.u16(b, o);
            case 3 -> (BigEndian.u24(b, o) << 8) >> 8;
            case 4 -> BigEndian.i32(b, o);
            case 5 -> ((long) (short) BigEndian.u16(b, o) << 32) | BigEndian.u32(b, o + 2);
            case 6, 7 -> (long) LONGS.get(b, o);
            case 9 -> 1;
            default -> 0;
        };
    }

    /** The value of a REAL column (serial type 7). */
    public double real(int i) {
        return Double.longBitsToDouble(integer(i));
    }

    /** Value {@code i} decoded, as {@link RecordDecoder} would have decoded it. */
    public Value value(int i) {
        long t = types[i];
        if (t == 0) {
            return NullValue.INSTANCE;
        }
        if (t == 7) {
            return new RealValue(real(i));
        }
        if (t < 12) {
            return IntegerValue.of(integer(i));
        }
        if ((t & 1) == 1) {
            return new TextValue(TextDecoder.decode(bytes, offsets[i], sizes[i], encoding));
        }
        return new BlobValue(Arrays.copyOfRange(bytes, offsets[i], offsets[i] + sizes[i]));
    }

    /** The text of a text column, decoded from the database encoding. */
    public String text(int i) {
        return TextDecoder.decode(bytes, offsets[i], sizes[i], encoding);
    }
}
