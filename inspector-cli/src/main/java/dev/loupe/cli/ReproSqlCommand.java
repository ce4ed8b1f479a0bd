package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.repro.diff.DiffText;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.Engines;
import dev.loupe.repro.sql.Oracle;
import dev.loupe.repro.sql.Script;
import dev.loupe.repro.sql.SqlReducer;
import dev.loupe.repro.sql.SqlRepro;
import dev.loupe.issue.IssueDraft;
import dev.loupe.repro.sql.SqlReproducerWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "sql", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Run a SQL script on two engines, find the first failure the oracle sees, and shrink the script"
                + " while the same kind of failure (same class, statement class and error class) remains: statements"
                + " (delta debugging), then rows, list items, clauses and sub-expressions inside them. Writes"
                + " DIR/reproducer.json, DIR/repro.sql and DIR/outputs/ENGINE.txt. The first engine is the reference.",
        footer = {"", "Oracles:", "  diff        the outcomes of a statement differ (typed values, errors by class)",
                "  error       a statement fails on one engine only",
                "  crash       an engine's run stops: signal, odd exit status, time or output limit",
                "  check:CODE  the database the first engine leaves has checker finding CODE",
                "  filediff    the databases the two engines leave differ incompatibly (as 'loupe diff' classes it);"
                        + " DIR/databases/ENGINE.db holds each",
                "", "Examples:", "  loupe repro sql script.sql --engines sqlite,turso -o repro/",
                "  loupe repro sql fuzz.sql --engines sqlite,'cmd:./mydb {db}' --oracle crash --budget 60s -o repro/",
                "  loupe repro sql ddl.sql --engines sqlite,turso --oracle check:freeblock-overlap -o repro/",
                "", "Exit codes: 0 reproducer written, 1 the script shows no such failure, 2 usage error (unknown"
                + " engine or oracle, engine not installed), 3 script or database unreadable."})
