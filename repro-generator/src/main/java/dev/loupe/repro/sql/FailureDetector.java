package dev.loupe.repro.sql;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.format.Database;
import dev.loupe.repro.diff.DiffOptions;
import dev.loupe.repro.diff.DiffText;
import dev.loupe.repro.diff.Difference;
import dev.loupe.repro.diff.FileDiff;
import dev.loupe.repro.diff.FileDiffer;
import dev.loupe.repro.engine.Abort;
import dev.loupe.repro.engine.CommandEngine;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.ErrorClass;
import dev.loupe.repro.engine.Limits;
import dev.loupe.repro.engine.Outcome;
import dev.loupe.repro.engine.RunResult;
import dev.loupe.repro.engine.Value;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a script on the engines (each on a fresh database, or on its own copy of a given one) and says which
 * failure, if any, the oracle sees: the first statement whose outcomes differ (diff), the first statement that
 * fails on one engine only (error), the first engine whose run stops (crash), the finding in the file the first
 * engine leaves (check:CODE), or an incompatible difference between the files both engines leave (filediff, by
 * {@link FileDiffer}, each file read with its WAL applied). Safe to use from several threads at once: every run has
 * its own scratch folder.
 *
 * <p>A {@code cmd:} program that does not speak the runner protocol reports its whole run as one result (stdout,
 * stderr, exit status); it is a "whole-run" engine: exit 1 counts as an error of the run, and its failures have no
 * statement index.
 */
public final class FailureDetector {

    /** The statement class of a failure that belongs to a whole run or to the file, not to one statement. */
    public static final String WHOLE_SCRIPT = "SCRIPT";

    /** Differences a filediff failure keeps in its list (all are counted). */
    static final int FILEDIFF_LISTED = 50;
    /** Largest database image {@link #images} returns; a bigger one is left out. */
    static final long MAX_IMAGE_BYTES = 64L << 20;

    private final List<Engine> engines;
    private final Oracle oracle;
    private final Path database;
    private final Limits limits;
    private final boolean[] wholeRun;

    /**
     * @param database a database each run starts from (copied first), or null for a fresh one
     * @param wholeRun per engine, whether it reports whole runs (see {@link #wholeRunEngines})
     */
    public FailureDetector(List<Engine> engines, Oracle oracle, Path database, Limits limits, boolean[] wholeRun) {
        if (engines.size() != 2) {
            throw new IllegalArgumentException("repro sql compares two engines, got " + engines.size());
        }
        this.engines = List.copyOf(engines);
        this.oracle = oracle;
        this.database = database;
        this.limits = limits;
        this.wholeRun = wholeRun.clone();
        if (oracle.kind() == Oracle.Kind.DIFF && (wholeRun[0] || wholeRun[1])) {
            throw new IllegalArgumentException("the diff oracle needs per-statement results; a cmd: engine gives"
                    + " them only when it speaks the runner protocol (use --oracle error or crash)");
        }
    }

    /** Which engines report a whole run as one result, judged from their runs of a script of 2+ statements. */
    public static boolean[] wholeRunEngines(List<Engine> engines, List<RunResult> runs, Script script) {
        boolean[] w = new boolean[engines.size()];
        for (int i = 0; i < w.length; i++) {
            List<Outcome> o = runs.get(i).outcomes();
            w[i] = engines.get(i) instanceof CommandEngine && o.size() == 1 && (script.size() > 1
                    || o.get(0) instanceof Outcome.Rows r && r.columns().equals(List.of("stdout", "stderr", "exit")));
        }
        return w;
    }

    public List<Engine> engines() {
        return engines;
    }

    public Oracle oracle() {
        return oracle;
    }

    /** Runs {@code script} on both engines (only the first for check:CODE) in this thread. */
    public List<RunResult> run(Script script) {
        List<RunResult> runs = new ArrayList<>();
        int n = oracle.kind() == Oracle.Kind.CHECK ? 1 : engines.size();
        for (int i = 0; i < n; i++) {
            runs.add(runOne(engines.get(i), script, null));
        }
        return runs;
    }

