package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;
import dev.loupe.repro.sql.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sqlite3 command-line shell, run as a program (argument array, no shell) with the script on stdin. It prints
 * in {@code .mode quote} (typed literals, see {@link QuoteModeOutput}), with a {@code .print} marker after each
 * statement so each statement's rows are known; its errors go to stderr as "Parse error near line N: ..." and are
 * matched to statements by the line each statement starts on. ~/.sqliterc is not read ({@code -init} an empty
 * file).
 *
 * <p>What the shell cannot show: text after a NUL character (it prints C strings) and the sign of -0.0.
 */
public final class Sqlite3Engine implements Engine {

    public static final String NAME = "sqlite3";

    /** "Parse error near line 3: no such table: t" (3.40); "Error: near line 3: ..." in older shells. */
    private static final Pattern ERROR = Pattern.compile("^(?:Parse error|Runtime error|Error):? near line (\\d+): (.*)$");
    /** The shell appends " (19)", the result code, to runtime errors. */
    private static final Pattern CODE_SUFFIX = Pattern.compile("^(.*) \\((\\d+)\\)$", Pattern.DOTALL);

    private final String program;
    private volatile String version;

    public Sqlite3Engine() {
        this("sqlite3");
    }

    public Sqlite3Engine(String program) {
        this.program = program;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String v = version;
        if (v == null) {
            v = askVersion();
            version = v;
        }
        return v;
    }

    private String askVersion() {
        ProcessRun r = ProcessRun.run(List.of(program, "-version"), new byte[0],
                new Limits(Duration.ofSeconds(10), 1 << 16), null, Map.of());
        if (r.startError() != null || r.exitCode() != 0) {
            return "unavailable";
        }
        String v = new String(r.stdout(), StandardCharsets.UTF_8).strip();
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    @Override
    public boolean available() {
        return !version().equals("unavailable");
    }

    @Override
    public RunResult run(Script script, Path database, Limits limits) {
        String marker = "--loupe-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) + "-";
        StringBuilder in = new StringBuilder(".headers on\n.mode quote\n.explain off\n");
        int line = 4;
        TreeMap<Integer, Integer> statementAtLine = new TreeMap<>();
        for (Statement s : script.statements()) {
            statementAtLine.put(line, s.index());
            // A leading space: a line that starts with '.' or '#' would be a dot-command or a comment to the shell.
            in.append(' ').append(s.sql()).append(";\n");
            line += (int) s.sql().chars().filter(c -> c == '\n').count() + 1;
            in.append(".print ").append(marker).append(s.index()).append('\n');
            line++;
        }
        Path init = null;
        try {
            init = Files.createTempFile("loupe-sqlite3-init", ".sql");
            List<String> cmd = new ArrayList<>(List.of(program, "-batch", "-init", init.toString()));
            if (database != null) {
                cmd.add(database.toAbsolutePath().toString());
            }
            ProcessRun r = ProcessRun.run(cmd, in.toString().getBytes(StandardCharsets.UTF_8), limits, null,
                    Map.of());
            return new RunResult(NAME, version(), outcomes(script, r, marker, statementAtLine, limits));
        } catch (IOException e) {
            return new RunResult(NAME, "unknown", List.of(new Outcome.Aborted(Abort.of(Abort.Kind.CRASH,
                    "cannot create a temporary file: " + e.getMessage()))));
        } finally {
            if (init != null) {
                try {
                    Files.deleteIfExists(init);
                } catch (IOException ignored) {
                    // a leftover empty temporary file is harmless
                }
            }
        }
    }

    private static List<Outcome> outcomes(Script script, ProcessRun r, String marker,
                                          TreeMap<Integer, Integer> statementAtLine, Limits limits) {
        List<Outcome> outcomes = new ArrayList<>();
        if (r.startError() != null) {
            outcomes.add(new Outcome.Aborted(r.limitAbort(limits)));
            return outcomes;
        }
        Map<Integer, Outcome.Error> errors = errors(r.stderrText(), statementAtLine);
        String out = new String(r.stdout(), StandardCharsets.UTF_8);
        int from = 0;
        for (Statement s : script.statements()) {
            String mark = marker + s.index() + "\n";
            int at = out.indexOf(mark, from);
            if (at < 0) {
                Abort abort = r.limitAbort(limits);
                outcomes.add(new Outcome.Aborted(abort != null ? abort
                        : r.crash("sqlite3 stopped before the end of statement " + (s.index() + 1))));
                return outcomes;
            }
            String section = out.substring(from, at);
            from = at + mark.length();
            Outcome.Error error = errors.get(s.index());
            if (error != null) {
                outcomes.add(error);
                continue;
            }
            try {
                outcomes.add(QuoteModeOutput.parse(section));
            } catch (IllegalArgumentException e) {
                outcomes.add(new Outcome.Aborted(Abort.of(Abort.Kind.CRASH, "unreadable sqlite3 output for"
                        + " statement " + (s.index() + 1) + ": " + e.getMessage())));
                return outcomes;
            }
        }
        return outcomes;
    }

    /** Each statement's error from stderr (its first line; a parse error's excerpt lines are dropped). */
    private static Map<Integer, Outcome.Error> errors(String stderr, TreeMap<Integer, Integer> statementAtLine) {
        Map<Integer, Outcome.Error> errors = new HashMap<>();
        for (String l : stderr.split("\n")) {
            Matcher m = ERROR.matcher(l);
            if (!m.matches()) {
                continue;
            }
            int line = Integer.parseInt(m.group(1));
            var entry = statementAtLine.floorEntry(line);
            if (entry == null) {
                continue;
            }
            String message = m.group(2);
            int code = -1;
            Matcher c = CODE_SUFFIX.matcher(message);
            if (c.matches()) {
                message = c.group(1);
                code = Integer.parseInt(c.group(2));
            }
            errors.putIfAbsent(entry.getValue(), new Outcome.Error(ErrorClass.of(code, message), message, code));
        }
        return errors;
    }
}
