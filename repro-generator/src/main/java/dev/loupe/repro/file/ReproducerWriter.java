package dev.loupe.repro.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.check.Finding;
import dev.loupe.format.hexdb.HexDbWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes a file reduction as a reproducer directory (the shared contract of issue 7): repro.db, repro.hexdb (the
 * text `sqlite3` opens with `.open --hexdb`) and reproducer.json with kind "file" and the finding.
 */
public final class ReproducerWriter {
    private ReproducerWriter() {
    }

    public static void write(FileReduction r, String loupeVersion, String sqliteVersion, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("repro.db"), r.reduced());
        Files.writeString(dir.resolve("repro.hexdb"), HexDbWriter.toText(r.reduced(), r.pageSize(), "repro.db"),
                StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve("reproducer.json"),
                json.writeValueAsString(manifest(json, r, loupeVersion, sqliteVersion)) + "\n",
                StandardCharsets.UTF_8);
    }

    static ObjectNode manifest(ObjectMapper json, FileReduction r, String loupeVersion, String sqliteVersion) {
        ObjectNode m = json.createObjectNode();
        m.put("kind", "file");
        m.put("loupeVersion", loupeVersion);
        m.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode engines = m.putArray("engines");
        engines.addObject().put("name", "sqlite").put("version", sqliteVersion);
        m.put("reference", "sqlite");
        m.put("oracle", "check:" + r.target().code());
        ObjectNode failure = m.putObject("failure");
        failure.put("class", "corruption");
        failure.putNull("statementIndex");
        failure.putNull("statementClass");
        Finding f = r.finding();
        failure.put("summary", r.target().code() + ": " + (f == null ? "" : f.message()));
        size(m.putObject("original"), r.original(), r.originalPages());
        size(m.putObject("reduced"), r.reduced(), r.reducedPages());
        m.put("steps", r.steps());
        m.put("millis", r.millis());
        ObjectNode outcomes = m.putObject("outcomes");
        ArrayNode lines = outcomes.putObject("sqlite").put("statement", "PRAGMA integrity_check")
                .putArray("rows");
        r.sqliteReduced().forEach(lines::add);
        if (f == null) {
            m.putNull("finding");
        } else {
            ObjectNode fn = m.putObject("finding");
            fn.put("code", f.code().code());
            fn.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            fn.put("message", f.message());
            fn.put("page", f.page());
            fn.put("cell", f.cell());
            fn.put("offset", f.offset());
            fn.put("length", f.length());
            if (f.sqlite() == null) {
                fn.putNull("sqlite");
            } else {
                fn.put("sqlite", f.sqlite());
            }
        }
        return m;
    }

    private static void size(ObjectNode n, byte[] image, long pages) {
        n.put("statements", 0);
        n.put("bytes", image.length);
        n.put("pages", pages);
    }
}
