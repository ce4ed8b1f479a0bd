package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Turso through its npm package @tursodatabase/database, driven by Loupe's Node runner (turso-runner.mjs) in the
 * folder {@link TursoInstall} fills. One node process per run, with the run's time and output limits.
 */
public final class TursoEngine implements Engine {

    public static final String NAME = "turso";

    private final Path dir;
    private final String node;
    private volatile String version;

    public TursoEngine(Path dir) {
        this(dir, "node");
    }

    public TursoEngine(Path dir, String node) {
        this.dir = dir;
        this.node = node;
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
        if (!new TursoInstall(dir).installed()) {
            return "not installed (loupe engines install turso)";
        }
        ProcessRun r = ProcessRun.run(List.of(node, runner(), "--version"), new byte[0],
                new Limits(Duration.ofSeconds(30), 1 << 16), dir, Map.of());
        String out = new String(r.stdout(), StandardCharsets.UTF_8).strip();
        return r.exitCode() == 0 && RunnerProtocol.speaks(r.stdout()) ? RunnerProtocol.version(out) : "unavailable";
    }

    @Override
    public boolean available() {
        return new TursoInstall(dir).installed() && !version().equals("unavailable");
    }

    @Override
    public RunResult run(Script script, Path database, Limits limits) {
        TursoInstall install = new TursoInstall(dir);
        if (!install.installed()) {
            return new RunResult(NAME, version(), List.of(new Outcome.Aborted(Abort.of(Abort.Kind.UNAVAILABLE,
                    "Turso is not installed in " + dir + ": run 'loupe engines install turso'"))));
        }
        ProcessRun r = ProcessRun.run(List.of(node, runner()), RunnerProtocol.input(script, database), limits, dir,
                Map.of());
        return new RunResult(NAME, version(), RunnerProtocol.outcomes(script, r.stdout(), () -> {
            Abort limit = r.limitAbort(limits);
            return limit != null ? limit : r.crash("the Turso runner stopped");
        }));
    }

    private String runner() {
        try {
            new TursoInstall(dir).writeRunner();
        } catch (IOException e) {
            // an unwritable folder keeps the runner it has; a missing one makes the run a crash with node's message
        }
        return dir.resolve(TursoInstall.RUNNER).toAbsolutePath().toString();
    }
}
