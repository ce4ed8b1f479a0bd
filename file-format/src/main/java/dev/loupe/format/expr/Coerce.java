package dev.loupe.format.expr;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealFormat;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How SQLite reads one storage class as another (sqlite3_value_text, _int64, _double and the VDBE's numeric
 * conversions). Blobs read as text are their bytes taken as UTF-8; bytes that are not valid UTF-8 cannot be held in
 * a Java string, so such an evaluation is reported as not evaluable rather than guessed.
 */
final class Coerce {

    private Coerce() {
    }

    static boolean isNull(Value v) {
        return v instanceof NullValue;
    }

    /** sqlite3_value_text: null for NULL; numbers as SQLite renders them. */
    static String text(Value v) {
        if (v instanceof TextValue t) {
            return t.value();
        }
        if (v instanceof IntegerValue i) {
            return Long.toString(i.value());
        }
        if (v instanceof RealValue r) {
            return RealFormat.sqlite(r.value());
        }
        if (v instanceof BlobValue b) {
            return utf8(b.value());
        }
        return null;
    }

    /** sqlite3_value_blob: the bytes of a blob, or the UTF-8 bytes of the value as text. */
    static byte[] bytes(Value v) {
        if (v instanceof BlobValue b) {
            return b.value();
        }
        String t = text(v);
        return t == null ? null : t.getBytes(StandardCharsets.UTF_8);
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotEvaluableException("a blob that is not valid UTF-8 is used as text");
        }
    }

    /** Text taken as the bytes SQLite would see in a blob (for numeric reads of blobs, only ASCII matters). */
    private static String latin(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The number arithmetic sees (IntegerValue or RealValue); null for NULL. */
    static Value arithmetic(Value v) {
        if (v instanceof IntegerValue || v instanceof RealValue) {
            return v;
        }
        if (v instanceof TextValue t) {
            return SqlNumbers.arithmeticValue(t.value());
        }
        if (v instanceof BlobValue b) {
            return SqlNumbers.arithmeticValue(latin(b.value()));
        }
        return null;
    }

    /** sqlite3VdbeIntValue: reals truncated and clamped, text by its integer prefix. */
    static long int64(Value v) {
        if (v instanceof IntegerValue i) {
            return i.value();
        }
        if (v instanceof RealValue r) {
            return SqlNumbers.realToInteger(r.value());
        }
        if (v instanceof TextValue t) {
            return SqlNumbers.integerPrefix(t.value());
        }
        if (v instanceof BlobValue b) {
            return SqlNumbers.integerPrefix(latin(b.value()));
        }
        return 0;
    }

    /** sqlite3_value_int: the 64-bit value clamped to the 32-bit range (measured: substr(x, -2^63) as 3.54 does). */
    static int int32(Value v) {
        long l = int64(v);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    }

    /** sqlite3VdbeRealValue: text by its numeric prefix (0.0 when none). */
    static double real(Value v) {
        if (v instanceof IntegerValue i) {
            return i.value();
        }
        if (v instanceof RealValue r) {
            return r.value();
        }
        if (v instanceof TextValue t) {
            return SqlNumbers.scan(t.value()).real();
        }
        if (v instanceof BlobValue b) {
            return SqlNumbers.scan(latin(b.value())).real();
        }
        return 0.0;
    }

    /** The truth of a value as WHERE, AND, OR, NOT, CASE WHEN read it; null for NULL. */
    static Boolean truth(Value v) {
        if (v instanceof NullValue) {
            return null;
        }
        if (v instanceof IntegerValue i) {
            return i.value() != 0;
        }
        return real(v) != 0.0;
    }

    static Value bool(Boolean b) {
        return b == null ? NullValue.INSTANCE : IntegerValue.of(b ? 1 : 0);
    }

    /** A real result: NaN is NULL in SQLite (sqlite3VdbeMemSetDouble refuses NaN). */
    static Value real(double d) {
        return Double.isNaN(d) ? NullValue.INSTANCE : new RealValue(d);
    }

    static Value text(String s) {
        return new TextValue(s);
    }
}
