package dev.loupe.issue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Quotes words for a POSIX shell so that {@code sh} hands the program exactly these arguments. Inside single
 * quotes every character stands for itself (POSIX.1 XCU 2.2.2), newlines included; a single quote is written as
 * {@code '\''} (close, escaped quote, reopen). Words made only of characters no shell treats specially stay bare.
 */
public final class ShellQuote {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** One word, quoted. A NUL cannot be passed in an argument at all, so it is refused. */
    public static String word(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain NUL");
        }
        if (BARE.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined by single spaces: a command line for sh. */
    public static String line(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(word(w));
        }
        return b.toString();
    }
}
