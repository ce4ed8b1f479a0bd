package dev.loupe.repro.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.repro.sql.Script;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON-lines protocol of Loupe's engine runners (turso-runner.mjs documents it): a first line naming the engine
 * and its version, one line per statement with typed values or an error, and {"done": true}. Any program that
 * speaks it can be a {@code cmd:} engine with exact, per-statement results.
 */
final class RunnerProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Runner messages wrap SQLite's: "step failed: Runtime error: UNIQUE constraint failed: t.a (19)". */
    private static final Pattern WRAPPER = Pattern.compile(
            "^(?:(?:failed to consume stmt|step failed|prepare failed|failed to prepare statement)\\s*:\\s*)?"
                    + "(?:(?:Parse error|Runtime error|SQL error|Error)\\s*:\\s*)?(.*?)(?: \\((\\d+)\\))?$",
            Pattern.DOTALL);

    private RunnerProtocol() {
    }

    /** The runner's input: the database path (or null) and the statements. */
    static byte[] input(Script script, Path database) {
        ObjectNode in = JSON.createObjectNode();
        if (database == null) {
            in.putNull("database");
        } else {
            in.put("database", database.toAbsolutePath().toString());
        }
        ArrayNode statements = in.putArray("statements");
        script.sqls().forEach(statements::add);
        return in.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** True when {@code stdout} starts with a runner's hello line. */
    static boolean speaks(byte[] stdout) {
        String s = new String(stdout, 0, Math.min(stdout.length, 4096), StandardCharsets.UTF_8);
        return s.startsWith("{\"engine\":") || s.startsWith("{\"engine\" :");
    }

    /** The hello line: {"engine", "version", "sqliteVersion"} as one version string. */
    static String version(String helloLine) {
        try {
            JsonNode h = JSON.readTree(helloLine);
            String v = h.path("version").asText("unknown");
            String sv = h.path("sqliteVersion").asText("");
            return sv.isEmpty() || sv.equals("unknown") ? v : v + " (sqlite_version " + sv + ")";
        } catch (JsonProcessingException e) {
            return "unknown";
        }
    }

    /**
     * The outcomes in a runner's stdout for {@code script}. A run that stops before "done" ends with an Aborted
     * outcome built by {@code stopped} (a limit or a crash, decided by the caller from the process's fate).
     */
    static List<Outcome> outcomes(Script script, byte[] stdout, java.util.function.Supplier<Abort> stopped) {
        List<Outcome> outcomes = new ArrayList<>();
        String[] lines = new String(stdout, StandardCharsets.UTF_8).split("\n", -1);
        // lines[0] is the hello line; the last piece is what follows the final newline (empty when complete).
        for (int i = 1; i < lines.length - 1 && outcomes.size() < script.size(); i++) {
            try {
                outcomes.add(outcome(JSON.readTree(lines[i])));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                outcomes.add(new Outcome.Aborted(Abort.of(Abort.Kind.CRASH, "unreadable runner output line "
                        + (i + 1) + ": " + e.getMessage())));
                return outcomes;
            }
        }
        if (outcomes.size() < script.size()) {
            outcomes.add(new Outcome.Aborted(stopped.get()));
        }
        return outcomes;
    }

    private static Outcome outcome(JsonNode line) {
        JsonNode error = line.get("error");
        if (error != null) {
            return error(error.path("code").asText(""), error.path("message").asText(""));
        }
        JsonNode rows = line.get("rows");
        if (rows == null || !rows.isArray()) {
            throw new IllegalArgumentException("neither rows nor error: " + line);
        }
        List<String> columns = new ArrayList<>();
        line.path("columns").forEach(c -> columns.add(c.asText()));
        List<List<Value>> list = new ArrayList<>();
        for (JsonNode r : rows) {
            List<Value> row = new ArrayList<>();
            r.forEach(v -> row.add(value(v)));
            list.add(row);
        }
        return new Outcome.Rows(columns, list);
    }

    /** An error from a runner: the code string if it is SQLite's, else the code at the message's end. */
    static Outcome.Error error(String codeName, String message) {
        Matcher m = WRAPPER.matcher(message.strip());
        String core = message;
        int code = -1;
        if (m.matches()) {
            core = m.group(1);
            if (m.group(2) != null) {
                code = Integer.parseInt(m.group(2));
            }
        }
        if (code < 0) {
            code = SqliteCodes.byName(codeName);
        }
        return new Outcome.Error(ErrorClass.of(code, core), message, code);
    }

    static Value value(JsonNode v) {
        if (v == null || v.isNull()) {
            return Value.NULL;
        }
        if (v.has("i")) {
            return new Value.Int(Long.parseLong(v.get("i").asText()));
        }
        if (v.has("r")) {
            JsonNode r = v.get("r");
            if (r.isNumber()) {
                return new Value.Real(r.doubleValue());
            }
            return new Value.Real(switch (r.asText()) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                case "-0" -> -0.0;
                default -> throw new IllegalArgumentException("bad real " + r);
            });
        }
        if (v.has("t")) {
            return new Value.Text(v.get("t").asText());
        }
        if (v.has("b")) {
            return new Value.Blob(HexFormat.of().parseHex(v.get("b").asText()));
        }
        throw new IllegalArgumentException("untyped value " + v);
    }
}
