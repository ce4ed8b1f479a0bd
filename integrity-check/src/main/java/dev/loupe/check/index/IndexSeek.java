package dev.loupe.check.index;

import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.find.TreeSearch;
import dev.loupe.format.page.PagePath;
import dev.loupe.format.record.RecordEncoder;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks an entry up in an index b-tree the way integrity_check's OP_Found does (btree.c, sqlite3BtreeIndexMoveto):
 * on each page a binary search that starts at the middle cell and stops at the first cell equal to the key, on an
 * interior page as on a leaf; otherwise it descends into the child left of the insertion point. On a tree whose keys
 * are out of order this probes the same cells SQLite probes, so it misses the same entries SQLite misses (a lower
 * bound search would find some of them). SQLite's shortcut for a cursor already on the last leaf is not modelled.
 */
final class IndexSeek {

    /** The entry found: its page, cell and values. */
    record Hit(long page, PayloadCell cell, List<Value> values) {
    }

    /** How deep pages stay decoded: the interior levels above the leaves of an index of ~10 million entries. */
    private static final int CACHED_DEPTH = 3;
    /**
     * At most this many bytes of pages stay decoded (their keys take about as much again): the first pages met, the
     * top levels first.
     */
    private static final int CACHED_BYTES = 8 << 20;

    private final Database db;
    private final TreeSearch keys;
    private final KeyComparator order;
    /**
     * The pages of the top {@link #CACHED_DEPTH} levels met so far, decoded, with the keys of the cells probed so
     * far: millions of lookups (the exact pass) start with the same few pages.
     */
    private final Map<Long, Decoded> top = new HashMap<>();
    private final int cachedPages;

    /** A probed cell's record read in place, and the key as a record (see {@link #find}). */
    private final RecordView cellView;
    private final RecordView keyView;
    private final boolean bytes;

    /** A decoded page and its cells' keys, each decoded when first probed (null until then). */
    private record Decoded(BTreePage page, List<?>[] keys) {
    }

    IndexSeek(Database db, TreeSearch keys, KeyComparator order) {
        this(db, keys, order, true);
    }

    /** @param bytes whether cells are compared on their record bytes where they can be (false: always decoded) */
    IndexSeek(Database db, TreeSearch keys, KeyComparator order, boolean bytes) {
        this.bytes = bytes;
        this.db = db;
        this.keys = keys;
        this.order = order;
        this.cachedPages = CACHED_BYTES / Math.max(512, db.pageSize());
        this.cellView = new RecordView(db.encoding());
        this.keyView = new RecordView(db.encoding());
    }

    /**
     * The entry whose first key.size() values equal {@code key}, as SQLite would find it, or null. The key is written
     * as a record once, and a probed cell whose record lies wholly on its page and is sound is compared with it on
     * the bytes (RecordCompare orders as the decoded values order: RecordViewTest); any other cell is decoded.
     */
    Hit find(long root, List<Value> key) throws IOException {
        byte[] keyRecord = !bytes || key.contains(null) ? null : RecordEncoder.encode(key, db.encoding());
        boolean onBytes = keyRecord != null && keyView.parse(keyRecord, 0, keyRecord.length, key.size())
                && keyView.count() == key.size();
        PagePath visited = new PagePath();
        long pgno = root;
        for (int depth = 0; depth < BTreeWalker.MAX_DEPTH; depth++) {
            if (pgno < 1 || pgno > db.pages().pageCount() || !visited.add(pgno)) {
                return null;
            }
            Decoded d = depth < CACHED_DEPTH ? top.get(pgno) : null;
            if (d == null) {
                byte[] data = db.pages().read(pgno);
                if (data == null) {
                    return null;
                }
                BTreePage decoded = BTreePage.decode(pgno, data, db.usableSize());
                boolean keep = depth < CACHED_DEPTH && top.size() < cachedPages;
                d = new Decoded(decoded, keep ? new List<?>[decoded.cellCount()] : null);
                if (keep) {
                    top.put(pgno, d);
                }
            }
            BTreePage page = d.page();
            PageType type = page.type();
            int n = page.cellCount();
            if (type == null || type.isTable() || n == 0) {
                return null;
            }
            int lwr = 0;
            int upr = n - 1;
            int idx = upr >> 1;
            while (true) {
                Cell c = page.cell(idx);
                if (!(c instanceof PayloadCell pc)) {
                    return null;
                }
                int r = onBytes && inPlace(page, pc) ? order.compare(cellView, keyView, key.size())
                        : order.compare(keyOf(d, idx, pc), key);
                if (r < 0) {
                    lwr = idx + 1;
                } else if (r > 0) {
                    upr = idx - 1;
                } else {
                    return new Hit(pgno, pc, keyOf(d, idx, pc));
                }
                if (lwr > upr) {
                    break;
                }
                idx = (lwr + upr) >> 1;
            }
            if (type.isLeaf()) {
                return null;
            }
            if (lwr < n) {
                if (!(page.cell(lwr) instanceof InteriorCell ic)) {
                    return null;
                }
                pgno = ic.leftChild();
            } else {
                pgno = page.header().rightChild();
            }
        }
        return null;
    }

    /** Reads {@code pc}'s record into {@link #cellView} when it lies wholly on the page and is sound. */
    private boolean inPlace(BTreePage page, PayloadCell pc) {
        if (!pc.problems().isEmpty()) {
            return false;
        }
        LocalPayload p = pc.payload();
        return p.allLocal() && cellView.parse(page.data(), p.localOffset(), p.localSize(), Integer.MAX_VALUE);
    }

    /** Cell {@code idx}'s key, decoded once for a page of the top levels. */
    @SuppressWarnings("unchecked")
    private List<Value> keyOf(Decoded d, int idx, PayloadCell pc) throws IOException {
        if (d.keys() == null) {
            return keys.keyOf(d.page(), pc);
        }
        List<Value> k = (List<Value>) d.keys()[idx];
        if (k == null) {
            k = keys.keyOf(d.page(), pc);
            d.keys()[idx] = k;
        }
        return k;
    }
}