    /** Runs {@code script} on every engine, whatever the oracle, in this thread. */
    public List<RunResult> runAll(Script script) {
        List<RunResult> runs = new ArrayList<>();
        for (Engine e : engines) {
            runs.add(runOne(e, script, null));
        }
        return runs;
    }

    /** The failure {@code script} shows, if any. */
    public Optional<Failure> detect(Script script) {
        if (oracle.kind() == Oracle.Kind.CHECK) {
            return check(script);
        }
        if (oracle.kind() == Oracle.Kind.FILEDIFF) {
            return filediff(script);
        }
        return detect(script, run(script));
    }

    /** The failure shown by runs already made (check:CODE and filediff run again: they need the files). */
    public Optional<Failure> detect(Script script, List<RunResult> runs) {
        return switch (oracle.kind()) {
            case DIFF -> diff(script, runs);
            case ERROR -> error(script, runs);
            case CRASH -> crash(script, runs);
            case CHECK -> check(script);
            case FILEDIFF -> filediff(script);
        };
    }

    private RunResult runOne(Engine engine, Script script, Path[] keep) {
        Path scratch = null;
        try {
            Path db = null;
            if (database != null || keep != null) {
                scratch = Files.createTempDirectory("loupe-repro");
                db = scratch.resolve("run.db");
                if (database != null) {
                    Files.copy(database, db, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            RunResult r = engine.run(script, db, limits);
            if (keep != null) {
                keep[0] = db;
                scratch = null;
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(scratch);
        }
    }

    private Optional<Failure> diff(Script script, List<RunResult> runs) {
        RunResult a = runs.get(0);
        RunResult b = runs.get(1);
        int i = a.firstDifference(b);
        if (i < 0) {
            return Optional.empty();
        }
        Outcome oa = at(a, i);
        Outcome ob = at(b, i);
        String signature = difference(oa, ob);
        return Optional.of(failure(script, i, signature, "results differ (" + signature + ")", runs, oa, ob, null));
    }

    /** Which part of two outcomes differs, in terms stable under reduction: columns, row count, value types... */
    static String difference(Outcome a, Outcome b) {
        if (a instanceof Outcome.Rows ra && b instanceof Outcome.Rows rb) {
            if (!ra.columns().equals(rb.columns()) && !ra.rows().isEmpty() && !rb.rows().isEmpty()) {
                return ra.rows().equals(rb.rows()) ? "column names" : "column names and values";
            }
            if (ra.rows().size() != rb.rows().size()) {
                return "row count";
            }
            for (int r = 0; r < ra.rows().size(); r++) {
                List<Value> x = ra.rows().get(r);
                List<Value> y = rb.rows().get(r);
                if (x.size() != y.size()) {
                    return "column count";
                }
                for (int c = 0; c < x.size(); c++) {
                    if (!x.get(c).equals(y.get(c))) {
                        return "value " + x.get(c).typeName() + "/" + y.get(c).typeName();
                    }
                }
            }
            return "rows";
        }
        return kind(a) + "/" + kind(b);
    }

    private static String kind(Outcome o) {
        if (o == null) {
            return "none";
        }
        if (o instanceof Outcome.Rows) {
            return "rows";
        }
        if (o instanceof Outcome.Error e) {
            return "error " + e.errorClass();
        }
        return ((Outcome.Aborted) o).abort().kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private Optional<Failure> error(Script script, List<RunResult> runs) {
        List<Outcome> a = normal(0, runs.get(0));
        List<Outcome> b = normal(1, runs.get(1));
        if (wholeRun[0] || wholeRun[1]) {
            ErrorClass ea = firstError(a);
            ErrorClass eb = firstError(b);
            if ((ea == null) == (eb == null)) {
                return Optional.empty();
            }
            Integer index = null;
            List<Outcome> erring = ea != null ? a : b;
            boolean perStatement = ea != null ? !wholeRun[0] : !wholeRun[1];
            if (perStatement) {
                for (int i = 0; i < erring.size(); i++) {
                    if (erring.get(i) instanceof Outcome.Error) {
                        index = i;
                        break;
                    }
                }
            }
            String signature = (ea == null ? "ok" : "error " + ea) + "/" + (eb == null ? "ok" : "error " + eb);
            Outcome oa = index != null && !wholeRun[0] ? at(runs.get(0), index) : a.get(a.size() - 1);
            Outcome ob = index != null && !wholeRun[1] ? at(runs.get(1), index) : b.get(b.size() - 1);
            return Optional.of(failure(script, index, signature, "only one engine fails (" + signature + ")", runs,
                    oa, ob, null));
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Outcome oa = a.get(i);
            Outcome ob = b.get(i);
            if (oa instanceof Outcome.Aborted || ob instanceof Outcome.Aborted) {
                break;
            }
            if ((oa instanceof Outcome.Error) != (ob instanceof Outcome.Error)) {
                String signature = kind(oa).replace("rows", "ok") + "/" + kind(ob).replace("rows", "ok");
                return Optional.of(failure(script, i, signature, "only one engine fails (" + signature + ")", runs,
                        oa, ob, null));
            }
        }
        return Optional.empty();
    }

    private static ErrorClass firstError(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Error e) {
                return e.errorClass();
            }
        }
        return null;
    }

    /** A whole-run engine's result as an outcome list of one: exit 1 is an error, exit 0 success. */
    private List<Outcome> normal(int engine, RunResult r) {
        if (!wholeRun[engine] || r.outcomes().isEmpty() || !(r.outcomes().get(0) instanceof Outcome.Rows rows)
                || rows.rows().isEmpty()) {
            return r.outcomes();
        }
        List<Value> row = rows.rows().get(0);
        boolean failed = row.size() == 3 && row.get(2).equals(new Value.Int(1));
        if (!failed) {
            return List.of(Outcome.Rows.NONE);
        }
        String stderr = row.get(1) instanceof Value.Text t ? t.value() : "";
        return List.of(new Outcome.Error(ErrorClass.fromMessage(stderr), stderr.strip(), -1));
    }

    private Optional<Failure> crash(Script script, List<RunResult> runs) {
        for (int e = 0; e < runs.size(); e++) {
            Optional<Abort> abort = runs.get(e).abort();
            if (abort.isEmpty() || abort.get().kind() == Abort.Kind.UNAVAILABLE) {
                continue;
            }
            RunResult r = runs.get(e);
            Integer index = wholeRun[e] ? null : r.outcomes().size() - 1;
            Abort a = abort.get();
            String how = a.kind() != Abort.Kind.CRASH ? "" : a.signal() > 0 ? " signal " + a.signal()
                    : a.exitCode() >= 0 ? " exit " + a.exitCode() : "";
            String signature = engines.get(e).name() + " " + a.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + how;
            Outcome oa = index == null ? last(runs.get(0)) : at(runs.get(0), index);
            Outcome ob = index == null ? last(runs.get(1)) : at(runs.get(1), index);
            return Optional.of(failure(script, index, signature, signature + ": "
                    + OutcomeText.oneLine(abort.get().detail()), runs, oa, ob, null));
        }
        return Optional.empty();
    }

    private Optional<Failure> check(Script script) {
        Path[] keep = new Path[1];
        RunResult r = runOne(engines.get(0), script, keep);
        try {
            if (keep[0] == null || !Files.exists(keep[0])) {
                return Optional.empty();
            }
            byte[] image = Files.readAllBytes(keep[0]);
            if (image.length == 0) {
                return Optional.empty();
            }
            CheckReport report = Checker.standard(CheckOptions.defaults().withThreads(1))
                    .check(Database.fromImage(image, "repro.db"));
            for (Finding f : report.findings()) {
                if (f.code().code().equals(oracle.code())) {
                    String signature = f.code().code() + (f.object() == null ? "" : " in "
                            + (f.object().startsWith("sqlite_") ? f.object() : "a table or index"));
                    return Optional.of(new Failure(oracle.failureClass(), null, WHOLE_SCRIPT, signature,
                            f.code().code() + ": " + OutcomeText.oneLine(f.message()), Map.of(engines.get(0).name(),
                            last(r)), List.of(r), f));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            if (keep[0] != null) {
                delete(keep[0].getParent());
            }
        }
    }

    private Optional<Failure> filediff(Script script) {
        Path[] keepA = new Path[1];
        Path[] keepB = new Path[1];
        try {
            RunResult ra = runOne(engines.get(0), script, keepA);
            RunResult rb = runOne(engines.get(1), script, keepB);
            FileDiff d = diffFiles(keepA[0], keepB[0]).withNames(engines.get(0).name(), engines.get(1).name());
            Optional<Difference> first = d.firstIncompatibleDifference();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            outcomes.put(engines.get(0).name(), last(ra));
            outcomes.put(engines.get(1).name(), last(rb));
            // the first difference only: the summary becomes the issue title; the counts are in the diff itself
            String summary = DiffText.oneLine(first.get());
            return Optional.of(new Failure(oracle.failureClass(), null, WHOLE_SCRIPT, first.get().signature(),
                    OutcomeText.oneLine(summary), outcomes, List.of(ra, rb), null, d));
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            for (Path[] keep : List.of(keepA, keepB)) {
                if (keep[0] != null) {
                    delete(keep[0].getParent());
                }
            }
        }
    }

    /** Diffs two files an engine left (a missing one is an empty database: the engine wrote nothing). */
    private static FileDiff diffFiles(Path a, Path b) throws IOException {
        for (Path p : List.of(a, b)) {
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
        }
        try (Database da = Database.open(a); Database db = Database.open(b)) {
            return new FileDiffer(DiffOptions.defaults().withCheckThreads(1).withMaxListed(FILEDIFF_LISTED))
                    .diff(da, db);
        }
    }

    /**
     * Runs {@code script} on every engine and returns the database each leaves, as SQLite would read it (its WAL
     * applied, pages concatenated); an empty array for an engine that wrote no file or one over
     * {@link #MAX_IMAGE_BYTES}.
     */
    public List<byte[]> images(Script script) {
        List<byte[]> out = new ArrayList<>();
        for (Engine e : engines) {
            Path[] keep = new Path[1];
            try {
                runOne(e, script, keep);
                out.add(image(keep[0]));
            } catch (IOException | UncheckedIOException ex) {
                out.add(new byte[0]);
            } finally {
                if (keep[0] != null) {
                    delete(keep[0].getParent());
                }
            }
        }
        return out;
    }

    private static byte[] image(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return new byte[0];
        }
        try (Database db = Database.open(file)) {
            if (db.pageCount() * (long) db.pageSize() > MAX_IMAGE_BYTES) {
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long p = 1; p <= db.pageCount(); p++) {
                byte[] page = db.pages().read(p);
                out.writeBytes(page == null ? new byte[db.pageSize()] : page);
            }
            return out.toByteArray();
        }
    }

    private Failure failure(Script script, Integer index, String signature, String what, List<RunResult> runs,
                            Outcome a, Outcome b, Finding finding) {
        String cls = index == null ? WHOLE_SCRIPT : StatementClass.of(script.statements().get(index).sql());
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put(engines.get(0).name(), a);
        outcomes.put(engines.get(1).name(), b);
        String where = index == null ? "the script" : "statement " + index + " (" + cls + ")";
        String summary = where + ": " + what + ": " + engines.get(0).name() + " gives " + OutcomeText.brief(a)
                + "; " + engines.get(1).name() + " gives " + OutcomeText.brief(b);
        return new Failure(oracle.failureClass(), index, cls, signature, OutcomeText.oneLine(summary), outcomes,
                runs, finding);
    }

    private static Outcome at(RunResult r, int i) {
        return i < r.outcomes().size() ? r.outcomes().get(i) : null;
    }

    private static Outcome last(RunResult r) {
        return r.outcomes().isEmpty() ? null : r.outcomes().get(r.outcomes().size() - 1);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover scratch file is harmless
        }
    }
}
