package dev.loupe.format.expr;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * SQLite's date and time functions (lang_datefunc.html; date.c): {@code date}, {@code time}, {@code datetime},
 * {@code julianday}, {@code unixepoch} and {@code strftime}, on a time value and modifiers ({@link DateTime} reads
 * them). Formats and modifiers added after SQLite 3.40 are not evaluable; so is anything the clock or the time zone
 * decides.
 */
final class DateFunctions {

    private DateFunctions() {
    }

    static boolean handles(String name) {
        return switch (name) {
            case "date", "time", "datetime", "julianday", "unixepoch", "strftime" -> true;
            default -> false;
        };
    }

    static Value call(String name, List<Value> v) {
        if (name.equals("strftime")) {
            return strftime(v);
        }
        DateTime x = read(v, 0);
        if (x == null) {
            return NullValue.INSTANCE;
        }
        if (x.hour24 && (v.size() > 1 || x.validYMD && x.d > DateTime.daysInMonth(x.y, x.mo))) {
            throw new NotEvaluableException("time of day with hour 24");
        }
        return switch (name) {
            case "julianday" -> {
                Value jd = new RealValue(x.iJD / 86400000.0);
                yield hour24(x, jd, t -> jd);
            }
            case "unixepoch" -> {
                Value seconds = IntegerValue.of(x.iJD / 1000 - 21086676L * 10000);
                yield hour24(x, seconds, t -> seconds);
            }
            case "time" -> {
                x.computeHMS();
                yield hour24(x, new TextValue(hms(x)), t -> new TextValue(hms(t)));
            }
            case "date" -> {
                shownAsWritten(x, v.size(), "");
                x.computeYMD();
                yield hour24(x, new TextValue(ymd(x)), t -> new TextValue(ymd(t)));
            }
            default -> {
                x.computeHMS();
                String hms = " " + hms(x);
                shownAsWritten(x, v.size(), hms);
                x.computeYMD();
                yield hour24(x, new TextValue(ymd(x) + hms), t -> new TextValue(ymd(t) + " " + hms(t)));
            }
        };
    }

    private static String hms(DateTime x) {
        return two(x.h) + ":" + two(x.mi) + ":" + two((int) x.s);
    }

    /**
     * {@code shown}, what SQLite 3.40 gives for a time value written with hour 24 and no modifier (it takes any
     * 24:MM:SS, and shows the day and the hour as written); later versions take 24:00:00 alone, shown as the next
     * day's 00:00 ({@code show} of the value normalised), and give NULL for any other. Where the two differ, both
     * go with the exception.
     */
    private static Value hour24(DateTime x, Value shown, Function<DateTime, Value> show) {
        if (!x.hour24) {
            return shown;
        }
        Value later = NullValue.INSTANCE;
        if (x.hour24Exact) {
            x.validYMD = false;
            x.validHMS = false;
            x.computeYMDHMS();
            later = show.apply(x);
        }
        if (later.equals(shown)) {
            return shown;
        }
        throw new NotEvaluableException("time of day with hour 24", List.of(shown, later));
    }

    /**
     * date.c isDate: the time value at {@code at} and the modifiers after it, or null where SQLite returns NULL
     * (a NULL or unreadable value, a rejected modifier, a date outside 0000..9999).
     */
    private static DateTime read(List<Value> v, int at) {
        if (v.size() <= at) {
            throw new NotEvaluableException("date and time of 'now'");
        }
        Value t = v.get(at);
        DateTime x;
        if (t instanceof IntegerValue i) {
            x = DateTime.ofNumber(i.value());
        } else if (t instanceof RealValue r) {
            x = DateTime.ofNumber(r.value());
        } else if (t instanceof TextValue s) {
            // date.c reads its arguments as C strings: up to the first NUL
            x = DateTime.ofText(Functions.untilNul(s.value()));
        } else if (t instanceof BlobValue b) {
            // a BLOB's bytes, read as the text they spell
            x = DateTime.ofText(Functions.untilNul(new String(b.value(), StandardCharsets.UTF_8)));
        } else {
            return null;
        }
        if (x == null) {
            return null;
        }
        for (int k = at + 1; k < v.size(); k++) {
            Value m = v.get(k);
            if (m instanceof NullValue) {
                return null;
            }
            if (!(m instanceof TextValue s)) {
                throw new NotEvaluableException("date modifier of type " + m.typeName());
            }
            if (!x.modify(Functions.untilNul(s.value()), k - at)) {
                return null;
            }
        }
        x.computeJD();
        return x.error || !DateTime.validJulianDay(x.iJD) ? null : x;
    }

