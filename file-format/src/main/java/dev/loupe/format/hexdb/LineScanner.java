package dev.loupe.format.hexdb;

/**
 * Matches one line the way the sqlite3 CLI's hexdb reader does with {@code sscanf}: a blank in the pattern matches
 * any run of blanks (also none), other pattern characters match themselves, {@code %d} and {@code %x} skip leading
 * blanks and take an optionally signed decimal or hexadecimal number (the latter with an optional {@code 0x}).
 * Matching the same patterns the same way is what makes Loupe accept exactly the variations the CLI accepts.
 */
final class LineScanner {

    /** Numbers are kept saturated here; anything this large is out of range for every field of the format. */
    private static final long SATURATED = Long.MAX_VALUE / 32;

    private final String line;
    private int pos;
    private long value;
    private int digits;

    LineScanner(String line) {
        this.line = line;
    }

    /** Matches {@code pattern} literally, blanks matching any run of blanks; false (position undefined) if not. */
    boolean literal(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (isBlank(c)) {
                skipBlanks();
            } else if (pos < line.length() && line.charAt(pos) == c) {
                pos++;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Reads a {@code %d} number into {@link #value()}. */
    boolean decimal() {
        return number(10);
    }

    /** Reads a {@code %x} number into {@link #value()}; {@link #digits()} tells how many digits it had. */
    boolean hex() {
        return number(16);
    }

    long value() {
        return value;
    }

    int digits() {
        return digits;
    }

    /** Everything after the current position with surrounding blanks removed. */
    String rest() {
        return line.substring(Math.min(pos, line.length())).strip();
    }

    boolean atEnd() {
        skipBlanks();
        return pos >= line.length();
    }

    private boolean number(int radix) {
        skipBlanks();
        int p = pos;
        boolean negative = false;
        if (p < line.length() && (line.charAt(p) == '+' || line.charAt(p) == '-')) {
            negative = line.charAt(p) == '-';
            p++;
        }
        if (radix == 16 && p + 2 < line.length() && line.charAt(p) == '0'
                && (line.charAt(p + 1) == 'x' || line.charAt(p + 1) == 'X') && digit(line.charAt(p + 2), 16) >= 0) {
            p += 2;
        }
        long v = 0;
        int n = 0;
        for (int d; p < line.length() && (d = digit(line.charAt(p), radix)) >= 0; p++, n++) {
            v = v >= SATURATED ? SATURATED : v * radix + d;
        }
        if (n == 0) {
            return false;
        }
        pos = p;
        value = negative ? -v : v;
        digits = n;
        return true;
    }

    /** An ASCII digit's value in {@code radix}, or -1 (sscanf takes no other digits). */
    private static int digit(char c, int radix) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (radix == 16 && c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (radix == 16 && c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private void skipBlanks() {
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
    }

    /** The characters C's {@code isspace} accepts. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
