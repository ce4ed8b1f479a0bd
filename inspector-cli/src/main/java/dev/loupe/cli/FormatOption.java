package dev.loupe.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} for the commands that print one document. */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text or json.")
    String format = "text";

    /** True for json; throws a usage error for anything but text or json. */
    boolean json() {
        return Formats.require(format, "text", "json").equals("json");
    }
}
