package dev.loupe.repro.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.check.Finding;
import dev.loupe.repro.diff.DiffText;
import dev.loupe.repro.diff.FileDiff;
import dev.loupe.repro.diff.FileDiffJson;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.Outcome;
import dev.loupe.repro.engine.RunResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes a reducer's result as the reproducer directory that {@code issue draft} reads: reproducer.json, repro.sql
 * (the reduced script, one statement per line, each ended by ';') and outputs/ENGINE.txt (each engine's canonical
 * output of the reduced script, one block per statement); for the filediff oracle also databases/ENGINE.db, the file
 * each engine leaves after the reduced script, and the diff in reproducer.json ("fileDiff").
 */
public final class SqlReproducerWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SqlReproducerWriter() {
    }

    /**
     * @param runs    each engine's run of the reduced script, in engine order (for outputs/)
     * @param created when the reproducer was made (reproducer.json's "created")
     */
    public static void write(Path dir, SqlReducer.Result result, List<Engine> engines, Oracle oracle,
                             List<RunResult> runs, String loupeVersion, Instant created) throws IOException {
        write(dir, result, engines, oracle, runs, loupeVersion, created, List.of());
    }

    /**
     * As {@link #write(Path, SqlReducer.Result, List, Oracle, List, String, Instant)}, with the database each
     * engine left (in engine order; an empty array for none) written as databases/ENGINE.db.
     *
     * @return reproducer.json as written
     */
    public static ObjectNode write(Path dir, SqlReducer.Result result, List<Engine> engines, Oracle oracle,
                                   List<RunResult> runs, String loupeVersion, Instant created,
                                   List<byte[]> databases) throws IOException {
        Files.createDirectories(dir.resolve("outputs"));
        Script reduced = result.reduced();
        Files.writeString(dir.resolve("repro.sql"), reduced.text(), StandardCharsets.UTF_8);
        for (int i = 0; i < runs.size(); i++) {
            Files.writeString(dir.resolve("outputs").resolve(fileName(engines.get(i).name()) + ".txt"),
                    OutcomeText.blocks(reduced.sqls(), runs.get(i)), StandardCharsets.UTF_8);
        }
        ObjectNode json = json(result, engines, oracle, loupeVersion, created);
        ObjectNode files = JSON.createObjectNode();
        for (int i = 0; i < Math.min(databases.size(), engines.size()); i++) {
            if (databases.get(i).length > 0) {
                String name = "databases/" + fileName(engines.get(i).name()) + ".db";
                Files.createDirectories(dir.resolve("databases"));
                Files.write(dir.resolve(name), databases.get(i));
                files.put(engines.get(i).name(), name);
            }
        }
        if (!files.isEmpty()) {
            json.set("databases", files);
        }
        Files.writeString(dir.resolve("reproducer.json"), JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        return json;
    }

    /** reproducer.json as a tree (the shared contract of the reproducer directory). */
    public static ObjectNode json(SqlReducer.Result result, List<Engine> engines, Oracle oracle, String loupeVersion,
                                  Instant created) {
        Failure f = result.failure();
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "sql");
        root.put("loupeVersion", loupeVersion);
        root.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        var list = root.putArray("engines");
        for (Engine e : engines) {
            list.addObject().put("name", e.name()).put("version", e.version());
        }
        root.put("reference", engines.get(0).name());
        root.put("oracle", oracle.toString());
        ObjectNode failure = root.putObject("failure");
        failure.put("class", f.failureClass());
        if (f.statementIndex() == null) {
            failure.putNull("statementIndex");
        } else {
            failure.put("statementIndex", f.statementIndex());
        }
        failure.put("statementClass", f.statementClass());
        failure.put("signature", f.signature());
        failure.put("summary", f.summary());
        size(root.putObject("original"), result.original());
        size(root.putObject("reduced"), result.reduced());
        root.put("steps", result.steps());
        root.put("millis", result.millis());
        root.put("budgetSpent", result.budgetSpent());
        ObjectNode outcomes = root.putObject("outcomes");
        for (Map.Entry<String, Outcome> e : f.outcomes().entrySet()) {
            outcomes.set(e.getKey(), OutcomeText.json(e.getValue()));
        }
        Finding finding = f.finding();
        if (finding == null) {
            root.putNull("finding");
        } else {
            ObjectNode n = root.putObject("finding");
            n.put("code", finding.code().code());
            n.put("severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT));
            n.put("message", finding.message());
            n.put("page", finding.page());
            n.put("cell", finding.cell());
            n.put("offset", finding.offset());
            n.put("length", finding.length());
            n.put("sqlite", finding.sqlite());
        }
        FileDiff diff = f.fileDiff();
        if (diff != null) {
            // the engines' files compared as `loupe diff A B` compares them, its text report included for drafts
            ObjectNode n = FileDiffJson.of(diff, false);
            n.put("text", DiffText.plain(diff, false));
            root.set("fileDiff", n);
        }
        return root;
    }

    private static void size(ObjectNode n, Script s) {
        n.put("statements", s.size());
        n.put("bytes", s.text().getBytes(StandardCharsets.UTF_8).length);
        n.putNull("pages");
    }

    /** An engine name as a file name: cmd: templates keep letters, digits, '.', '-' and '_'. */
    public static String fileName(String engine) {
        String s = engine.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
