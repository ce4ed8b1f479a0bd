package dev.loupe.format.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SQL expressions over SQLite's date and time functions for the differential test: hand-written corners (each a
 * place where SQLite 3.40 and later versions were seen to differ, or an edge of date.c's grammar and ranges) and
 * seeded random time values, modifiers and formats, most of them sound, some a character away.
 */
final class DateCorpus {

    private static final String[] FUNCTIONS = {"date", "time", "datetime", "julianday", "unixepoch"};
    private static final String[] MODIFIERS = {
        "+1 day", "-1 day", "+1.5 days", "-3 hours", "+90 minutes", "+30.25 seconds", "+1 month", "-1 month",
        "+13 months", "+1 year", "-2 years", "+0.5 years", "start of day", "start of month", "start of year",
        "weekday 0", "weekday 3", "weekday 6", "weekday 7", "unixepoch", "+1 DAYS", "+1days", " +1 day", "+1 fortnight",
        "start of week", "localtime", "utc", "auto", "subsec", "+02:00", "+0001-00-00", "-1e2 minutes", "+.5 day",
        "+5000000 days", "-1 seconds", "1 day"};
    private static final String[] FORMATS = {
        "%Y-%m-%d", "%H:%M:%S", "%d/%m/%Y %H:%M", "%j", "%W", "%w", "%s", "%f", "%Y%m%d", "%%", "week %W of %Y",
        "%S.%f", "%J", "%e", "%F", "%T", "%u", "%", "%q", "no format", "%Y-%m"};

    private DateCorpus() {
    }

    static List<String> handWritten() {
        return List.of(
                "date('2023-02-31')", "date('2023-02-28')", "date('2023-13-01')", "date('2023-02-29 10:00')",
                "date('2024-02-29')", "date('2023-04-31')", "datetime('2023-02-31', '+0 days')",
                "datetime('2023-06-15 10:20:30.456')", "datetime('2023-06-15T10:20:30.456Z')",
                "datetime('2023-06-15 10:20:30+02:30')", "datetime('2023-06-15 10:20:30 -14:00')",
                "datetime('2023-06-15 10:20:30+15:00')", "datetime('2023-06-15 10:20')", "time('10:20:30.9999')",
                "strftime('%f', '2023-06-15 10:20:30.9999')", "strftime('%f', '2023-06-15 10:20:59.9999')",
                "strftime('%f', '2023-06-15 10:20:30.123')", "strftime('%f', '2023-06-15 10:20:30.5', '+1 day')",
                "strftime('%Y-%m-%d %H:%M:%S %j %w %W %s', '2023-06-15 10:20:30')", "strftime('%J', '2023-06-15')",
                "julianday('2023-06-15 10:20:30')", "unixepoch('2023-06-15 10:20:30')",
                "unixepoch('2023-06-15 10:20:30.7')", "date(2460000.5)", "date('2460000.5')", "date(' 2460000.5 ')",
                "date(1686824430, 'unixepoch')", "datetime(1686824430.5, 'unixepoch')", "datetime(-1, 'unixepoch')",
                "datetime('1686824430', 'unixepoch')", "date('2023-06-15', 'unixepoch')", "date('0000-01-01')",
                "date('-0001-01-01')", "date('9999-12-31')", "date('10000-01-01')", "datetime('9999-12-31', '+1 day')",
                "datetime('2023-06-15', '+1 day')", "datetime('2023-01-31', '+1 month')", "datetime('2023-06-15 10:00', 'weekday 0')",
                "date('2023-6-15')", "date(' 2023-06-15')", "date('2023-06-15 ')", "date('2023-06-15x')", "date('2023-06-15T')",
                "date('2023-06-15TT10:00')", "time('24:00')", "time('23:60')", "date('')", "date(NULL)",
                "date(x'323032332d30362d3135')", "date('2023-06-15', NULL)", "date('2023-06-15', 'bogus')",
                "date('2023-06-15', '+1 DAY')", "date('2023-06-15', '  +1 day  ')", "date(2460000)", "date(0)", "date(-1)",
                "date(5373484.5)", "datetime(5373484.49999999)", "datetime('12:00')", "date('12:00')", "time('12:00:01.5Z')",
                "julianday('2000-01-01')", "strftime('%d/%m %%', '2023-06-15')", "strftime('%e', '2023-06-15')",
                "strftime(NULL, '2023-06-15')", "strftime('%Y', NULL)", "datetime('2023-06-15 10:20:30.12345678901')",
                "unixepoch('1970-01-01')", "unixepoch('1969-12-31 23:59:59.5')", "datetime(1e10, 'unixepoch')",
                "date('now')", "date()", "strftime('%Y')", "date('2023-06-15', 'localtime')", "datetime('2023-06-15', 5)",
                "datetime('2023-06-15', '+1 day', 'unixepoch')", "date('-4713-11-24')", "julianday('-4713-11-24 12:00')",
                "date(2023)", "strftime('%Y', 1686824430, 'unixepoch')", "strftime(12, '2023-06-15')",
                "date('2023-06-15', 'start of month', '+1 month', '-1 day')", "time('10:20:30', '+1 hours', '+59 minutes')",
                "datetime('2023-06-15 23:59:59.999')", "datetime('2023-06-15 23:59:59.9995')", "unixepoch('2023-06-15') - 86400",
                "date('2023-06-15') = '2023-06-15'", "date(created) IS NULL", "date('2023-02-31') IS NOT NULL",
                "length(date('2023-02-31'))", "date('2023-02-31') > '2023-02-28'", "substr(datetime('2023-04-31 10:00'), 12)",
                "date('2023-02-31') = '2023-03-03'", "date('2023-06-15' || char(0) || 'x')",
                "date(CAST('2023-06-15' || char(0) || 'x' AS BLOB))", "datetime(x'31363030303030303030', 'unixepoch')",
                "datetime(CAST(1600000000 AS BLOB), 'unixepoch')", "date('2023-06-15', '+1 day' || char(0) || 'x')",
                "strftime('%Y' || char(0) || '%m', '2023-06-15')", "date(x'ff')", "julianday(x'32343630303030')");
    }

