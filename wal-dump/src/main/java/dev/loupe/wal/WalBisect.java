package dev.loupe.wal;

import dev.loupe.check.CheckOptions;
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
 * <p>The incremental strategy rests on one fact: the record-level findings of a table and its indexes depend only
 * on the pages of their b-trees (with overflow pages), their schema rows and the header fields that govern decoding
 * (page size, reserved bytes, encoding, schema format). A commit that writes none of those pages and changes none of
 * those definitions leaves the table's record-level findings as they were at the previous commit, and since the
 * search stops at the first commit with a matching finding, they were free of matches there. So at each commit
 * only the tables the commit touched go through the record-level pass; the structural pass (every b-tree's pages,
 * the freelist, pages never used, the pointer map) runs over the whole file every commit, in memory and without
 * decoding records. Which pages each table claims is kept up to date by re-walking only the touched tables' trees
 * ({@link PageOwners}). A change in the governing header fields, or a schema that cannot be read cleanly, makes the
 * commit a full check.
 */
public final class WalBisect {

    /** Header bytes that govern how every record decodes: 16..23 (page size .. fractions), 44..47, 56..59. */
    private static final int[][] DECODING_FIELDS = {{16, 24}, {44, 48}, {56, 60}};

    private WalBisect() {
    }

    public static BisectResult run(WalPair pair, BisectOptions options, Progress progress) throws IOException {
        long start = System.nanoTime();
        int n = pair.commitCount();
        CommitImage image = new CommitImage(pair);
        PageOwners owners = new PageOwners();
        byte[] previousKey = null;
        long tablesChecked = 0;
        long quick = 0;
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
            if (options.strategy() == BisectStrategy.NAIVE) {
                report = Checker.standard(options.check()).check(db);
                tablesChecked += db.schema().tables().size();
            } else {
                byte[] key = decodingKey(image.image());
                SchemaSnapshot schema = db.schemaSnapshot();
                boolean full = k == 0 || !Arrays.equals(key, previousKey) || !schema.problems().isEmpty();
                previousKey = key;
                Set<String> units = full ? null : touched(owners, pair.commit(k), before, image.pageCount(), schema);
                owners.define(schema.entries());
                if (full) {
                    units = new TreeSet<>(owners.units());
                }
                Set<String> tables = new TreeSet<>();
                for (String u : units) {
                    String t = owners.tableName(u);
                    if (t != null) {
                        tables.add(t);
                    }
                }
                CheckOptions co = options.check();
                if (!full) {
                    co = tables.isEmpty() ? co.withQuick(true) : co.withObjects(tables);
                }
                if (co.quick()) {
                    quick++;
                } else {
                    tablesChecked += full ? schema.schema().tables().size() : tables.size();
                }
                report = Checker.standard(co).check(db);
                for (String u : units) {
                    if (owners.units().contains(u)) {
                        owners.rewalk(u, db);
                    }
                }
            }
            progress.pages(k + 1, n + 1);
            List<Finding> matching = report.findings().stream().filter(options::matches).toList();
            if (!matching.isEmpty()) {
                return found(pair, db, k, matching, options.strategy(), tablesChecked, quick, start);
            }
        }
        return new BisectResult(n, n + 1, -1, 0, 0, 0, List.of(), List.of(), options.strategy(), tablesChecked,
                quick, millisSince(start));
    }

    /**
     * The units commit {@code c} may have changed: those claiming a page it wrote or a page that entered or left the
     * database with its size, and those whose schema rows differ.
     */
    private static Set<String> touched(PageOwners owners, WalCommit c, long before, long after,
                                       SchemaSnapshot schema) {
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
        Set<String> units = new TreeSet<>(owners.touching(changed));
        units.addAll(owners.redefined(schema.entries()));
        return units;
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
