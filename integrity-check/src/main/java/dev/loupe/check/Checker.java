package dev.loupe.check;

import dev.loupe.check.index.IndexChecks;
import dev.loupe.check.structure.LeafSummaries;
import dev.loupe.check.structure.SqliteRootOrder;
import dev.loupe.check.structure.StructureCheck;
import dev.loupe.check.structure.TreeRoot;
import dev.loupe.check.values.ValueChecks;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.Problem;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.Progress;
import dev.loupe.format.Span;
import dev.loupe.format.SchemaSnapshot;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Checks one database file: the header and file size, the schema, every b-tree level check of PRAGMA
 * integrity_check (in SQLite's order, with SQLite's messages), then, unless quick, a record-level pass over every
 * tree (in parallel, one task per tree) feeding the row-level check modules, and finally the WAL. Findings come
 * out in a fixed order whatever the number of threads. In a deep check the b-tree level checks run after the
 * record-level pass and take the leaf pages it found sound from its {@link LeafSummaries} instead of reading them
 * again (the findings are those of a b-tree pass that reads every page).
 */
public final class Checker {

    private final CheckOptions options;
    private final List<CheckModule> modules;
    /** Whether sound records are read in place (see {@link DeepWalk}); off only to test that it changes nothing. */
    private final boolean fastLane;
    /**
     * Whether the record pass summarises the sound leaf pages it reads so that the structural pass, run after it,
     * need not read them again (see {@link LeafSummaries}); off only to test that it changes nothing.
     */
    private final boolean leafSummaries;

    /** A checker with every check Loupe has: values and constraints, then index consistency. */
    public static Checker standard(CheckOptions options) {
        return new Checker(options, List.of(new ValueChecks(), new IndexChecks()));
    }

    /** A checker with the given modules (row values, index consistency...) for the deep pass. */
    public Checker(CheckOptions options, List<CheckModule> modules) {
        this(options, modules, true, true);
    }

    private Checker(CheckOptions options, List<CheckModule> modules, boolean fastLane, boolean leafSummaries) {
        this.options = options;
        this.modules = List.copyOf(modules);
        this.fastLane = fastLane;
        this.leafSummaries = leafSummaries;
    }

    /**
     * The same checker with every record decoded into values (no {@link dev.loupe.format.record.RecordView} fast
     * lane): slower, and bound to report exactly the same findings; for the test that holds the fast lane to that.
     */
    Checker slowLaneOnly() {
        return new Checker(options, modules, false, leafSummaries);
    }

    /**
     * The same checker with a structural pass that reads every page itself (no {@link LeafSummaries}), beside the
     * record pass instead of after it: bound to report exactly the same findings; for the test that holds the
     * summaries to that.
     */
    Checker withoutLeafSummaries() {
        return new Checker(options, modules, fastLane, false);
    }

    public CheckOptions options() {
        return options;
    }

    /**
     * Opens and checks {@code file}. A file that cannot be opened at all gives an UNREADABLE report with one
     * FILE_UNREADABLE finding; a damaged file gives findings, never an exception. Throws only when interrupted.
     */
    public CheckReport check(Path file, OpenOptions open) throws InterruptedIOException {
        long start = System.nanoTime();
        Database db;
        try {
            db = Database.open(file, open);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Finding f = Finding.of(FindingCode.FILE_UNREADABLE, "cannot open " + file + ": " + why).build();
            return new CheckReport(file.toString(), Verdict.UNREADABLE, List.of(f), 0,
                    new CheckStats(0, 0, 0, 0, (System.nanoTime() - start) / 1_000_000));
        }
        try (db) {
            return check(db, Progress.NONE);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            Finding f = Finding.of(FindingCode.FILE_UNREADABLE, "reading " + file + " failed: " + e.getMessage())
                    .build();
            return new CheckReport(file.toString(), Verdict.UNREADABLE, List.of(f), 0,
                    new CheckStats(0, 0, 0, 0, (System.nanoTime() - start) / 1_000_000));
        }
    }

