package dev.loupe.format.expr;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date and time as SQLite's date.c holds one while its date functions read a time value and apply modifiers
 * (lang_datefunc.html): the julian day in milliseconds ({@code iJD}) and, each valid or not, the year, month and
 * day, the hour, minute and seconds, and a time zone offset. The arithmetic is date.c's (Meeus' algorithms in
 * integers and doubles, in its order of rounding), so results match to the millisecond.
 *
 * <p>What SQLite 3.40 and later versions compute differently, or what depends on the clock or the time zone, is
 * {@link NotEvaluableException not evaluable}: {@code now}, {@code localtime}, {@code utc}; modifiers added after
 * 3.40 ({@code auto}, {@code julianday}, {@code subsec}, {@code ceiling}, {@code floor}, {@code +YYYY-MM-DD}) and
 * the {@code +HH:MM} form; a day past its month's end shown without a modifier (3.40 prints it as written, later
 * versions normalise it) and an hour of 24 (3.40 takes any 24:MM:SS and prints it as written, later versions take
 * 24:00:00 alone, as the next day's 00:00, and give NULL for the rest), each with the answers of both where they
 * differ; {@code unixepoch} after another modifier.
 */
final class DateTime {

    /** 9999-12-31 23:59:59.999 as a julian day in milliseconds: the largest date.c accepts. */
    private static final long MAX_JD = 464269060799999L;
    /** A modifier's amount: sign, digits, fraction, exponent (what sqlite3AtoF reads as a whole number). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    /** Units of "NNN unit" modifiers: name, limit on NNN (float in date.c), seconds per unit. */
    private static final String[] UNIT = {"second", "minute", "hour", "day", "month", "year"};
    private static final double[] LIMIT = {4.6427e+14f, 7.7379e+12f, 1.2897e+11f, 5373485.0f, 176546.0f, 14713.0f};
    private static final double[] SECONDS = {1.0, 60.0, 3600.0, 86400.0, 2592000.0, 31536000.0};

    long iJD;
    int y;
    int mo;
    int d;
    int h;
    int mi;
    int tz;
    double s;
    boolean validJD;
    boolean rawS;
    boolean validYMD;
    boolean validHMS;
    boolean validTZ;
    boolean error;
    /** Seconds were written with more than three decimals (strftime's %f rounds them differently by version). */
    boolean fineSeconds;
    /** The time of day was written with hour 24: see {@link DateFunctions} for what each version shows of it. */
    boolean hour24;
    /** ... as 24:00:00 exactly, the one hour-24 time later versions take (they return NULL for any other). */
    boolean hour24Exact;

    /** A time value given as a number: a julian day, or seconds since 1970 for a following 'unixepoch'. */
    static DateTime ofNumber(double r) {
        DateTime p = new DateTime();
        p.setRawNumber(r);
        return p;
    }

    /** A time value given as text; null when date.c cannot read it (the function then returns NULL). */
    static DateTime ofText(String z) {
        DateTime p = new DateTime();
        if (p.parseYyyyMmDd(z) || p.parseHhMmSs(z, 0)) {
            return p;
        }
        if (z.equalsIgnoreCase("now")) {
            throw new NotEvaluableException("date and time of 'now'");
        }
        SqlNumbers.Scan scan = SqlNumbers.scan(z);
        if (!scan.empty() && scan.pure()) {
            p.setRawNumber(scan.real());
            return p;
        }
        return null;
    }

    private void setRawNumber(double r) {
        s = r;
        rawS = true;
        if (r >= 0.0 && r < 5373484.5) {
            iJD = (long) (r * 86400000.0 + 0.5);
            validJD = true;
        }
    }

    /** YYYY-MM-DD, optionally followed (after spaces or T's) by a time; a leading '-' for years BC. */
    private boolean parseYyyyMmDd(String z) {
        int i = 0;
        boolean neg = z.startsWith("-");
        if (neg) {
            i++;
        }
        int year = digits(z, i, 4, 0, 9999, '-');
        int month = year < 0 ? -1 : digits(z, i + 5, 2, 1, 12, '-');
        int day = month < 0 ? -1 : digits(z, i + 8, 2, 1, 31, (char) 0);
        if (day < 0) {
            return false;
        }
        i += 10;
        while (i < z.length() && (isSpace(z.charAt(i)) || z.charAt(i) == 'T')) {
            i++;
        }
        if (!parseHhMmSs(z, i)) {
            if (i < z.length()) {
                return false;
            }
            validHMS = false;
        }
        validJD = false;
        validYMD = true;
        y = neg ? -year : year;
        mo = month;
        d = day;
        if (validTZ) {
            computeJD();
        }
        return true;
    }

    /** HH:MM, HH:MM:SS or HH:MM:SS.F... from {@code i}, then an optional time zone, then the end. */
    private boolean parseHhMmSs(String z, int i) {
        int hour = digits(z, i, 2, 0, 24, ':');
        int minute = hour < 0 ? -1 : digits(z, i + 3, 2, 0, 59, (char) 0);
        if (minute < 0) {
            return false;
        }
        i += 5;
        int sec = 0;
        double frac = 0;
        boolean fine = false;
        if (i < z.length() && z.charAt(i) == ':') {
            sec = digits(z, i + 1, 2, 0, 59, (char) 0);
            if (sec < 0) {
                return false;
            }
            i += 3;
            if (i + 1 < z.length() && z.charAt(i) == '.' && isDigit(z.charAt(i + 1))) {
                double scale = 1.0;
                int n = 0;
                i++;
                while (i < z.length() && isDigit(z.charAt(i))) {
                    frac = frac * 10.0 + (z.charAt(i) - '0');
                    scale *= 10.0;
                    i++;
                    n++;
                }
                frac /= scale;
                fine = n > 3;
            }
        }
        int zone = timezone(z, i);
        if (zone == Integer.MIN_VALUE) {
            return false;
        }
        // 3.40 takes 24:MM:SS and shows it as written; later versions take 24:00:00 alone, as the next day's 00:00
        // (DateFunctions decides what each shows)
        hour24 = hour == 24;
        hour24Exact = hour24 && minute == 0 && sec == 0 && frac == 0;
        validJD = false;
        rawS = false;
        validHMS = true;
        h = hour;
        mi = minute;
        s = sec + frac;
        fineSeconds = fine;
        tz = zone;
        validTZ = zone != 0;
        return true;
    }

    /** Minutes of a trailing [+-]HH:MM or Z (0 when absent), or MIN_VALUE when something else follows. */
    private static int timezone(String z, int i) {
        while (i < z.length() && isSpace(z.charAt(i))) {
            i++;
        }
        if (i == z.length()) {
            return 0;
        }
        char c = z.charAt(i);
        int zone = 0;
        if (c == 'Z' || c == 'z') {
            i++;
        } else if (c == '+' || c == '-') {
            int hh = digits(z, i + 1, 2, 0, 14, ':');
            int mm = hh < 0 ? -1 : digits(z, i + 4, 2, 0, 59, (char) 0);
            if (mm < 0) {
                return Integer.MIN_VALUE;
            }
            zone = (c == '-' ? -1 : 1) * (mm + hh * 60);
            i += 6;
        } else {
            return Integer.MIN_VALUE;
        }
        while (i < z.length() && isSpace(z.charAt(i))) {
            i++;
        }
        return i == z.length() ? zone : Integer.MIN_VALUE;
    }

    /**
     * date.c getDigits for one field: {@code n} digits at {@code i} within [min, max], followed by {@code next}
     * (0: anything); -1 if not.
     */
    private static int digits(String z, int i, int n, int min, int max, char next) {
        if (i < 0 || i + n > z.length()) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + n; k++) {
            if (!isDigit(z.charAt(k))) {
                return -1;
            }
            v = v * 10 + (z.charAt(k) - '0');
        }
        if (v < min || v > max) {
            return -1;
        }
        if (next != 0 && (i + n >= z.length() || z.charAt(i + n) != next)) {
            return -1;
        }
        return v;
    }

    /** Meeus p. 61, in date.c's integer and double steps. */
    void computeJD() {
        if (validJD) {
            return;
        }
        int yy = validYMD ? y : 2000;
        int mm = validYMD ? mo : 1;
        int dd = validYMD ? d : 1;
        if (yy < -4713 || yy > 9999 || rawS) {
            error = true;
            return;
        }
        if (mm <= 2) {
            yy--;
            mm += 12;
        }
        int a = yy / 100;
        int b = 2 - a + (a / 4);
        int x1 = 36525 * (yy + 4716) / 100;
        int x2 = 306001 * (mm + 1) / 10000;
        iJD = (long) ((x1 + x2 + dd + b - 1524.5) * 86400000);
        validJD = true;
        if (validHMS) {
            iJD += h * 3600000L + mi * 60000L + (long) (s * 1000 + 0.5);
            if (validTZ) {
                iJD -= tz * 60000L;
                validYMD = false;
                validHMS = false;
                validTZ = false;
            }
        }
    }

    void computeYMD() {
        if (validYMD) {
            return;
        }
        if (!validJD) {
            y = 2000;
            mo = 1;
            d = 1;
        } else if (!validJulianDay(iJD)) {
            error = true;
            return;
        } else {
            int z = (int) ((iJD + 43200000) / 86400000);
            int a = (int) ((z - 1867216.25) / 36524.25);
            a = z + 1 + a - (a / 4);
            int b = a + 1524;
            int c = (int) ((b - 122.1) / 365.25);
            int dd = (36525 * (c & 32767)) / 100;
            int e = (int) ((b - dd) / 30.6001);
            int x1 = (int) (30.6001 * e);
            d = b - dd - x1;
            mo = e < 14 ? e - 1 : e - 13;
            y = mo > 2 ? c - 4716 : c - 4715;
        }
        validYMD = true;
    }

    void computeHMS() {
        if (validHMS) {
            return;
        }
        computeJD();
        int dayMs = (int) ((iJD + 43200000) % 86400000);
        s = (dayMs % 60000) / 1000.0;
        int dayMin = dayMs / 60000;
        mi = dayMin % 60;
        h = dayMin / 60;
        rawS = false;
        validHMS = true;
    }

    void computeYMDHMS() {
        computeYMD();
        computeHMS();
    }

    private void clearYMDHMSTZ() {
        validYMD = false;
        validHMS = false;
        validTZ = false;
    }

    static boolean validJulianDay(long jd) {
        return jd >= 0 && jd <= MAX_JD;
    }

    /** Applies modifier {@code idx} (1 for the first); false where date.c rejects it (the result is then NULL). */
    boolean modify(String z, int idx) {
        String lower = z.toLowerCase(Locale.ROOT);
        if (lower.equals("unixepoch")) {
            if (!rawS) {
                return false;
            }
            if (idx > 1) {
                throw new NotEvaluableException("'unixepoch' after another modifier");
            }
            double r = s * 1000.0 + 210866760000000.0;
            if (!(r >= 0.0 && r < 464269060800000.0)) {
                return false;
            }
            clearYMDHMSTZ();
            iJD = (long) (r + 0.5);
            validJD = true;
            rawS = false;
            return true;
        }
        if (lower.startsWith("start of ")) {
            return startOf(lower.substring(9));
        }
        if (lower.startsWith("weekday ")) {
            return weekday(z.substring(8));
        }
        if (!z.isEmpty() && (z.charAt(0) == '+' || z.charAt(0) == '-' || isDigit(z.charAt(0)))) {
            return amount(z);
        }
        switch (lower) {
            case "localtime", "utc", "auto", "julianday", "subsec", "subsecond", "ceiling", "floor" ->
                // the time zone's, or modifiers added after 3.40
                throw new NotEvaluableException("date modifier not evaluated: '" + z + "'");
            default -> {
                return false;
            }
        }
    }

    private boolean startOf(String unit) {
        if (!validJD && !validYMD && !validHMS) {
            return false;
        }
        computeYMD();
        validHMS = true;
        h = 0;
        mi = 0;
        s = 0.0;
        rawS = false;
        validTZ = false;
        validJD = false;
        switch (unit) {
            case "month" -> d = 1;
            case "year" -> {
                mo = 1;
                d = 1;
            }
            case "day" -> {
            }
            default -> {
                // "start of week" and the like: not modifiers in any version
                return false;
            }
        }
        return true;
    }

    private boolean weekday(String n) {
        SqlNumbers.Scan scan = SqlNumbers.scan(n);
        if (scan.empty() || !scan.pure()) {
            return false;
        }
        double r = scan.real();
        if (!(r >= 0.0 && r < 7.0) || (int) r != r) {
            return false;
        }
        int day = (int) r;
        computeYMDHMS();
        validTZ = false;
        validJD = false;
        computeJD();
        long zz = ((iJD + 129600000) / 86400000) % 7;
        if (zz > day) {
            zz -= 7;
        }
        iJD += (day - zz) * 86400000L;
        clearYMDHMSTZ();
        return true;
    }

    /** "NNN unit" (unit singular or plural, any case, after spaces): date.c's xform table. */
    private boolean amount(String z) {
        int n = 1;
        while (n < z.length() && z.charAt(n) != ':' && !isSpace(z.charAt(n))) {
            n++;
        }
        String number = z.substring(0, n);
        if (!NUMBER.matcher(number).matches()) {
            if (number.indexOf('-', 1) >= 0) {
                // +YYYY-MM-DD: a modifier from 3.43, an error before
                throw new NotEvaluableException("date modifier not evaluated: '" + z + "'");
            }
            return false;
        }
        if (n < z.length() && z.charAt(n) == ':') {
            throw new NotEvaluableException("date modifier not evaluated: '" + z + "'");
        }
        double r = Double.parseDouble(number);
        while (n < z.length() && isSpace(z.charAt(n))) {
            n++;
        }
        String unit = z.substring(n);
        int len = unit.length();
        if (len > 10 || len < 3) {
            return false;
        }
        if (Character.toLowerCase(unit.charAt(len - 1)) == 's') {
            len--;
        }
        String name = unit.substring(0, len).toLowerCase(Locale.ROOT);
        computeJD();
        double rounder = r < 0 ? -0.5 : 0.5;
        boolean done = false;
        for (int i = 0; i < UNIT.length; i++) {
            if (!UNIT[i].equals(name) || !(r > -LIMIT[i] && r < LIMIT[i])) {
                continue;
            }
            if (i == 4) {
                computeYMDHMS();
                mo += (int) r;
                int x = mo > 0 ? (mo - 1) / 12 : (mo - 12) / 12;
                y += x;
                mo -= x * 12;
                validJD = false;
                r -= (int) r;
            } else if (i == 5) {
                computeYMDHMS();
                y += (int) r;
                validJD = false;
                r -= (int) r;
            }
            computeJD();
            iJD += (long) (r * 1000.0 * SECONDS[i] + rounder);
            done = true;
            break;
        }
        clearYMDHMSTZ();
        return done;
    }

    /** The days in month {@code m} of year {@code yy} (proleptic Gregorian). */
    static int daysInMonth(int yy, int m) {
        return switch (m) {
            case 2 -> (yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
