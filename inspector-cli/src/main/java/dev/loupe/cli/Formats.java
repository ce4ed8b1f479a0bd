package dev.loupe.cli;

import java.util.List;

/** The {@code --format} values a command accepts, checked with a one-line usage error (exit code 2). */
final class Formats {

    private Formats() {
    }

    static String require(String format, String... allowed) {
        if (!List.of(allowed).contains(format)) {
            String list = allowed.length == 2 ? allowed[0] + " or " + allowed[1]
                    : String.join(", ", List.of(allowed).subList(0, allowed.length - 1)) + " or "
                    + allowed[allowed.length - 1];
            throw new UserError(ExitCode.USAGE, "--format must be " + list + ", not '" + format + "'");
        }
        return format;
    }
}
