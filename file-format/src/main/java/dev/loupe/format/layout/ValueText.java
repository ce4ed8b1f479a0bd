package dev.loupe.format.layout;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealFormat;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

/** A value as a short SQL literal for labels and one-line summaries ('text', X'0102', 1.5, NULL), cut to a width. */
public final class ValueText {

    private ValueText() {
    }

    /** The literal, cut to at most {@code max} characters (an ellipsis marks the cut); "?" for an unreadable value. */
    public static String brief(Value v, int max) {
        String s;
        if (v == null) {
            s = "?";
        } else if (v instanceof IntegerValue i) {
            s = Long.toString(i.value());
        } else if (v instanceof RealValue r) {
            s = RealFormat.sqlite(r.value());
        } else if (v instanceof TextValue t) {
            String text = t.value().length() > max ? t.value().substring(0, max) : t.value();
            s = "'" + escape(text) + "'";
        } else if (v instanceof BlobValue b) {
            byte[] bytes = b.value();
            StringBuilder sb = new StringBuilder("X'");
            for (int i = 0; i < Math.min(bytes.length, max / 2); i++) {
                sb.append(String.format("%02X", bytes[i] & 0xff));
            }
            s = sb.append('\'').toString();
        } else {
            s = "NULL";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
    }

    /** Control characters would break a one-line label: shown as '?'. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
