package dev.loupe.issue;

import java.util.Set;

/**
 * A shell here-document with a quoted delimiter, so the shell expands nothing inside (POSIX XCU 2.7.4); the
 * delimiter is chosen so that no line of the text ends the document early.
 */
public final class Heredoc {

    private Heredoc() {
    }

    /** {@code command <<'EOF'}, the text, and the delimiter line. */
    public static String of(String command, String text) {
        String body = text.endsWith("\n") ? text : text + "\n";
        Set<String> lines = Set.copyOf(body.lines().toList());
        String delimiter = "EOF";
        for (int i = 2; lines.contains(delimiter); i++) {
            delimiter = "EOF_" + i;
        }
        return command + " <<'" + delimiter + "'\n" + body + delimiter + "\n";
    }
}
