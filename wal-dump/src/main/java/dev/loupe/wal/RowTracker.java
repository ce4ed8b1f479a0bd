package dev.loupe.wal;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.find.SearchResult;
import dev.loupe.format.find.SearchStep;
import dev.loupe.format.find.TreeSearch;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowDecoder;
import dev.loupe.format.wal.WalCommit;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows one row of a rowid table through every valid commit. A commit is examined only when it wrote a page the
 * row depends on: a page of the sqlite_schema b-tree, or a page on the row's search path (root to leaf, as
 * {@link TreeSearch} descends) or of its overflow chain, as of the last commit examined. Any change to the row must
 * write one of those pages, so the others cannot change it. The row's values are decoded (by {@link RowDecoder},
 * as {@code loupe rows} decodes them) only when its payload bytes or the schema changed, from the database as of
 * the commit ({@link WalInput#openDatabase}): a view through the input's frame index, so no commit reads the WAL
 * again or reopens a file.
 */
public final class RowTracker {

    private final WalInput input;

    public RowTracker(WalInput input) {
        this.input = input;
    }

    /** Tracks {@code rowid} of table {@code tableName} (case-insensitive) across commits 0..N. */
    public RowTrack track(String tableName, long rowid) throws IOException {
        State s = new State(tableName, rowid);
        try {
            List<WalCommit> commits = input.commits();
            for (int k = 0; k <= commits.size(); k++) {
                boolean schemaTouched = true;
                if (k > 0) {
                    WalCommit c = commits.get(k - 1);
                    schemaTouched = touches(c, s.schemaPages);
                    if (!schemaTouched && !touches(c, s.rowPages)) {
                        continue;
                    }
                }
                s.evaluated++;
                RowVersion v = s.evaluate(k, schemaTouched);
                if (s.refusal != null) {
                    break;
                }
                if (!v.sameAs(s.previous)) {
                    s.versions.add(v);
                    s.previous = v;
                }
            }
        } finally {
            s.closeDatabase();
        }
        return new RowTrack(tableName, rowid, input.commits().size(), s.versions, s.tableSeen, s.rowSeen, s.refusal,
                s.evaluated);
    }

    /** Whether commit {@code c} wrote one of {@code pages} or cut the database below one of them. */
    private static boolean touches(WalCommit c, Set<Long> pages) {
        for (long p : c.pages()) {
            if (pages.contains(p)) {
                return true;
            }
        }
        for (long p : pages) {
            if (p > c.databaseSize()) {
                return true;
            }
        }
        return false;
    }

    private final class State {
        final String tableName;
        final long rowid;
        final List<RowVersion> versions = new ArrayList<>();
        Set<Long> schemaPages = Set.of();
        Set<Long> rowPages = Set.of();
        byte[] schemaDigest;
        byte[] rowPayload;
        Table table;
        boolean tableSeen;
        boolean rowSeen;
        String refusal;
        int evaluated;
        RowVersion previous;
        Database db;
        int dbCommit = -1;

        State(String tableName, long rowid) {
            this.tableName = tableName;
            this.rowid = rowid;
        }

        RowVersion evaluate(int k, boolean schemaTouched) throws IOException {
            PageSource view = input.view(k);
            int lastFrame = k == 0 ? 0 : input.commits().get(k - 1).lastFrame();
            boolean schemaChanged = false;
            if (schemaTouched) {
                byte[] digest = schemaDigest(view);
                if (!Arrays.equals(digest, schemaDigest)) {
                    schemaDigest = digest;
                    schemaChanged = true;
                    table = database(k).schemaSnapshot().table(tableName).orElse(null);
                    if (table != null) {
                        tableSeen = true;
                        if (table.withoutRowid() || table.virtual()) {
                            refusal = table.name() + " is a " + (table.virtual() ? "virtual" : "WITHOUT ROWID")
                                    + " table: it has no rowids to track";
                        }
                    }
                }
            }
            if (table == null || refusal != null) {
                rowPages = Set.of();
                rowPayload = null;
                return new RowVersion(k, lastFrame, RowState.NO_TABLE, 0, -1, List.of(), List.of());
            }
            SearchResult r = new TreeSearch(view, input.usableSize(), input.encoding())
                    .byRowid(table.rootPage(), rowid);
            Set<Long> pages = new HashSet<>();
            for (SearchStep step : r.path()) {
                pages.add(step.page());
            }
            if (!r.found() || !(r.cell() instanceof TableLeafCell leaf)) {
                rowPages = pages;
                rowPayload = null;
                return new RowVersion(k, lastFrame, rowSeen ? RowState.DELETED : RowState.ABSENT, 0, -1, List.of(),
                        r.problems());
            }
            long page = r.endStep().page();
            byte[] data = view.read(page);
            Payload payload = new PayloadReader(view, input.usableSize()).read(data, leaf.payload());
            for (long p : payload.overflowPages()) {
                pages.add(p);
            }
            rowPages = pages;
            byte[] bytes = Arrays.copyOfRange(payload.bytes(), payload.start(), payload.start() + payload.length());
            List<Value> values;
            List<Problem> problems = new ArrayList<>(r.problems());
            if (schemaChanged || previous == null || previous.state() != RowState.PRESENT
                    || !Arrays.equals(bytes, rowPayload)) {
                Database d = database(k);
                BTreePage p = BTreePage.decode(page, d.pages().read(page), d.usableSize());
                Cell cell = p.cell(leaf.index());
                Row row = cell == null ? null : new RowDecoder(d, table).decode(p, cell);
                values = row == null ? List.of() : row.values();
                if (row != null) {
                    problems.addAll(row.problems());
                }
            } else {
                values = previous.values();
                problems.addAll(previous.problems());
            }
            rowPayload = bytes;
            rowSeen = true;
            return new RowVersion(k, lastFrame, RowState.PRESENT, page, leaf.index(), values, problems);
        }

        /** A digest of the sqlite_schema b-tree's pages (page 1 past the database header), and those pages. */
        private byte[] schemaDigest(PageSource view) throws IOException {
            MessageDigest md = sha256();
            Set<Long> pages = new HashSet<>();
            new BTreeWalker(view, input.usableSize()).walk(1, new TreeVisitor() {
                @Override
                public boolean page(BTreePage page, List<PathStep> path, int depth) {
                    pages.add(page.number());
                    int from = BTreePage.headerOffset(page.number());
                    md.update(longBytes(page.number()));
                    md.update(page.data(), from, page.data().length - from);
                    return true;
                }
            });
            pages.add(1L);
            schemaPages = pages;
            return md.digest();
        }

        Database database(int k) throws IOException {
            if (dbCommit != k) {
                closeDatabase();
                db = input.openDatabase(k);
                dbCommit = k;
            }
            return db;
        }

        void closeDatabase() throws IOException {
            if (db != null) {
                db.close();
                db = null;
                dbCommit = -1;
            }
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
