package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cmd:TEMPLATE}: any program. The template is split into arguments like a shell would split words (spaces
 * separate; '...' and "..." quote; no variables, globs or pipes, and no shell runs); {@code {db}} in an argument is
 * replaced by the database path (a fresh path in a temporary folder when the run has no database). The script goes
 * to stdin, one statement per line, each ended by a semicolon; with a {@code {json}} word in the template (the word
 * itself is dropped), stdin gets the runner protocol's JSON input instead: {"database", "statements"}.
 *
 * <p>A program that prints the runner protocol ({@link RunnerProtocol}, as turso-runner.mjs does) gets per-statement
 * results. Any other program's run is one outcome: a row (stdout, stderr, exit) when it exits with status 0 or 1
 * (1 is how shells report SQL errors), else a crash; a timeout or the output limit is an abort.
 */
public final class CommandEngine implements Engine {

    public static final String PREFIX = "cmd:";
    /** The template word that asks for the runner protocol's JSON input on stdin. */
    static final String JSON_INPUT = "{json}";

    private final String template;
    private final List<String> words;

    public CommandEngine(String template) {
        this.template = template;
        this.words = split(template);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("cmd: needs a program, e.g. cmd:sqlite3 {db}");
        }
    }

    @Override
    public String name() {
        return PREFIX + template;
    }

    @Override
    public String version() {
        return "unknown";
    }

    @Override
    public boolean available() {
        String program = words.get(0);
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RunResult run(Script script, Path database, Limits limits) {
        Path scratch = null;
        try {
            Path db = database;
            if (db == null) {
                scratch = Files.createTempDirectory("loupe-cmd");
                db = scratch.resolve("fresh.db");
            }
            String dbPath = db.toAbsolutePath().toString();
            List<String> command = new ArrayList<>();
            boolean json = false;
            for (String w : words) {
                if (w.equals(JSON_INPUT)) {
                    json = true;
                } else {
                    command.add(w.replace("{db}", dbPath));
                }
            }
            byte[] stdin = json ? RunnerProtocol.input(script, db) : script.text().getBytes(StandardCharsets.UTF_8);
            ProcessRun r = ProcessRun.run(command, stdin, limits, null, Map.of());
            return new RunResult(name(), version(), outcomes(script, r, limits));
        } catch (IOException e) {
            return new RunResult(name(), version(), List.of(new Outcome.Aborted(Abort.of(Abort.Kind.CRASH,
                    "cannot create a temporary folder: " + e.getMessage()))));
        } finally {
            deleteScratch(scratch);
        }
    }

    private static List<Outcome> outcomes(Script script, ProcessRun r, Limits limits) {
        if (r.startError() != null) {
            return List.of(new Outcome.Aborted(r.limitAbort(limits)));
        }
        if (RunnerProtocol.speaks(r.stdout())) {
            return RunnerProtocol.outcomes(script, r.stdout(), () -> {
                Abort limit = r.limitAbort(limits);
                return limit != null ? limit : r.crash("the program stopped");
            });
        }
        Abort limit = r.limitAbort(limits);
        if (limit != null) {
            return List.of(new Outcome.Aborted(limit));
        }
        if (r.exitCode() != 0 && r.exitCode() != 1) {
            return List.of(new Outcome.Aborted(r.crash("the program failed")));
        }
        List<Value> row = List.of(new Value.Text(new String(r.stdout(), StandardCharsets.UTF_8)),
                new Value.Text(r.stderrText()), new Value.Int(r.exitCode()));
        return List.of(new Outcome.Rows(List.of("stdout", "stderr", "exit"), List.of(row)));
    }

    /** Splits a template into words: whitespace separates, '...' and "..." group, backslash escapes a character. */
    static List<String> split(String template) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < template.length()) {
                    w.append(template.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < template.length()) {
                w.append(template.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in cmd: template");
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    private static void deleteScratch(Path scratch) {
        if (scratch == null) {
            return;
        }
        try (var files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
