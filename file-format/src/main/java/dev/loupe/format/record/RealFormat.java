package dev.loupe.format.record;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A REAL rendered as text the way SQLite 3.54 does when a real meets TEXT affinity or CAST(x AS TEXT): 15
 * significant digits when they read back as the same double, else 17; trailing zeros dropped but at least one
 * digit after the point; exponent form ({@code 1.0e+20}, {@code 2.5e-05}) when the decimal exponent is below -4
 * or above 16; Inf and -Inf for infinities. Measured against sqlite-jdbc 3.54.1; SQLite's own digit generation
 * may differ from the correctly rounded 17th digit used here.
 */
public final class RealFormat {

    private RealFormat() {
    }

    public static String sqlite(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0.0) {
            return "0.0";
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal r = exact.round(new MathContext(15, RoundingMode.HALF_EVEN));
        if (r.doubleValue() != Math.abs(d)) {
            r = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        r = r.stripTrailingZeros();
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        StringBuilder b = new StringBuilder(d < 0 ? "-" : "");
        if (exp < -4 || exp > 16) {
            b.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0");
            b.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            b.append(e < 10 ? "0" : "").append(e);
        } else if (exp >= 0) {
            for (int i = 0; i <= exp; i++) {
                b.append(i < digits.length() ? digits.charAt(i) : '0');
            }
            b.append('.').append(digits.length() > exp + 1 ? digits.substring(exp + 1) : "0");
        } else {
            b.append("0.").append("0".repeat(-exp - 1)).append(digits);
        }
        return b.toString();
    }
}