final class ReproSqlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The SQL script (statements ended by ';').")
    Path script;

    @Option(names = "--engines", paramLabel = "A,B", required = true, split = ",",
            description = "Two engines: sqlite, sqlite3, turso or cmd:TEMPLATE (see 'loupe engines').")
    List<String> engineNames = new ArrayList<>();

    @Option(names = "--oracle", paramLabel = "ORACLE", defaultValue = "diff",
            description = "diff, error, crash, check:CODE or filediff (default: ${DEFAULT-VALUE}).")
    String oracle;

    @Option(names = "--budget", paramLabel = "TIME", defaultValue = "120s",
            description = "Time budget (120s, 2m, or seconds); the smallest script so far is kept"
                    + " (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--db", paramLabel = "DATABASE",
            description = "Start every run from a copy of this database (default: a fresh, empty one).")
    Path database;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Candidates run at the same time (default: the number of cores).")
    Integer jobs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Directory for the reproducer (created if missing).")
    Path output;

    // No --wal: the database is only copied for the engines, which read its WAL themselves.
    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        Oracle o = parseOracle();
        Duration time = parseBudget(budget);
        List<Engine> engines = engines();
        Script s = readScript();
        if (database != null && !Files.isRegularFile(database)) {
            throw new UserError(ExitCode.UNREADABLE, "cannot read " + database + ": no such file");
        }
        int parallelism = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (parallelism < 1) {
            throw new UserError(ExitCode.USAGE, "--jobs must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SqlRepro.Report> report;
        try (ReproProgress progress = ReproProgress.of(err, !json)) {
            report = SqlRepro.run(s, engines, o, database, time, parallelism, progress::show);
        } catch (SqlRepro.EngineUnavailable e) {
            throw new UserError(ExitCode.USAGE, "engine unavailable: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        if (report.isEmpty()) {
            String none = "no " + o + " failure: the script (" + s.size() + " statements) runs the same way on "
                    + engines.get(0).name() + " and " + engines.get(1).name();
            if (json) {
                ObjectNode n = JsonValues.NODES.objectNode();
                n.putNull("directory");
                n.put("oracle", o.toString()).put("message", none);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n));
            } else {
                out.println(none);
            }
            out.flush();
            return ExitCode.FINDINGS;
        }
        SqlRepro.Report r = report.get();
        Instant now = Instant.now();
        ObjectNode written;
        try {
            written = SqlReproducerWriter.write(output, r.result(), engines, o, r.reducedRuns(), Version.number(), now,
                    r.databases());
        } catch (IOException e) {
            throw new UserError(ExitCode.UNREADABLE, "cannot write " + output + ": " + e.getMessage());
        }
        // the issue draft goes next to the reproducer by default (issue.md, regression-test.sql)
        IssueDraft draft = ReproDraft.writeQuietly(output, spec.commandLine().getErr());
        if (json) {
            ObjectNode n = written;
            ObjectNode root = JsonValues.NODES.objectNode();
            root.put("directory", output.toString());
            root.put("issueDraft", draft == null ? null : output.resolve("issue.md").toString());
            root.setAll(n);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            text(out, r);
            if (draft != null) {
                out.println("Issue draft:  " + output.resolve("issue.md") + "  (\"" + draft.title() + "\"; post it with"
                        + " the gh line `loupe issue draft " + output + "` prints)");
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private void text(PrintWriter out, SqlRepro.Report r) {
        SqlReducer.Result res = r.result();
        out.println(res.failure().failureClass() + ": " + res.failure().summary());
        out.printf("%-10s %,d statements, %,d bytes%n", "original", res.original().size(),
                res.original().text().getBytes(StandardCharsets.UTF_8).length);
        out.printf("%-10s %,d statement%s, %,d bytes (%,d candidates, %.1f s%s)%n", "reduced", res.reduced().size(),
                res.reduced().size() == 1 ? "" : "s", res.reduced().text().getBytes(StandardCharsets.UTF_8).length,
                res.steps(), res.millis() / 1000.0, res.budgetSpent() ? ", budget spent: best so far" : "");
        out.println();
        for (String line : res.reduced().text().split("\n")) {
            out.println("  " + line);
        }
        out.println();
        if (res.failure().fileDiff() != null) {
            out.println("The files the reduced script leaves:");
            for (String line : DiffText.plain(res.failure().fileDiff(), false).split("\n")) {
                out.println("  " + line);
            }
            out.println();
        }
        out.println("Written to " + output + ": reproducer.json, repro.sql, outputs/"
                + String.join(".txt, outputs/", r.engines().stream()
                .map(e -> SqlReproducerWriter.fileName(e.name())).toList()) + ".txt"
                + (r.databases().isEmpty() ? "" : ", databases/ (each engine's file: loupe diff compares them)"));
    }

    private Oracle parseOracle() {
        try {
            return Oracle.parse(oracle);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
    }

    private List<Engine> engines() {
        if (engineNames.size() != 2) {
            throw new UserError(ExitCode.USAGE, "--engines takes two engines, e.g. sqlite,turso (got "
                    + engineNames.size() + ")");
        }
        Engines all = Engines.fromEnvironment();
        List<Engine> list = new ArrayList<>();
        for (String name : engineNames) {
            try {
                Engine e = all.named(name.strip());
                if (!e.available()) {
                    throw new UserError(ExitCode.USAGE, "engine " + e.name() + " is not available here ("
                            + e.version() + "); see 'loupe engines'");
                }
                list.add(e);
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCode.USAGE, e.getMessage());
            }
        }
        return list;
    }

    private Script readScript() {
        try {
            Script s = Script.parse(Files.readString(script, StandardCharsets.UTF_8));
            if (s.size() == 0) {
                throw new UserError(ExitCode.USAGE, script + " has no SQL statements");
            }
            return s;
        } catch (IOException e) {
            throw new UserError(ExitCode.UNREADABLE, "cannot read " + script + ": "
                    + (Files.exists(script) ? e.getMessage() : "no such file"));
        }
    }

    /** 120s, 2m, 1h, 500ms or a bare number of seconds. */
    static Duration parseBudget(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, "bad --budget '" + text + "': use e.g. 120s, 2m or 90");
        }
    }
}
