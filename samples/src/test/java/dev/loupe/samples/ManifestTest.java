package dev.loupe.samples;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** MANIFEST.md lists every shipped file with its true size; nothing else sits in the resource directory. */
class ManifestTest {
    private static final Path MANIFEST = Path.of("MANIFEST.md");
    private static final Path FILES = Path.of("src/main/resources/dev/loupe/samples/files");

    private static Set<String> shippedNames() {
        Set<String> names = new TreeSet<>();
        for (Sample sample : Sample.values()) {
            names.add(sample.fileName());
            if (sample.hasWal()) {
                names.add(sample.fileName() + "-wal");
            }
        }
        return names;
    }

    @Test
    void resourceDirectoryHoldsExactlyTheSamples() throws Exception {
        try (Stream<Path> files = Files.list(FILES)) {
            Set<String> present = files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).isEqualTo(shippedNames());
        }
    }

    @Test
    void manifestRowsGiveTheTrueSizes() throws Exception {
        Map<String, Long> listed = new HashMap<>();
        for (String line : Files.readAllLines(MANIFEST)) {
            List<String> cells = List.of(line.split("\\|", -1));
            if (cells.size() > 3 && cells.get(1).trim().matches("[a-z0-9-]+\\.db(-wal)?")) {
                listed.put(cells.get(1).trim(), Long.parseLong(cells.get(2).trim()));
            }
        }
        Map<String, Long> actual = new HashMap<>();
        long total = 0;
        for (String name : shippedNames()) {
            long size = Files.size(FILES.resolve(name));
            actual.put(name, size);
            total += size;
        }
        assertThat(listed).isEqualTo(actual);
        assertThat(total).as("total size of the samples").isLessThan(5L * 1024 * 1024);
    }
}
