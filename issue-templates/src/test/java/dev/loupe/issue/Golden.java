package dev.loupe.issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under src/test/resources/dev/loupe/issue/golden. Run with -Dloupe.golden.update=true to rewrite them
 * from what the code produces now (then review the diff).
 */
final class Golden {

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        if (Boolean.getBoolean("loupe.golden.update")) {
            Path dir = Path.of(System.getProperty("loupe.golden.dir"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), actual, StandardCharsets.UTF_8);
            return;
        }
        try (var in = Golden.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file %s (regenerate with -Dloupe.golden.update=true)", name).isNotNull();
            assertThat(actual).as("golden %s", name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
