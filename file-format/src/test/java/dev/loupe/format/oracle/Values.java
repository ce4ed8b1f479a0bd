package dev.loupe.format.oracle;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.HexFormat;

/** Loupe values and JDBC values in one comparable form: "type:value", exact (reals by their bits). */
public final class Values {

    private Values() {
    }

    public static String of(Value v) {
        if (v instanceof IntegerValue i) {
            return "integer:" + i.value();
        }
        if (v instanceof RealValue r) {
            return real(r.value());
        }
        if (v instanceof TextValue t) {
            return "text:" + t.value();
        }
        if (v instanceof BlobValue b) {
            return "blob:" + b.hex();
        }
        return "null";
    }

    public static String ofJdbc(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Long || o instanceof Integer) {
            return "integer:" + ((Number) o).longValue();
        }
        if (o instanceof Double d) {
            return real(d);
        }
        if (o instanceof String s) {
            return "text:" + s;
        }
        if (o instanceof byte[] b) {
            return "blob:" + HexFormat.of().formatHex(b);
        }
        return "unknown:" + o.getClass().getName() + ":" + o;
    }

    private static String real(double d) {
        // -0.0 and 0.0 are the same SQL value; SQLite may hand either back.
        return "real:" + (d == 0 ? "0" : Long.toHexString(Double.doubleToRawLongBits(d)));
    }
}
