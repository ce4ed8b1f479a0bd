package dev.loupe.issue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub issue forms (YAML, for a repository's .github/ISSUE_TEMPLATE) for corruption and compatibility reports,
 * whose fields match what a Loupe draft carries.
 */
public final class IssueForms {

    /** The forms' file names, as they are written. */
    public static final List<String> FILES = List.of("loupe-corruption.yml", "loupe-compatibility.yml");

    private IssueForms() {
    }

    /** The form's YAML text. */
    public static byte[] text(String file) {
        try (InputStream in = IssueForms.class.getResourceAsStream("forms/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no issue form " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every form into {@code dir} (created if missing), replacing files of the same names. */
    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String f : FILES) {
            Path p = dir.resolve(f);
            Files.write(p, text(f));
            written.add(p);
        }
        return written;
    }
}
