package dev.loupe.repro.file;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import dev.loupe.format.SchemaEntry;
import dev.loupe.format.btree.BTreePage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Shrinks a damaged database file while a chosen finding still appears (issue 7, `loupe repro file`): drops
 * schema objects with their pages, the freelist and orphan pages; writes small trees as one leaf, replaces
 * interior pages by a child, removes children and cells, taking a table's rows out of its indexes with them
 * ({@link RowCompanions}); cuts overflowing values down to a chain of a page or two ({@link PayloadEdits}) or
 * unlinks runs of overflow pages; then compacts and renumbers the pages. Every candidate is checked in process by
 * the checker on the in-memory image (and by SQLite when SQLite flagged the original); a candidate is kept only
 * if it shows the same finding, no error of a kind the original did not have, and the same kind of SQLite
 * verdict. Greedy and deterministic, within a time budget.
 */
public final class FileReducer {

    /** Options: the finding code to keep (null = the first error) and the time budget. */
    public record Options(String code, Duration budget) {
        public static Options defaults() {
            return new Options(null, Duration.ofSeconds(60));
        }
    }

    /** Thrown when the file has nothing to reduce: no such finding, or no page size to work with. */
    public static final class NothingToReduce extends Exception {
        public NothingToReduce(String message) {
            super(message);
        }
    }

    /** An edited image (null when the edit does not apply) and the kept orphan pages to drop with it. */
    private record Edit(Supplier<DbImage> image, Set<Long> dropOrphans) {
        static Edit of(Supplier<DbImage> image) {
            return new Edit(image, Set.of());
        }
    }

    /** The state being reduced: the image and the unreferenced pages still kept (the finding may be about them). */
    private record State(DbImage image, Set<Long> keptOrphans) {
    }

    private final Options options;
    private CandidateTest test;
    private long deadline;
    private final Set<String> rejected = new HashSet<>();
    private Finding best;
    private byte[] currentBytes = new byte[0];

    public FileReducer(Options options) {
        this.options = options;
    }

    public FileReduction reduce(byte[] original) throws IOException, NothingToReduce {
        long start = System.nanoTime();
        deadline = start + options.budget().toNanos();
        Checker checker = Checker.standard(CheckOptions.defaults().withThreads(1));
        CandidateTest.Verdict first = CandidateTest.check(checker, original);
        FindingTarget target = FindingTarget.choose(first.findings(), first.schema(), options.code());
        if (target == null) {
            throw new NothingToReduce(options.code() == null ? "the checker reports no error in this file"
                    : "the checker does not report " + options.code() + " for this file");
        }
        best = target.match(first.findings(), first.schema());
        Set<String> errors = new HashSet<>();
        for (Finding f : first.findings()) {
            if (f.severity() == Severity.ERROR) {
                errors.add(f.code().code());
            }
        }
        List<String> sqliteOriginal = SqliteIntegrity.check(original);
        boolean flagged = !(sqliteOriginal.size() == 1 && sqliteOriginal.get(0).equals("ok"));
        test = new CandidateTest(target, errors, flagged ? SqliteIntegrity.kind(sqliteOriginal) : null);
        DbImage image = DbImage.of(original);
        byte[] reduced = original;
        if (image != null) {
            State s = shrink(new State(image, Layout.of(image).orphans()));
            reduced = s.image().bytes();
        }
        List<String> sqliteReduced = reduced == original ? sqliteOriginal : SqliteIntegrity.check(reduced);
        int pageSize = image == null ? Math.max(1, original.length) : image.pageSize();
        return new FileReduction(original, reduced, pageSize, target, best, sqliteOriginal, sqliteReduced,
                test.runs(), (System.nanoTime() - start) / 1_000_000);
    }

    /** One kind of edit: the candidates it proposes for a state, most promising first. */
    private interface Pass {
        List<Edit> candidates(State s);
    }

    private State shrink(State s) throws IOException {
        List<Pass> passes = List.of(
                st -> List.of(Edit.of(() -> Edits.emptySchema(st.image()))),
                this::orphanCandidates,
                this::schemaCandidates,
                this::freelistCandidates,
                this::treeCandidates,
                FileReducer::payloadCandidates,
                FileReducer::overflowCandidates);
        boolean progress = true;
        while (progress && !timeUp()) {
            progress = false;
            for (Pass pass : passes) {
                State next = sweep(s, pass);
                progress |= next != s;
                s = next;
            }
        }
        return s;
    }

