package dev.loupe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stands in for the GUI jar's main class in {@link GuiCommandTest}: writes its arguments to the
 * last argument plus ".args", exits 7. */
public final class FakeGui {

    private FakeGui() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[args.length - 1] + ".args"), String.join("\n", args));
        System.exit(7);
    }
}