    /**
     * A date shown as it was written, with no modifier: 3.40 shows a day past its month's end as written
     * ('2023-02-31'), later versions as the day it comes to ('2023-03-03'). Both answers (the date followed by
     * {@code time}) go with the exception, so that an expression that comes to the same with either is known.
     */
    private static void shownAsWritten(DateTime x, int arguments, String time) {
        if (arguments == 1 && x.validYMD && x.d > DateTime.daysInMonth(x.y, x.mo)) {
            String written = ymd(x) + time;
            x.validYMD = false;
            x.computeYMD();
            throw new NotEvaluableException("a day past the end of its month",
                    List.of(new TextValue(written), new TextValue(ymd(x) + time)));
        }
    }

    private static Value strftime(List<Value> v) {
        if (v.isEmpty()) {
            return NullValue.INSTANCE;
        }
        Value f = v.get(0);
        if (f instanceof NullValue) {
            return NullValue.INSTANCE;
        }
        if (!(f instanceof TextValue || f instanceof IntegerValue)) {
            throw new NotEvaluableException("strftime format of type " + f.typeName());
        }
        String fmt = Functions.untilNul(Coerce.text(f));
        DateTime x = read(v, 1);
        if (x == null) {
            return NullValue.INSTANCE;
        }
        boolean pastMonthEnd = v.size() == 2 && x.validYMD && x.d > DateTime.daysInMonth(x.y, x.mo);
        if (x.hour24 && (v.size() > 2 || pastMonthEnd)) {
            throw new NotEvaluableException("time of day with hour 24");
        }
        x.computeJD();
        x.computeYMDHMS();
        String shown = format(fmt, x);
        if (x.hour24) {
            // 3.40 formats the day and the hour as written
            return hour24(x, new TextValue(shown), t -> new TextValue(format(fmt, t)));
        }
        if (pastMonthEnd) {
            // a day past its month's end, no modifier: 3.40 formats the day, month and year as written (the counts
            // of days, %j %W %w %s, come from the day number either way), later versions the day it comes to
            x.validYMD = false;
            x.computeYMD();
            String normalised = format(fmt, x);
            if (!normalised.equals(shown)) {
                throw new NotEvaluableException("a day past the end of its month",
                        List.of(new TextValue(shown), new TextValue(normalised)));
            }
        }
        return new TextValue(shown);
    }

    /** The strftime format {@code fmt} of {@code x}, its fields computed. */
    private static String format(String fmt, DateTime x) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            char cf = ++i < fmt.length() ? fmt.charAt(i) : 0;
            switch (cf) {
                case 'd' -> b.append(two(x.d));
                case 'f' -> {
                    if (x.fineSeconds) {
                        throw new NotEvaluableException("strftime %f of seconds with more than three decimals");
                    }
                    b.append(String.format(Locale.ROOT, "%06.3f", Math.min(x.s, 59.999)));
                }
                case 'H' -> b.append(two(x.h));
                case 'j', 'W' -> {
                    DateTime jan1 = new DateTime();
                    jan1.y = x.y;
                    jan1.mo = 1;
                    jan1.d = 1;
                    jan1.validYMD = true;
                    jan1.h = x.h;
                    jan1.mi = x.mi;
                    jan1.s = x.s;
                    jan1.validHMS = x.validHMS;
                    jan1.computeJD();
                    int nDay = (int) ((x.iJD - jan1.iJD + 43200000) / 86400000);
                    if (cf == 'W') {
                        int wd = (int) (((x.iJD + 43200000) / 86400000) % 7);
                        b.append(two((nDay + 7 - wd) / 7));
                    } else {
                        b.append(String.format(Locale.ROOT, "%03d", nDay + 1));
                    }
                }
                case 'm' -> b.append(two(x.mo));
                case 'M' -> b.append(two(x.mi));
                case 's' -> b.append(x.iJD / 1000 - 21086676L * 10000);
                case 'S' -> b.append(two((int) x.s));
                case 'w' -> b.append(((x.iJD + 129600000) / 86400000) % 7);
                case 'Y' -> b.append(String.format(Locale.ROOT, "%04d", x.y));
                case '%' -> b.append('%');
                default ->
                    // %J prints with SQLite's own %.16g; the rest are NULL in 3.40 and formats of later versions
                    throw new NotEvaluableException("strftime format %" + (cf == 0 ? "" : String.valueOf(cf)));
            }
        }
        return b.toString();
    }

    /** YYYY-MM-DD, with a '-' before the four digits of a year before 0. */
    private static String ymd(DateTime x) {
        int yy = Math.abs(x.y);
        String year = "" + (yy / 1000) % 10 + (yy / 100) % 10 + (yy / 10) % 10 + yy % 10;
        return (x.y < 0 ? "-" : "") + year + "-" + two(x.mo) + "-" + two(x.d);
    }

    private static String two(int n) {
        return "" + (n / 10) % 10 + n % 10;
    }
}