    /** {@code count} expressions over random time values, the same for the same seed. */
    static List<String> random(long seed, int count) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String t = timeValue(rnd);
            StringBuilder mods = new StringBuilder();
            int n = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0;
            for (int i = 0; i < n; i++) {
                mods.append(", ").append(JsonCorpus.literal(modifier(rnd)));
            }
            out.add(rnd.nextInt(4) == 0
                    ? "strftime(" + JsonCorpus.literal(FORMATS[rnd.nextInt(FORMATS.length)]) + ", " + t + mods + ")"
                    : FUNCTIONS[rnd.nextInt(FUNCTIONS.length)] + "(" + t + mods + ")");
        }
        return out;
    }

    private static String modifier(Random rnd) {
        if (rnd.nextInt(3) == 0) {
            String[] units = {"days", "hours", "minutes", "seconds", "months", "years", "day", "month"};
            double amount = rnd.nextBoolean() ? rnd.nextInt(2000) - 1000 : (rnd.nextInt(20000) - 10000) / 8.0;
            return (amount >= 0 ? "+" : "") + (amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount))
                    + " " + units[rnd.nextInt(units.length)];
        }
        return MODIFIERS[rnd.nextInt(MODIFIERS.length)];
    }

    private static String timeValue(Random rnd) {
        int year = rnd.nextInt(10) == 0 ? rnd.nextInt(10000) : 1900 + rnd.nextInt(200);
        int month = 1 + rnd.nextInt(rnd.nextInt(20) == 0 ? 13 : 12);
        int day = 1 + rnd.nextInt(31);
        String date = String.format("%04d-%02d-%02d", year, month, day);
        String time = String.format("%02d:%02d", rnd.nextInt(rnd.nextInt(30) == 0 ? 25 : 24), rnd.nextInt(60));
        if (rnd.nextBoolean()) {
            time += String.format(":%02d", rnd.nextInt(60));
            if (rnd.nextInt(3) == 0) {
                time += "." + String.format("%05d", rnd.nextInt(100000)).substring(0, 1 + rnd.nextInt(5));
            }
        }
        String zone = switch (rnd.nextInt(8)) {
            case 0 -> "Z";
            case 1 -> String.format("%s%02d:%02d", rnd.nextBoolean() ? "+" : "-", rnd.nextInt(15), rnd.nextInt(60));
            default -> "";
        };
        String text = switch (rnd.nextInt(6)) {
            case 0 -> date;
            case 1 -> time + zone;
            case 2 -> date + "T" + time + zone;
            default -> date + " " + time + zone;
        };
        if (rnd.nextInt(10) == 0) {
            int at = rnd.nextInt(text.length());
            text = text.substring(0, at) + " x0:-.T+".charAt(rnd.nextInt(8)) + text.substring(at + (rnd.nextBoolean() ? 1 : 0));
        }
        return switch (rnd.nextInt(10)) {
            case 0 -> Long.toString(rnd.nextLong() % 3_000_000_000L);
            case 1 -> String.format("%.4f", 2_400_000 + rnd.nextDouble() * 100_000);
            default -> JsonCorpus.literal(text);
        };
    }
}