    /** Checks an open database (its WAL, if any, already applied as the caller chose). */
    public CheckReport check(Database db) throws IOException {
        return check(db, Progress.NONE);
    }

    /**
     * As {@link #check(Database)}, telling {@code progress} how far it is, in pages: the structural pass visits every
     * page once, the deep pass (unless quick) every b-tree page, but the structural pass does not read again the
     * leaves the deep pass summarised; the total grows when the exact pass scans a table and an index again.
     * {@code progress} may be called from several threads.
     */
    public CheckReport check(Database db, Progress progress) throws IOException {
        return check(db, progress, null);
    }

    /**
     * As {@link #check(Database, Progress)}, reusing what {@code cache} kept from the check of an earlier state of
     * the same database: the walks of trees none of whose pages were written since (as the caller reported to the
     * cache) and the record-level findings of tables none of whose trees was walked again and whose definition is
     * the same. The report is the one a check without a cache gives. The passes then run one after the other.
     */
    public CheckReport check(Database db, Progress progress, CheckCache cache) throws IOException {
        long start = System.nanoTime();
        int limit = options.maxFindings();
        List<FindingSink> parts = new ArrayList<>();

        FindingSink file = new FindingSink(limit);
        parts.add(file);
        boolean notDatabase = false;
        WalFile wal = db.wal().orElse(null);
        for (Problem p : db.problems()) {
            Finding f = ProblemFindings.fileLevel(p, wal);
            if (f != null) {
                file.add(f);
                notDatabase |= f.code() == FindingCode.NOT_A_DATABASE;
            }
        }
        fileFacts(db, file);
        String refusedAtOpen = SqliteRefusal.atOpen(db.problems());
        long pageCount = db.pageCount();
        if (notDatabase || pageCount == 0) {
            if (pageCount == 0 && !notDatabase) {
                file.add(Finding.of(FindingCode.FILE_TRUNCATED, "the file is empty or shorter than one page")
                        .at(Span.inFile(0, (int) Math.min(Integer.MAX_VALUE, db.fileSize()))));
            }
            return report(db, parts, new CheckStats(pageCount, 0, 0, 0, millisSince(start)));
        }

        FindingSink schemaSink = new FindingSink(limit);
        parts.add(schemaSink);
        SchemaSnapshot snapshot = db.schemaSnapshot();
        for (Problem p : snapshot.problems()) {
            schemaSink.add(Finding.of(SchemaFindings.code(p), p.message()).object("sqlite_schema").at(p.span()));
        }
        List<Finding> badRoots = SchemaFindings.rootsBeyondFile(snapshot.schema(), pageCount);
        badRoots.forEach(schemaSink::add);
        List<Finding> badExpressions = SchemaFindings.expressionSyntax(snapshot);
        badExpressions.forEach(schemaSink::add);
        boolean refused = refusedAtOpen != null || SchemaFindings.sqliteRefuses(snapshot.problems())
                || !badRoots.isEmpty() || !badExpressions.isEmpty();
        if (refusedAtOpen != null) {
            file.add(Finding.of(FindingCode.HEADER_FIELD_INVALID, "SQLite refuses to open this file (\""
                    + refusedAtOpen + "\") because of the header problems above; Loupe reads on as far as it can")
                    .severity(Severity.INFO).page(1));
        } else if (refused) {
            schemaSink.add(Finding.of(FindingCode.SCHEMA_UNREADABLE, "SQLite cannot load this schema, so it refuses"
                    + " every statement on the file (\"database disk image is malformed\" or \"malformed database"
                    + " schema\"); the findings above say why").object("sqlite_schema").page(1));
        }
        Schema schema = snapshot.schema();
        List<TreeRoot> roots = roots(schema, schemaSink);
        SqliteRootOrder order = SqliteRootOrder.of(snapshot.entries(), schema);

        int structureSlot = parts.size();
        parts.add(new FindingSink(limit));
        DatabaseHeader h = db.header();
        // the record pass summarises the sound leaves it reads, and the structural pass after it reads them no more
        // (the fast lane's walk is the one that summarises; the heap must have room for the summaries)
        LeafSummaries leaves = !options.quick() && cache == null && leafSummaries && fastLane
                ? LeafSummaries.forPages(pageCount, Runtime.getRuntime().maxMemory()) : null;
        // with summaries the structural pass reads about the interior pages only: the total counts a sixteenth of
        // the file for it, set right once the summaries are made
        long total = options.quick() ? pageCount : leaves != null ? pageCount + pageCount / 16 : 2 * pageCount;
        PassProgress passes = new PassProgress(progress, total);
        // set by the structural pass, read after it is joined (FutureTask.get orders the two)
        FindingSink[] structureResult = new FindingSink[1];
        IoAction structural = () -> structureResult[0] = structure(db, order, refused, passes, cache, leaves);

        long rows = 0;
        long entries = 0;
        if (cache != null) {
            cache.startCheck();
        }
        if (leaves == null && (options.quick() || options.threads() == 1 || cache != null)) {
            structural.run();
            parts.set(structureSlot, structureResult[0]);
        }
        if (!options.quick()) {
            int before = parts.size();
            // without summaries the structural pass reads every page once, single-threaded: with threads to spare it
            // runs beside the record-level walks instead of before them (its findings still come first in the report)
            FutureTask<Void> structureTask = leaves == null && options.threads() > 1 && cache == null
                    ? new FutureTask<>(() -> {
                        structural.run();
                        return null;
                    }) : null;
            if (structureTask != null) {
                Thread t = new Thread(structureTask, "loupe-check-structure");
                t.setDaemon(true);
                t.start();
            }
            long[] counts;
            try {
                counts = cache == null ? deep(db, schema, parts, passes, options, leaves) : deep(db, schema, parts,
                        passes, cache);
            } finally {
                if (structureTask != null) {
                    join(structureTask);
                    parts.set(structureSlot, structureResult[0]);
                }
            }
            if (leaves != null) {
                passes.expect(pageCount - leaves.count() - pageCount / 16);
                structural.run();
                parts.set(structureSlot, structureResult[0]);
            }
            rows = counts[0];
            entries = counts[1];
            if (refused || !TableScan.completes(parts.get(structureSlot).findings(),
                    parts.subList(before, parts.size()))) {
                // SQLite never gets to (or through) its table-level scan: those lines are not printed
                for (int k = before; k < parts.size(); k++) {
                    parts.set(k, parts.get(k).withoutSqliteLines());
                }
            }
        }
        progress.pages(passes.total(), passes.total());
        return report(db, parts, new CheckStats(pageCount, roots.size(), rows, entries, millisSince(start)));
    }

