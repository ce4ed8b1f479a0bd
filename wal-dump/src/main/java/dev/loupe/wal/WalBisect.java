package dev.loupe.wal;

import dev.loupe.check.CheckCache;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.format.Database;
import dev.loupe.format.Progress;
import dev.loupe.format.SchemaSnapshot;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.wal.WalCommit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the first commit at which the checker reports a finding: commit 0 (the database file alone), then each
 * valid commit in turn, the database held in memory and moved forward by the commit's frames only
 * ({@link CommitImage}).
 *
 * <p>The incremental strategy gives every commit the report a full check gives (IncrementalBisectTest), redoing
 * only what the commit can have changed, through the checker's {@link CheckCache}: the structural walk of each
 * b-tree none of whose pages (tree, overflow and pointer-map pages it read) the commit wrote is kept, with its
 * findings and page claims; the whole-file parts (freelist, pages never used, pointer-map pages, second references
 * between trees) are recomputed from the claims each commit. The record-level findings of a table and its indexes
 * depend only on the pages of their b-trees, their schema rows and the header fields that govern decoding (page
 * size, reserved bytes, encoding, schema format): a table none of whose trees was walked again, whose definition is
 * the same and which claims no page the commit wrote ({@link PageOwners}, a walk that also follows what the
 * structural pass stops at) keeps its findings. A change in the governing header fields, or a schema that cannot be
 * read cleanly, makes the commit a full check.
 */
public final class WalBisect {

    /** Header bytes that govern how every record decodes: 16..23 (page size .. fractions), 44..47, 56..59. */
    private static final int[][] DECODING_FIELDS = {{16, 24}, {44, 48}, {56, 60}};

    private WalBisect() {
    }

    public static BisectResult run(WalPair pair, BisectOptions options, Progress progress) throws IOException {
        long start = System.nanoTime();
        int n = pair.commitCount();
        BisectResult[] result = new BisectResult[1];
        long[] tally = new long[2];
        eachCommit(pair, options, progress, (k, db, report, tablesChecked) -> {
            tally[0] += tablesChecked;
            tally[1] += tablesChecked == 0 && !options.check().quick() ? 1 : 0;
            List<Finding> matching = report.findings().stream().filter(options::matches).toList();
            if (matching.isEmpty()) {
                return false;
            }
            result[0] = found(pair, db, k, matching, options.strategy(), tally[0], tally[1], start);
            return true;
        });
        if (result[0] != null) {
            return result[0];
        }
        return new BisectResult(n, n + 1, -1, 0, 0, 0, List.of(), List.of(), options.strategy(), tally[0],
                tally[1], millisSince(start));
    }

    /** Told of each commit's report, in commit order; returns true to stop. */
    @FunctionalInterface
    interface CommitReports {
        boolean report(int commit, Database db, CheckReport report, long tablesChecked) throws IOException;
    }

    /**
     * Checks commit 0 (the database file alone), then each valid commit in turn, with the strategy of
     * {@code options}, until {@code reports} says stop. Either strategy gives every commit the report a full check
     * of that commit gives.
     */
    static void eachCommit(WalPair pair, BisectOptions options, Progress progress, CommitReports reports)
            throws IOException {
        int n = pair.commitCount();
        CommitImage image = new CommitImage(pair);
        PageOwners owners = new PageOwners();
        CheckCache cache = new CheckCache();
        Checker checker = Checker.standard(options.check());
        byte[] previousKey = null;
        String name = pair.database().toString();
        for (int k = 0; k <= n; k++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("bisect interrupted at commit " + k);
            }
            long before = image.pageCount();
            if (k > 0) {
                image.advance();
            }
            Database db = Database.fromImage(image.image(), name + " as of commit " + k);
            CheckReport report;
            long tablesChecked;
            if (options.strategy() == BisectStrategy.NAIVE) {
                report = checker.check(db);
                tablesChecked = options.check().quick() ? 0 : db.schema().tables().size();
            } else {
                byte[] key = decodingKey(image.image());
                SchemaSnapshot schema = db.schemaSnapshot();
                boolean full = k == 0 || !Arrays.equals(key, previousKey) || !schema.problems().isEmpty();
                previousKey = key;
                Set<String> units;
                if (full) {
                    cache.clear();
                    owners.define(schema.entries());
                    units = new TreeSet<>(owners.units());
                } else {
                    BitSet changed = changedPages(pair.commit(k), before, image.pageCount());
                    cache.written(changed);
                    units = new TreeSet<>(owners.touching(changed));
                    units.addAll(owners.redefined(schema.entries()));
                    owners.define(schema.entries());
                    Set<String> tables = new TreeSet<>();
                    for (String u : units) {
                        String t = owners.tableName(u);
                        if (t != null) {
                            tables.add(t);
                        }
                    }
                    cache.tablesChanged(tables);
                }
                report = checker.check(db, Progress.NONE, cache);
                tablesChecked = cache.tablesChecked();
                for (String u : units) {
                    if (owners.units().contains(u)) {
                        owners.rewalk(u, db);
                    }
                }
            }
            progress.pages(k + 1, n + 1);
            if (reports.report(k, db, report, tablesChecked)) {
                return;
            }
        }
    }

    /** The pages commit {@code c} wrote and those that entered or left the database with its size. */
    private static BitSet changedPages(WalCommit c, long before, long after) {
        BitSet changed = new BitSet();
        for (long p : c.pages()) {
            if (p < Integer.MAX_VALUE) {
                changed.set((int) p);
            }
        }
        long lo = Math.min(before, after) + 1;
        long hi = Math.min(Math.max(before, after), Integer.MAX_VALUE - 1L);
        if (lo <= hi) {
            changed.set((int) lo, (int) hi + 1);
        }
        return changed;
    }

    private static byte[] decodingKey(byte[] image) {
        byte[] key = new byte[16];
        int at = 0;
        for (int[] r : DECODING_FIELDS) {
            for (int i = r[0]; i < r[1]; i++) {
                key[at++] = i < image.length ? image[i] : 0;
            }
        }
        return key;
    }

    private static BisectResult found(WalPair pair, Database db, int k, List<Finding> matching,
                                      BisectStrategy strategy, long tables, long quick, long start)
            throws IOException {
        if (k == 0) {
            return new BisectResult(pair.commitCount(), 1, 0, 0, 0, db.pageCount(), List.of(), matching, strategy,
                    tables, quick, millisSince(start));
        }
        WalCommit c = pair.commit(k);
        PageMap map = PageMap.build(db);
        List<ChangedPage> pages = new ArrayList<>();
        for (long p : c.pages()) {
            int frame = 0;
            for (int f = c.lastFrame(); f >= c.firstFrame() && frame == 0; f--) {
                if (pair.wal().frames().get(f - 1).pageNumber() == p) {
                    frame = f;
                }
            }
            if (p > db.pageCount()) {
                pages.add(new ChangedPage(p, frame, "beyond-end", null));
                continue;
            }
            ObjectPages owner = map.owner(p);
            pages.add(new ChangedPage(p, frame, map.kind(p).label(), owner == null ? null : owner.name()));
        }
        return new BisectResult(pair.commitCount(), k + 1, k, c.firstFrame(), c.lastFrame(), c.databaseSize(),
                pages, matching, strategy, tables, quick, millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
