package dev.loupe.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files {@code loupe check} is asked to check: files named on the command line as given (even if missing or
 * not a database: that is a finding, or exit 3), and under each directory, recursively, the regular files that
 * start with the SQLite magic string, except WAL, shared-memory and journal files. Sorted, without duplicates, so
 * a run's order never depends on the file system.
 */
final class DatabaseFiles {

    /** fileformat2 §1.3.1: the header string, 16 bytes with its NUL. */
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

    private DatabaseFiles() {
    }

    static List<Path> expand(List<Path> arguments) {
        TreeSet<Path> files = new TreeSet<>();
        for (Path a : arguments) {
            if (Files.isDirectory(a)) {
                files.addAll(search(a));
            } else {
                files.add(a.normalize());
            }
        }
        return new ArrayList<>(files);
    }

    private static List<Path> search(Path dir) {
        // Symbolic links are not followed (no loops); a link named on the command line is.
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && !isSideFile(p) && startsWithMagic(p))
                    .map(Path::normalize).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(ExitCode.UNREADABLE, dir + ": cannot search the directory: " + message(e));
        }
    }

    static boolean isSideFile(Path p) {
        String name = p.getFileName().toString();
        return SIDE_FILES.stream().anyMatch(name::endsWith);
    }

    private static boolean startsWithMagic(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            // Unreadable files in a searched directory are not databases we can name; skipping them silently
            // would hide them, so they are listed and reported as unreadable.
            return true;
        }
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage();
    }
}
