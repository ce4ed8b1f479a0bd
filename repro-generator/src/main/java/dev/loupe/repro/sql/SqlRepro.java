package dev.loupe.repro.sql;

import dev.loupe.repro.engine.Abort;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.Limits;
import dev.loupe.repro.engine.RunResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole of {@code repro sql}: run the script on both engines, find the failure the oracle sees, reduce, and run
 * the reduced script on both engines again for the outputs. The first engine is the reference.
 */
public final class SqlRepro {

    /**
     * What came out: the reduction, each engine's run of the reduced script, the oracle used, and for the filediff
     * oracle the database each engine leaves after the reduced script (WAL applied; empty when none), else an empty
     * list.
     */
    public record Report(SqlReducer.Result result, List<RunResult> reducedRuns, Oracle oracle, List<Engine> engines,
                         List<byte[]> databases) {

        public Report {
            databases = List.copyOf(databases);
        }

        public Report(SqlReducer.Result result, List<RunResult> reducedRuns, Oracle oracle, List<Engine> engines) {
            this(result, reducedRuns, oracle, engines, List.of());
        }
    }

    /** An engine that could not run at all (not installed, program missing), with its own words. */
    public static final class EngineUnavailable extends Exception {
        public EngineUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    private SqlRepro() {
    }

    /**
     * @param database    a database every run starts from (a copy of it), or null for a fresh one
     * @param parallelism candidates run at the same time
     * @return empty when the script shows no failure of that kind
     */
    public static Optional<Report> run(Script script, List<Engine> engines, Oracle oracle, Path database,
                                       Duration budget, int parallelism, Consumer<SqlReducer.Progress> progress)
            throws EngineUnavailable {
        Limits limits = Limits.defaults().withTimeout(min(Duration.ofSeconds(30), budget));
        // the crash oracle accepts any engines: this one only runs them
        FailureDetector runner = new FailureDetector(engines, Oracle.parse("crash"), database, limits,
                new boolean[engines.size()]);
        List<RunResult> first = runner.runAll(script);
        for (RunResult r : first) {
            Optional<Abort> a = r.abort();
            if (a.isPresent() && a.get().kind() == Abort.Kind.UNAVAILABLE) {
                throw new EngineUnavailable(r.engine() + ": " + a.get().detail());
            }
        }
        boolean[] wholeRun = FailureDetector.wholeRunEngines(engines, first, script);
        FailureDetector detector = new FailureDetector(engines, oracle, database, limits, wholeRun);
        Optional<Failure> failure = oracle.needsFiles() ? detector.detect(script) : detector.detect(script, first);
        if (failure.isEmpty()) {
            return Optional.empty();
        }
        SqlReducer.Result result = new SqlReducer(detector, budget, parallelism, progress).reduce(script,
                failure.get());
        List<byte[]> databases = oracle.kind() == Oracle.Kind.FILEDIFF ? detector.images(result.reduced()) : List.of();
        return Optional.of(new Report(result, runner.runAll(result.reduced()), oracle, engines, databases));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
