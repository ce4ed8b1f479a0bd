package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.Engines;
import dev.loupe.repro.engine.TursoInstall;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "engines", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the SQL engines Loupe can run scripts on (for repro and compatibility work), with their"
                + " versions: sqlite (SQLite in-process), sqlite3 (the shell on PATH), turso (Turso's npm package,"
                + " installed with 'loupe engines install turso'), cmd:TEMPLATE (any program).",
        subcommands = EnginesCommand.Install.class,
        footer = {"", "Examples:", "  loupe engines", "  loupe engines --format json",
                "  loupe engines install turso",
                "", "Engines are installed in $LOUPE_ENGINES_DIR (default ~/.cache/loupe/engines).",
                "", "Exit codes: 0 ok, 1 an install failed, 2 usage error."})
final class EnginesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // No --wal: this command reads no database file.
    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        Engines engines = Engines.fromEnvironment();
        if (json) {
            ObjectNode root = JsonValues.NODES.objectNode();
            root.put("enginesDir", engines.home().dir().toString());
            ArrayNode list = root.putArray("engines");
            for (Engine e : engines.builtIn()) {
                list.addObject().put("name", e.name()).put("available", e.available()).put("version", e.version())
                        .put("kind", kind(e.name()));
            }
            list.addObject().put("name", "cmd:TEMPLATE").put("available", true).putNull("version")
                    .put("kind", kind("cmd:"));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            out.printf("%-14s %-9s %-30s %s%n", "ENGINE", "AVAILABLE", "VERSION", "WHAT");
            for (Engine e : engines.builtIn()) {
                out.printf("%-14s %-9s %-30s %s%n", e.name(), e.available() ? "yes" : "no", e.version(),
                        kind(e.name()));
            }
            out.printf("%-14s %-9s %-30s %s%n", "cmd:TEMPLATE", "yes", "-", kind("cmd:"));
            out.println();
            out.println("Engines folder: " + engines.home().dir());
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String kind(String name) {
        return switch (name) {
            case "sqlite" -> "SQLite in-process (sqlite-jdbc): the reference";
            case "sqlite3" -> "the sqlite3 shell on PATH";
            case "turso" -> "Turso, npm @tursodatabase/database " + TursoInstall.PINNED_VERSION;
            default -> "any program: SQL on stdin, {db} = database path";
        };
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install an engine into the engines folder: turso runs 'npm install' of the pinned"
                    + " @tursodatabase/database (needs Node.js and npm, and the network on first install)."
                    + " Does nothing when it is already installed.",
            footer = {"", "Examples:", "  loupe engines install turso",
                    "  LOUPE_ENGINES_DIR=.loupe/engines loupe engines install turso",
                    "", "Exit codes: 0 installed (or already there), 1 the install failed, 2 usage error."})
    static final class Install implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ENGINE", description = "The engine to install: turso.")
        String engine;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() throws IOException {
            boolean json = format.json();
            if (!engine.equals("turso")) {
                throw new UserError(ExitCode.USAGE, "only turso is installed this way ('" + engine
                        + "' needs no install or is unknown)");
            }
            Engines engines = Engines.fromEnvironment();
            TursoInstall install = new TursoInstall(engines.home().turso());
            TursoInstall.Result r = install.install(Duration.ofMinutes(10));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = JsonValues.NODES.objectNode();
                root.put("engine", engine).put("ok", r.ok()).put("alreadyInstalled", r.alreadyInstalled())
                        .put("dir", engines.home().turso().toString()).put("message", r.message());
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            } else if (r.ok()) {
                out.println(r.message());
            } else {
                spec.commandLine().getErr().println("loupe: " + r.message());
            }
            out.flush();
            return r.ok() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }
}
