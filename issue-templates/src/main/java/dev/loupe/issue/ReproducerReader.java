package dev.loupe.issue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a reproducer directory. Never writes to it. */
public final class ReproducerReader {

    /** Reproducers are small by construction; larger files are read only this far (the draft shows excerpts). */
    static final int MAX_TEXT_BYTES = 4 << 20;
    static final int MAX_DATABASE_BYTES = 64 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReproducerReader() {
    }

    public static Reproducer read(Path dir) throws ReproducerException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new ReproducerException(dir + ": not a reproducer directory (no such directory)");
        }
        Path jsonFile = dir.resolve("reproducer.json");
        if (!Files.isRegularFile(jsonFile)) {
            throw new ReproducerException(dir + ": not a reproducer directory (no reproducer.json)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text(jsonFile));
        } catch (JsonProcessingException e) {
            throw new ReproducerException(jsonFile + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ReproducerException(jsonFile + ": not a JSON object");
        }
        String kind = root.path("kind").asText("");
        if (!kind.equals("sql") && !kind.equals("file")) {
            throw new ReproducerException(jsonFile + ": kind must be \"sql\" or \"file\", not \"" + kind + "\"");
        }
        JsonNode failure = root.path("failure");
        String classId = failure.path("class").asText("");
        FailureClass failureClass = FailureClass.byId(classId);
        if (failureClass == null) {
            throw new ReproducerException(jsonFile + ": unknown failure class \"" + classId + "\"");
        }
        List<EngineInfo> engines = new ArrayList<>();
        for (JsonNode e : root.path("engines")) {
            engines.add(new EngineInfo(e.path("name").asText("?"), textOr(e.path("version"), "unknown")));
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        root.path("outcomes").fields().forEachRemaining(f -> outcomes.put(f.getKey(), f.getValue().toString()));
        JsonNode index = failure.path("statementIndex");
        return new Reproducer(kind, textOr(root.path("loupeVersion"), "unknown"), textOr(root.path("created"), ""),
                engines, textOr(root.path("reference"), "sqlite"), textOr(root.path("oracle"), ""), failureClass,
                index.isIntegralNumber() ? index.asInt() : null, textOr(failure.path("statementClass"), ""),
                textOr(failure.path("summary"), ""), size(root.path("original")), size(root.path("reduced")),
                root.path("steps").asLong(0), root.path("millis").asLong(0), outcomes, finding(root.path("finding")),
                optionalText(dir.resolve("repro.sql")), outputs(dir.resolve("outputs"), engines),
                optionalText(dir.resolve("repro.hexdb")), optionalBytes(dir.resolve("repro.db")),
                fileDiff(root));
    }

    private static Reproducer.FileDiff fileDiff(JsonNode root) {
        JsonNode n = root.path("fileDiff");
        if (!n.isObject()) {
            return null;
        }
        JsonNode first = n.path("firstIncompatible");
        Map<String, String> databases = new LinkedHashMap<>();
        root.path("databases").fields().forEachRemaining(f -> databases.put(f.getKey(), f.getValue().asText()));
        return new Reproducer.FileDiff(textOr(n.path("text"), ""), first.isObject()
                ? textOr(first.path("signature"), null) : null, databases);
    }

    private static Reproducer.Size size(JsonNode n) {
        JsonNode pages = n.path("pages");
        return new Reproducer.Size(n.path("statements").asLong(0), n.path("bytes").asLong(0),
                pages.isIntegralNumber() ? pages.asLong() : null);
    }

    private static Finding finding(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        return new Finding(textOr(n.path("code"), "?"), textOr(n.path("severity"), ""), textOr(n.path("message"), ""),
                n.path("page").asLong(0), n.path("cell").asInt(-1), n.path("offset").asLong(-1),
                n.path("length").asInt(0), n.path("sqlite").isTextual() ? n.path("sqlite").asText() : null);
    }

    private static Map<String, String> outputs(Path dir, List<EngineInfo> engines) throws IOException {
        Map<String, String> byName = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".txt")) {
                        byName.put(name.substring(0, name.length() - 4), text(p));
                    }
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (EngineInfo e : engines) {
            String out = byName.remove(e.name());
            if (out != null) {
                ordered.put(e.name(), out);
            }
        }
        ordered.putAll(byName);
        return ordered;
    }

    private static String textOr(JsonNode n, String fallback) {
        return n.isValueNode() && !n.isNull() ? n.asText() : fallback;
    }

    private static String optionalText(Path p) throws IOException {
        return Files.isRegularFile(p) ? text(p) : null;
    }

    private static byte[] optionalBytes(Path p) throws IOException {
        return Files.isRegularFile(p) ? prefix(p, MAX_DATABASE_BYTES) : null;
    }

    private static String text(Path p) throws IOException {
        return new String(prefix(p, MAX_TEXT_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] prefix(Path p, int max) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(max);
        }
    }
}
