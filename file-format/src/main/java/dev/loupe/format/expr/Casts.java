package dev.loupe.format.expr;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;

import java.nio.charset.StandardCharsets;

/** CAST(x AS type) by the type's affinity (lang_expr "CAST expressions", vdbemem.c sqlite3VdbeMemCast). */
final class Casts {

    private Casts() {
    }

    static Value cast(Value v, Affinity affinity) {
        if (Coerce.isNull(v)) {
            return NullValue.INSTANCE;
        }
        return switch (affinity) {
            case BLOB -> v instanceof BlobValue ? v : new BlobValue(Coerce.text(v).getBytes(StandardCharsets.UTF_8));
            case TEXT -> v instanceof TextValue ? v : Coerce.text(Coerce.text(v));
            case INTEGER -> IntegerValue.of(Coerce.int64(v));
            case REAL -> new RealValue(Coerce.real(v));
            case NUMERIC -> numeric(v);
        };
    }

    /**
     * sqlite3VdbeMemNumerify: text becomes an integer when its numeric prefix is written as an integer that fits,
     * or when the real it spells is exactly an integer within +-2^51; otherwise a real.
     */
    private static Value numeric(Value v) {
        if (v instanceof IntegerValue || v instanceof RealValue) {
            return v;
        }
        String s = v instanceof BlobValue b ? new String(b.value(), StandardCharsets.ISO_8859_1) : Coerce.text(v);
        SqlNumbers.Scan scan = SqlNumbers.scan(s);
        Long exact = scan.exactInteger();
        if (exact != null) {
            return IntegerValue.of(exact);
        }
        double d = scan.real();
        long i = SqlNumbers.realToInteger(d);
        // sqlite3RealSameAsInt: only reals within +-2^51 count as integers here.
        if ((double) i == d && i > -2251799813685248L && i < 2251799813685248L) {
            return IntegerValue.of(i);
        }
        return new RealValue(d);
    }
}
