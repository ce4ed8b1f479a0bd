package dev.loupe.format.expr;

import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.Value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * round(X[,Y]) (func.c roundFunc): always a real; Y clamped to 0..30; with no digits, half away from zero on the
 * value; otherwise the exact binary value rounded half away from zero to Y decimals (measured against SQLite
 * 3.54: round(2.675, 2) is 2.67, round(1.005, 2) is 1.0). Values beyond 2^52 have no fraction and are returned as is.
 */
final class Rounding {

    private Rounding() {
    }

    static Value round(List<Value> v) {
        int digits = 0;
        if (v.size() == 2) {
            if (Coerce.isNull(v.get(1))) {
                return NullValue.INSTANCE;
            }
            digits = Math.max(0, Math.min(30, Coerce.int32(v.get(1))));
        }
        if (Coerce.isNull(v.get(0))) {
            return NullValue.INSTANCE;
        }
        double r = Coerce.real(v.get(0));
        if (r < -4503599627370496.0 || r > 4503599627370496.0 || Double.isNaN(r)) {
            return Coerce.real(r);
        }
        if (digits == 0) {
            return new RealValue((double) (long) (r + (r < 0 ? -0.5 : 0.5)));
        }
        if (r == 0.0) {
            return new RealValue(r);
        }
        return new RealValue(new BigDecimal(r).setScale(digits, RoundingMode.HALF_UP).doubleValue());
    }
}