    /**
     * The b-tree level checks. With more than one thread the subtrees below each root are walked in parallel;
     * when two walks claim the same page the result could depend on the order, so the check is run again in
     * SQLite's order (damaged files only: an intact file claims every page once).
     */
    private FindingSink structure(Database db, SqliteRootOrder order, boolean refused, PassProgress passes,
                                  CheckCache cache, LeafSummaries leaves) throws IOException {
        DatabaseHeader h = db.header();
        ExecutorService pool = options.threads() > 1 && cache == null ? Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "loupe-check-subtree");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            FindingSink sink = new FindingSink(options.maxFindings());
            StructureCheck sc = new StructureCheck(db.pages(), db.usableSize(), h.autoVacuum(), sink, passes::add);
            if (refused) {
                sc.sqliteRefusesFile();
            }
            if (pool != null) {
                sc.parallel(pool);
            }
            if (cache != null) {
                sc.reuse(cache.trees());
            }
            if (leaves != null) {
                sc.useLeafSummaries(leaves);
            }
            sc.run(order, h.firstFreelistTrunkPage(), h.freelistPageCount(), h.largestRootPage(),
                    h.incrementalVacuum());
            if (!sc.conflicted()) {
                return sink;
            }
            FindingSink again = new FindingSink(options.maxFindings());
            StructureCheck ordered = new StructureCheck(db.pages(), db.usableSize(), h.autoVacuum(), again,
                    passes::add);
            if (refused) {
                ordered.sqliteRefusesFile();
            }
            if (leaves != null) {
                ordered.useLeafSummaries(leaves);
            }
            ordered.run(order, h.firstFreelistTrunkPage(), h.freelistPageCount(), h.largestRootPage(),
                    h.incrementalVacuum());
            return again;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * What the header decoder does not say: pages past a valid header page count (SQLite ignores them) and a WAL
     * whose page size is not the database's (SQLite then cannot use the WAL's frames).
     */
    private static void fileFacts(Database db, FindingSink sink) {
        DatabaseHeader h = db.header();
        int pageSize = db.pageSize();
        if (h.pageSizeValid() && h.databaseSizeValid() && db.wal().isEmpty()) {
            long filePages = (db.fileSize() + pageSize - 1) / pageSize;
            if (filePages > h.databaseSizeInPages()) {
                long extra = filePages - h.databaseSizeInPages();
                sink.add(Finding.of(FindingCode.PAGES_BEYOND_HEADER_COUNT, "the file holds " + filePages + " pages but"
                        + " the header (offset 28) says " + h.databaseSizeInPages() + "; SQLite ignores the last "
                        + extra + (extra == 1 ? " page" : " pages")).at(Span.inFile(h.databaseSizeInPages() * pageSize,
                        (int) Math.min(Integer.MAX_VALUE, extra * pageSize))));
            }
        }
        db.wal().ifPresent(wal -> {
            if (wal.headerUsable() && wal.pageSize() != pageSize) {
                sink.add(Finding.of(FindingCode.WAL_PAGE_SIZE_MISMATCH, "the WAL's page size is " + wal.pageSize()
                        + " but the database's is " + pageSize + ": SQLite cannot use the WAL's " + wal.frames().size()
                        + " frames").object(ProblemFindings.WAL).at(Span.inFile(8, 4)));
            }
        });
    }

    /** sqlite_schema, then each table followed by its indexes, as PRAGMA integrity_check orders its roots. */
    private static List<TreeRoot> roots(Schema schema, FindingSink sink) {
        List<TreeRoot> roots = new ArrayList<>();
        roots.add(new TreeRoot(1, "sqlite_schema", true));
        Map<Long, String> owners = new HashMap<>();
        owners.put(1L, "sqlite_schema");
        // by identity (indexesOf hands back the schema's own objects): a record's equals is bootstrapped through
        // invokedynamic on first use, some 30 ms of method-handle classes at start-up for this one comparison
        Set<Index> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Table t : schema.tables()) {
            if (t.virtual() || t.rootPage() == 0) {
                continue;
            }
            add(roots, owners, new TreeRoot(t.rootPage(), t.name(), !t.withoutRowid()), sink);
            for (Index i : schema.indexesOf(t.name())) {
                add(roots, owners, new TreeRoot(i.rootPage(), i.name(), false), sink);
                placed.add(i);
            }
        }
        for (Index i : schema.indexes()) {
            if (!placed.contains(i)) {
                add(roots, owners, new TreeRoot(i.rootPage(), i.name(), false), sink);
            }
        }
        return roots;
    }

    private static void add(List<TreeRoot> roots, Map<Long, String> owners, TreeRoot r, FindingSink sink) {
        String other = owners.putIfAbsent(r.root(), r.name());
        if (other != null && r.root() != 0) {
            sink.add(Finding.of(FindingCode.SCHEMA_ROOT_PAGE, r.name() + " and " + other + " both have root page "
                    + r.root()).object(r.name()).page(r.root()));
        }
        roots.add(r);
    }

    /**
     * The record-level pass table by table, reusing the findings {@code cache} kept for a table whose definition is
     * the same and none of whose trees the structural pass walked again. The parts come out in the order of
     * {@link #deep(Database, Schema, List, PassProgress, CheckOptions)}: each table's tree sinks in schema order,
     * then the finishers' findings (registered table by table) in one sink.
     */
    private long[] deep(Database db, Schema schema, List<FindingSink> parts, PassProgress progress,
                        CheckCache cache) throws IOException {
        java.util.Set<Long> walked = cache.trees().walkedRoots();
        FindingSink end = new FindingSink(options.maxFindings());
        long[] counts = new long[2];
        for (Table t : schema.tables()) {
            if (t.virtual() || t.rootPage() == 0 || !options.includes(t.name())) {
                continue;
            }
            List<Index> indexes = schema.indexesOf(t.name());
            Object definition = List.of(t, indexes, db.encoding(), db.usableSize());
            CheckCache.TableResult r = cache.table(t.name());
            boolean stale = r == null || !r.definition().equals(definition) || walked.contains(t.rootPage());
            for (Index i : indexes) {
                stale |= walked.contains(i.rootPage());
            }
            if (stale) {
                List<FindingSink> own = new ArrayList<>();
                long[] c = deep(db, schema, own, progress, options.withObjects(java.util.Set.of(t.name())), null);
                r = new CheckCache.TableResult(definition, List.copyOf(own.subList(0, own.size() - 1)),
                        own.get(own.size() - 1), c[0], c[1]);
                cache.put(t.name(), r);
                cache.checkedTable();
            }
            parts.addAll(r.trees());
            end.addAll(r.end());
            counts[0] += r.rows();
            counts[1] += r.entries();
        }
        parts.add(end);
        return counts;
    }

    /**
     * The record-level pass: one task per tree, merged in schema order, summarising sound leaf pages into
     * {@code leaves} unless null. Returns {rows, index entries}.
     */
    private long[] deep(Database db, Schema schema, List<FindingSink> parts, PassProgress progress,
                        CheckOptions options, LeafSummaries leaves) throws IOException {
        CheckPlan plan = new CheckPlan();
        CheckContext context = new CheckContext(db, schema, options);
        for (CheckModule m : modules) {
            m.plan(context, plan);
        }
        List<Task> tasks = new ArrayList<>();
        for (Table t : schema.tables()) {
            if (t.virtual() || t.rootPage() == 0 || !options.includes(t.name())) {
                continue;
            }
            tasks.add(new Task(t, null, new FindingSink(options.maxFindings()), progress, fastLane, leaves));
            for (Index i : schema.indexesOf(t.name())) {
                tasks.add(new Task(null, i, new FindingSink(options.maxFindings()), progress, fastLane, leaves));
            }
        }
        long[] counts = new long[2];
        // With threads to spare, a large tree's walk is split into parts (TableSplit, IndexSplit). Not on two threads
        // with two trees or more, where the trees keep both busy already (docs/benchmarks.md, session 13): with four,
        // the parts, run after the whole trees, put two index walks side by side at the start, whose mixed key types
        // the JIT then compiles into slower code for both; with a table and its index, the split measured no faster.
        boolean splitting = options.threads() >= 3 || options.threads() > tasks.size();
        Split[] splits = new Split[tasks.size()];
        int items = 0;
        for (int k = 0; k < tasks.size(); k++) {
            splits[k] = splitting ? split(db, plan, tasks.get(k), progress, leaves) : null;
            items += splits[k] == null ? 1 : splits[k].parts();
        }
        int threads = Math.min(options.threads(), Math.max(1, items));
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "loupe-check");
            th.setDaemon(true);
            return th;
        }) : null;
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int k = 0; k < tasks.size(); k++) {
                Task task = tasks.get(k);
                if (splits[k] != null) {
                    futures.add(null);
                } else if (pool == null) {
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(task.run(db, plan)));
                } else {
                    futures.add(pool.submit(() -> task.run(db, plan)));
                }
            }
            // the parts go after the whole trees: they keep every thread busy to the end
            List<List<Future<Object>>> partFutures = new ArrayList<>();
            for (Split split : splits) {
                List<Future<Object>> mine = new ArrayList<>();
                for (int p = 0; split != null && p < split.parts(); p++) {
                    int part = p;
                    mine.add(pool.submit(() -> split.walk().part(part)));
                }
                partFutures.add(mine);
            }
            for (int k = 0; k < tasks.size(); k++) {
                Task task = tasks.get(k);
                long n;
                if (splits[k] == null) {
                    n = join(futures.get(k));
                } else {
                    List<Object> walked = new ArrayList<>();
                    for (Future<Object> f : partFutures.get(k)) {
                        walked.add(join(f));
                    }
                    n = splits[k].join().parts(walked);
                }
                counts[task.table != null ? 0 : 1] += n;
                parts.add(task.sink);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        FindingSink end = new FindingSink(options.maxFindings());
        parts.add(end);
        for (Finisher f : plan.finishers()) {
            f.finish(end, progress);
        }
        return counts;
    }

    /** The split of {@code task}'s tree into parts, or null when it is walked whole. */
    private Split split(Database db, CheckPlan plan, Task task, PassProgress progress, LeafSummaries leaves)
            throws IOException {
        int max = options.maxFindings();
        if (task.table != null) {
            List<RowCheck> checks = plan.rowChecks(task.table.name());
            TableSplit s = TableSplit.of(db, task.table, checks, options.threads());
            return s == null ? null : new Split(s.parts().size(),
                    k -> s.walk(k, db, checks, progress, fastLane, leaves, max),
                    w -> s.finish(w, db, checks, task.sink, progress, fastLane, leaves));
        }
        List<EntryCheck> checks = plan.entryChecks(task.index.name());
        IndexSplit s = IndexSplit.of(db, task.index, checks, options.threads());
        return s == null ? null : new Split(s.parts().size(),
                k -> s.walk(k, db, checks, progress, fastLane, leaves, max),
                w -> s.finish(w, db, checks, task.sink, progress, fastLane, leaves));
    }

    /** A tree's walk split into parts: how many, how one is walked, how their walks are joined (rows or entries). */
    private record Split(int parts, PartWalk walk, PartJoin join) {
    }

    @FunctionalInterface
    private interface PartWalk {
        Object part(int k) throws IOException;
    }

    @FunctionalInterface
    private interface PartJoin {
        long parts(List<?> walked) throws IOException;
    }

    /** Work that may fail with an I/O error. */
    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private static <T> T join(Future<T> f) throws IOException {
        return Futures.join(f);
    }

    private record Task(Table table, Index index, FindingSink sink, PassProgress progress, boolean fastLane,
                        LeafSummaries leaves) {
        long run(Database db, CheckPlan plan) throws IOException {
            DeepWalk walk = new DeepWalk(db, sink, progress::add, fastLane, leaves);
            if (table != null) {
                walk.table(table, plan.rowChecks(table.name()));
            } else {
                walk.index(index, plan.entryChecks(index.name()));
            }
            return walk.count();
        }
    }

    private CheckReport report(Database db, List<FindingSink> parts, CheckStats stats) {
        List<Finding> all = new ArrayList<>();
        long dropped = 0;
        for (FindingSink s : parts) {
            for (Finding f : s.findings()) {
                if (all.size() < options.maxFindings()) {
                    all.add(f);
                } else {
                    dropped++;
                }
            }
            dropped += s.dropped();
        }
        Verdict verdict = CheckReport.verdictOf(all);
        if (verdict == Verdict.OK && dropped > 0 && parts.stream().anyMatch(FindingSink::hasErrors)) {
            verdict = Verdict.CORRUPT;
        }
        if (dropped > 0) {
            all.add(Finding.of(FindingCode.FINDINGS_TRUNCATED, dropped + " more findings were not reported (limit "
                    + options.maxFindings() + ")").build());
        }
        return new CheckReport(db.name(), verdict, all, dropped, stats);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
