package dev.loupe.format.record;

import java.math.BigDecimal;
import java.math.MathContext;

/** Reals written the way SQLite writes them as text: up to 15 significant digits ("%!.15g"). */
public final class RealFormat {

    private RealFormat() {
    }

    /** E.g. 1.5, 100.0, 0.1, 1.0e+20, 4.94065645841247e-324, Inf, -Inf (what CAST(x AS TEXT) gives). */
    public static String sqlite(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return "0.0"; // SQLite prints negative zero as 0.0 too
        }
        BigDecimal bd = new BigDecimal(d).round(new MathContext(15));
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 15) {
            String digits = bd.unscaledValue().abs().toString().replaceAll("0+$", "");
            String mant = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
            return (d < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String plain = bd.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
