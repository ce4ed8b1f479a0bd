package dev.loupe.repro.sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Shrinks a script while it shows the same kind of failure ({@link Failure#sameKindAs}): first it cuts everything
 * after the failing statement (those cannot matter for a statement's outcome), then delta debugging over statements
 * (ddmin: drop chunks, halving the chunk size when none can go), then simpler variants inside each statement
 * ({@link StatementShrinker}), and again until nothing shrinks or the time budget is spent (the best script so far
 * is kept).
 *
 * <p>Deterministic: candidates are tried in a fixed order, in batches of {@code parallelism} run at the same time,
 * and of a batch the first passing candidate in that order wins, whatever finishes first. Only the budget can make
 * two runs differ (a run cut short keeps a bigger script).
 */
public final class SqlReducer {

    /** A progress report: the phase, candidates tried, the current size and the time spent. */
    public record Progress(String phase, int steps, int statements, int bytes, long millis) {
    }

    /** The reduced script and its failure, with the work it took. */
    public record Result(Script original, Failure originalFailure, Script reduced, Failure failure, int steps,
                         long millis, boolean budgetSpent) {
    }

    private final FailureDetector detector;
    private final Duration budget;
    private final int parallelism;
    private final Consumer<Progress> progress;

    private long start;
    private long deadline;
    private int steps;
    private Failure target;
    private Failure best;
    private boolean spent;
    private String phase = "start";

    public SqlReducer(FailureDetector detector, Duration budget, int parallelism, Consumer<Progress> progress) {
        this.detector = detector;
        this.budget = budget;
        this.parallelism = Math.max(1, parallelism);
        this.progress = progress;
    }

    /**
     * Reduces {@code script}, whose failure is {@code failure} (as {@link FailureDetector#detect} found it).
     */
    public Result reduce(Script script, Failure failure) {
        start = System.nanoTime();
        deadline = start + budget.toNanos();
        steps = 0;
        target = failure;
        best = failure;
        spent = false;
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "loupe-repro-sql");
            t.setDaemon(true);
            return t;
        });
        try {
            Script current = truncate(script, failure, pool);
            boolean changed = true;
            while (changed && !spent) {
                Script before = current;
                current = ddmin(current, pool);
                current = inside(current, pool);
                changed = !current.sqls().equals(before.sqls());
            }
            report(current);
            return new Result(script, failure, current, best, steps, (System.nanoTime() - start) / 1_000_000,
                    spent);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The statements up to the failing one, when the failure is at a statement. */
    private Script truncate(Script script, Failure failure, ExecutorService pool) {
        phase = "truncate";
        Integer i = failure.statementIndex();
        if (i == null || i + 1 >= script.size()) {
            return script;
        }
        Script cut = Script.of(script.sqls().subList(0, i + 1));
        return firstPassing(List.of(cut), pool).orElse(script);
    }

    /** Delta debugging over whole statements: try dropping each of n chunks; on success keep going, else n *= 2. */
    private Script ddmin(Script script, ExecutorService pool) {
        phase = "statements";
        List<String> cur = script.sqls();
        int n = 2;
        while (cur.size() >= 2 && !spent) {
            report(Script.of(cur));
            n = Math.min(n, cur.size());
            List<Script> candidates = new ArrayList<>();
            int size = cur.size();
            for (int k = 0; k < n; k++) {
                int from = k * size / n;
                int to = (k + 1) * size / n;
                List<String> c = new ArrayList<>(cur.subList(0, from));
                c.addAll(cur.subList(to, size));
                if (!c.isEmpty()) {
                    candidates.add(Script.of(c));
                }
            }
            Optional<Script> pass = firstPassing(candidates, pool);
            if (pass.isPresent()) {
                cur = pass.get().sqls();
                n = Math.max(n - 1, 2);
            } else if (n >= size) {
                break;
            } else {
                n = Math.min(size, n * 2);
            }
        }
        return Script.of(cur);
    }

    /** Simpler variants of each statement, last statement first, each taken as long as one passes. */
    private Script inside(Script script, ExecutorService pool) {
        phase = "inside statements";
        List<String> cur = new ArrayList<>(script.sqls());
        for (int s = cur.size() - 1; s >= 0 && !spent; s--) {
            boolean shrunk = true;
            while (shrunk && !spent) {
                report(Script.of(cur));
                List<Script> candidates = new ArrayList<>();
                for (String v : StatementShrinker.variants(cur.get(s))) {
                    if (v.length() < cur.get(s).length() || v.length() == cur.get(s).length()
                            && v.compareTo(cur.get(s)) < 0) {
                        List<String> c = new ArrayList<>(cur);
                        c.set(s, v);
                        candidates.add(Script.of(c));
                    }
                }
                Optional<Script> pass = firstPassing(candidates, pool);
                shrunk = pass.isPresent();
                if (shrunk) {
                    cur = new ArrayList<>(pass.get().sqls());
                }
            }
        }
        return Script.of(cur);
    }

    /** Runs candidates in batches; the first (in list order) of the first batch with a passing one wins. */
    private Optional<Script> firstPassing(List<Script> candidates, ExecutorService pool) {
        for (int b = 0; b < candidates.size() && !spent; b += parallelism) {
            if (System.nanoTime() > deadline) {
                spent = true;
                break;
            }
            List<Script> batch = candidates.subList(b, Math.min(candidates.size(), b + parallelism));
            List<Future<Optional<Failure>>> futures = new ArrayList<>();
            for (Script c : batch) {
                futures.add(pool.submit(() -> detector.detect(c)));
            }
            Optional<Script> winner = Optional.empty();
            for (int i = 0; i < futures.size(); i++) {
                Optional<Failure> f = await(futures.get(i));
                steps++;
                if (winner.isEmpty() && f.isPresent() && f.get().sameKindAs(target)) {
                    winner = Optional.of(batch.get(i));
                    best = f.get();
                }
            }
            if (winner.isPresent()) {
                return winner;
            }
        }
        return Optional.empty();
    }

    private static Optional<Failure> await(Future<Optional<Failure>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            // a candidate the detector cannot even run (scratch folder trouble) does not pass
            return Optional.empty();
        }
    }

    private void report(Script s) {
        if (progress != null) {
            progress.accept(new Progress(phase, steps, s.size(), s.text().length(),
                    (System.nanoTime() - start) / 1_000_000));
        }
    }
}
