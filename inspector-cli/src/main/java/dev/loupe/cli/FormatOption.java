package dev.loupe.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} for the commands that print one document. */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text or json.")
    String format = "text";

    /** True for json; throws a usage error for anything but text or json. */
    boolean json() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserError(ExitCode.USAGE, "--format must be text or json, not '" + format + "'");
        }
        return format.equals("json");
    }
}