    /**
     * Tries a pass's candidates in order. After one is accepted the list is rebuilt from the new state and the
     * sweep goes on at the same position rather than from the start: the candidates before it failed a moment
     * ago and mostly still would, and retrying them after every accepted step is what made large trees slow. The
     * next round of {@link #shrink} gives them another chance.
     */
    private State sweep(State s, Pass pass) throws IOException {
        List<Edit> edits = pass.candidates(s);
        int i = 0;
        while (i < edits.size() && !timeUp()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("reduction interrupted");
            }
            Edit edit = edits.get(i);
            DbImage edited = edit.image().get();
            State next = edited == null ? null : settle(edited, s.keptOrphans(), edit.dropOrphans());
            if (next == null) {
                i++;
            } else {
                s = next;
                edits = pass.candidates(s);
            }
        }
        return s;
    }

    private boolean timeUp() {
        return System.nanoTime() > deadline;
    }

    private List<Edit> orphanCandidates(State s) {
        List<Edit> out = new ArrayList<>();
        List<Long> orphans = new ArrayList<>(s.keptOrphans());
        if (orphans.isEmpty()) {
            return out;
        }
        for (List<Long> chunk : chunks(orphans, 24)) {
            out.add(new Edit(() -> s.image().copy(), Set.copyOf(chunk)));
        }
        return out;
    }

    /**
     * Compacts an edited image: pages nothing references are dropped, except the orphans the state keeps (less
     * any being dropped now), then tests the result. Returns the new state or null.
     */
    private State settle(DbImage edited, Set<Long> keptOrphans, Set<Long> drop) throws IOException {
        Layout layout = Layout.of(edited);
        Set<Long> keep = new LinkedHashSet<>(layout.reachable);
        keep.removeAll(drop);
        Set<Long> orphansNow = new LinkedHashSet<>();
        for (long p : keptOrphans) {
            if (edited.hasPage(p) && !keep.contains(p) && !drop.contains(p)) {
                keep.add(p);
                orphansNow.add(p);
            }
        }
        DbImage compacted = Compactor.compact(edited, layout, keep);
        DbImage candidate = compacted == null ? edited : compacted;
        if (compacted == null && Arrays.equals(edited.bytes(), currentBytes)) {
            return null;
        }
        String key = Base64.getEncoder().encodeToString(sha(candidate.bytes()));
        if (!rejected.add(key)) {
            return null;
        }
        Finding f = test.test(candidate.bytes());
        if (f == null) {
            return null;
        }
        best = f;
        currentBytes = candidate.bytes();
        Set<Long> renumbered = new LinkedHashSet<>(Layout.of(candidate).orphans());
        if (orphansNow.isEmpty()) {
            renumbered.clear();
        }
        return new State(candidate, renumbered);
    }

    private static byte[] sha(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Edit> schemaCandidates(State s) {
        DbImage img = s.image();
        Layout layout = Layout.of(img);
        List<Edit> out = new ArrayList<>();
        List<SchemaEntry> entries = layout.schema;
        for (SchemaEntry e : entries) {
            if (!"table".equalsIgnoreCase(e.row().type())) {
                continue;
            }
            List<SchemaEntry> group = new ArrayList<>();
            for (SchemaEntry o : entries) {
                if (o == e || (o.row().tblName() != null && o.row().tblName().equalsIgnoreCase(e.row().name()))) {
                    group.add(o);
                }
            }
            out.add(Edit.of(() -> dropEntries(img, layout, group)));
        }
        for (SchemaEntry e : entries) {
            if (!"table".equalsIgnoreCase(e.row().type())) {
                out.add(Edit.of(() -> dropEntries(img, layout, List.of(e))));
            }
        }
        return out;
    }

    /**
     * The schema rows {@code group} removed (their trees become unreferenced). In an auto-vacuum file the largest
     * root page @52 follows the remaining roots when it named the largest root before (fileformat2 §1.3.14), so
     * dropping the table with the largest root does not make the header disagree.
     */
    private static DbImage dropEntries(DbImage img, Layout layout, List<SchemaEntry> group) {
        DbImage out = img;
        Set<Long> pages = new LinkedHashSet<>();
        group.forEach(e -> pages.add(e.page()));
        for (long p : pages) {
            Set<Integer> cells = new HashSet<>();
            group.stream().filter(e -> e.page() == p).forEach(e -> cells.add(e.cellIndex()));
            out = Edits.removeCells(out, p, cells);
            if (out == null) {
                return null;
            }
        }
        if (img.autoVacuum()) {
            long before = 0;
            long after = 0;
            for (SchemaEntry e : layout.schema) {
                before = Math.max(before, e.row().rootPage());
                if (!group.contains(e)) {
                    after = Math.max(after, e.row().rootPage());
                }
            }
            if (img.header32(52) == before && after > 0) {
                out.putHeader32(52, after);
            }
        }
        return out;
    }

    private List<Edit> freelistCandidates(State s) {
        DbImage img = s.image();
        Layout layout = Layout.of(img);
        List<Edit> out = new ArrayList<>();
        out.add(Edit.of(() -> Edits.dropFreelist(img, layout)));
        for (long trunk : layout.trunks) {
            // the leaf pages themselves dropped, the trunk unchanged: for findings about the trunk's count
            List<Long> leaves = new ArrayList<>();
            for (int i = 0; i < Edits.leafCount(img, trunk); i++) {
                leaves.add(img.u32(trunk, 8 + 4 * i));
            }
            for (List<Long> chunk : chunks(leaves, 8)) {
                out.add(new Edit(img::copy, Set.copyOf(chunk)));
            }
        }
        for (int i = layout.trunks.size() - 1; i >= 0; i--) {
            int index = i;
            out.add(Edit.of(() -> Edits.dropTrunk(img, layout, index)));
        }
        for (long trunk : layout.trunks) {
            int n = Edits.leafCount(img, trunk);
            for (int[] range : ranges(n, 16)) {
                out.add(Edit.of(() -> Edits.dropLeaves(img, trunk, range[0], range[1])));
            }
        }
        return out;
    }

    private static List<Edit> payloadCandidates(State s) {
        List<Edit> out = new ArrayList<>();
        for (Supplier<DbImage> e : PayloadEdits.candidates(s.image(), Layout.of(s.image()))) {
            out.add(Edit.of(e));
        }
        return out;
    }

    private static List<Edit> overflowCandidates(State s) {
        List<Edit> out = new ArrayList<>();
        for (Supplier<DbImage> e : OverflowEdits.candidates(s.image(), Layout.of(s.image()))) {
            out.add(Edit.of(e));
        }
        return out;
    }

    /**
     * Edits of b-trees, the biggest first: a whole tree written as one leaf or as full leaves under its root, an
     * interior page replaced by one of its children, ranges of children, ranges of leaf cells. Rows an edit takes out of a table or one of its
     * indexes are taken out of the others too ({@link RowCompanions}).
     */
    private List<Edit> treeCandidates(State s) {
        DbImage img = s.image();
        Layout layout = Layout.of(img);
        List<Edit> out = new ArrayList<>();
        Set<Long> roots = new LinkedHashSet<>(layout.rootOf.values());
        for (long root : roots) {
            out.add(Edit.of(() -> Flatten.root(img, root)));
        }
        for (long root : roots) {
            out.add(Edit.of(() -> Repack.root(img, root)));
        }
        // interior pages first, from the roots down: replacing a page by a child drops the most pages
        for (Layout.TreePage tp : layout.treePages) {
            BTreePage page = Edits.cleanPage(img, tp.page());
            if (page == null || page.type().isLeaf() || tp.page() == 1) {
                continue;
            }
            for (int i = 0; i <= page.cellCount(); i++) {
                long child = page.child(i);
                out.add(Edit.of(() -> RowCompanions.follow(img, layout, tp.page(),
                        Edits.hoist(img, tp.page(), child))));
            }
        }
        for (Layout.TreePage tp : layout.treePages) {
            BTreePage page = Edits.cleanPage(img, tp.page());
            if (page == null || page.type().isLeaf()) {
                continue;
            }
            for (int[] range : ranges(page.cellCount() + 1, 16)) {
                out.add(Edit.of(() -> RowCompanions.follow(img, layout, tp.page(),
                        Edits.removeChildren(img, tp.page(), rangeSet(range), tp.root() == tp.page()))));
            }
        }
        for (Layout.TreePage tp : layout.treePages) {
            BTreePage page = Edits.cleanPage(img, tp.page());
            if (page == null || !page.type().isLeaf() || tp.page() == 1) {
                continue;
            }
            for (int[] range : ranges(page.cellCount(), 16)) {
                out.add(Edit.of(() -> RowCompanions.follow(img, layout, tp.page(),
                        Edits.removeCells(img, tp.page(), rangeSet(range)))));
            }
        }
        return out;
    }

    private static Set<Integer> rangeSet(int[] range) {
        Set<Integer> s = new HashSet<>();
        for (int i = range[0]; i < range[1]; i++) {
            s.add(i);
        }
        return s;
    }

    /** Ranges [a, b) over n items: halves, quarters, ... down to single items, at most {@code max} of them. */
    static List<int[]> ranges(int n, int max) {
        List<int[]> out = new ArrayList<>();
        for (int size = Math.max(1, n / 2); out.size() < max; size = Math.max(1, size / 2)) {
            for (int a = 0; a < n && out.size() < max; a += size) {
                out.add(new int[] {a, Math.min(n, a + size)});
            }
            if (size == 1) {
                break;
            }
        }
        return out;
    }

    private static <T> List<List<T>> chunks(List<T> items, int max) {
        List<List<T>> out = new ArrayList<>();
        for (int[] r : ranges(items.size(), max)) {
            out.add(items.subList(r[0], r[1]));
        }
        if (!items.isEmpty()) {
            out.add(0, items);
        }
        return out;
    }
}
