package dev.loupe.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The sqlite3 command-line program (Debian's 3.40.1): the oracle for integrity_check's exact 3.40 lines. */
public final class Sqlite340 {

    private Sqlite340() {
    }

    /**
     * Output lines of {@code PRAGMA integrity_check} (stdout and stderr, in order) run read-only on a copy of
     * {@code db} in {@code scratch}, without the "*** in database main ***" line.
     */
    public static List<String> integrityCheck(Path db, Path scratch) throws Exception {
        Files.createDirectories(scratch);
        Path copy = scratch.resolve("copy-" + db.getFileName());
        Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
        Process p = new ProcessBuilder("sqlite3", "-readonly", copy.toString(), "PRAGMA integrity_check")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqlite3 did not finish on " + db);
        }
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank() && !l.equals("*** in database main ***")) {
                lines.add(l);
            }
        }
        return lines;
    }
}
