package dev.loupe.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.HeaderField;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.record.RecordDecoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two versions of a page cell by cell. Payloads that spill onto overflow pages are assembled from the
 * database as of the version's commit (the latest commit for frames SQLite does not use; the file alone for the
 * database file's image), so a row whose overflow content changed counts as changed even when its local bytes
 * did not. Views are made only when a cell overflows.
 */
public final class PageDiffer {

    private final WalInput input;
    private final Map<Integer, PageSource> views = new HashMap<>();

    public PageDiffer(WalInput input) {
        this.input = input;
    }

    /** Diffs {@code a} and {@code b}, which must be versions of the same page. */
    public PageDiff diff(PageVersion a, PageVersion b) throws IOException {
        if (a.page() != b.page()) {
            throw new IllegalArgumentException("versions of pages " + a.page() + " and " + b.page());
        }
        long pgno = a.page();
        byte[] da = input.read(a);
        byte[] db = input.read(b);
        int usable = input.usableSize();
        BTreePage pa = BTreePage.decode(pgno, da, usable);
        BTreePage pb = BTreePage.decode(pgno, db, usable);
        int changed = 0;
        for (int i = 0; i < da.length; i++) {
            if (da[i] != db[i]) {
                changed++;
            }
        }
        boolean cellLevel = pa.type() != null && pb.type() != null && pa.type().isTable() == pb.type().isTable();
        List<HeaderChange> header = new ArrayList<>();
        if (pgno == 1) {
            databaseHeaderChanges(da, db, header);
        }
        btreeHeaderChanges(pgno, pa, pb, cellLevel, header);
        List<CellChange> cells = List.of();
        List<ByteRange> ranges = new ArrayList<>();
        int rangeCount = 0;
        if (cellLevel && changed > 0) {
            cells = cellChanges(pa, viewFor(a), pb, viewFor(b));
        } else if (!cellLevel) {
            rangeCount = byteRanges(da, db, ranges);
        }
        return new PageDiff(pgno, a, b, PageSummary.of(pa), PageSummary.of(pb), changed, cellLevel, header, cells,
                freeblocks(pa), freeblocks(pb), ranges, rangeCount);
    }

    private PageSource viewFor(PageVersion v) {
        int commit = switch (v.status()) {
            case DATABASE_FILE -> 0;
            case COMMITTED -> v.commit();
            default -> input.commits().size();
        };
        return views.computeIfAbsent(commit, input::view);
    }

    private static void databaseHeaderChanges(byte[] da, byte[] db, List<HeaderChange> out) {
        List<HeaderField> fa = DatabaseHeader.decode(Arrays.copyOf(da, DatabaseHeader.SIZE), 0).fields();
        List<HeaderField> fb = DatabaseHeader.decode(Arrays.copyOf(db, DatabaseHeader.SIZE), 0).fields();
        for (int i = 0; i < Math.min(fa.size(), fb.size()); i++) {
            HeaderField x = fa.get(i);
            HeaderField y = fb.get(i);
            Span s = x.span();
            boolean differ = !Arrays.equals(da, (int) s.offset(), (int) s.end(), db, (int) s.offset(), (int) s.end());
            if (differ) {
                out.add(new HeaderChange(x.name(), x.raw(), y.raw(), s));
            }
        }
    }

    private static void btreeHeaderChanges(long pgno, BTreePage pa, BTreePage pb, boolean cellLevel,
                                           List<HeaderChange> out) {
        int h = BTreePage.headerOffset(pgno);
        byte[] da = pa.data();
        byte[] db = pb.data();
        field(out, pgno, "pageType", h, 1, da, db);
        if (!cellLevel) {
            return;
        }
        field(out, pgno, "firstFreeblock", h + 1, 2, da, db);
        field(out, pgno, "cellCount", h + 3, 2, da, db);
        field(out, pgno, "cellContentStart", h + 5, 2, da, db);
        field(out, pgno, "fragmentedFreeBytes", h + 7, 1, da, db);
        boolean interior = !pa.type().isLeaf() || !pb.type().isLeaf();
        if (interior) {
            field(out, pgno, "rightChild", h + 8, 4, da, db);
        }
    }

    private static void field(List<HeaderChange> out, long pgno, String name, int offset, int length, byte[] a,
                              byte[] b) {
        if (offset + length > Math.min(a.length, b.length)) {
            return;
        }
        long x = uint(a, offset, length);
        long y = uint(b, offset, length);
        if (x != y) {
            out.add(new HeaderChange(name, x, y, Span.inPage(pgno, offset, length)));
        }
    }

    private static long uint(byte[] d, int offset, int length) {
        return switch (length) {
            case 1 -> BigEndian.u8(d, offset);
            case 2 -> BigEndian.u16(d, offset);
            default -> BigEndian.u32(d, offset);
        };
    }

    private static List<FreeblockRef> freeblocks(BTreePage p) {
        List<FreeblockRef> out = new ArrayList<>(p.freeblocks().size());
        for (Freeblock f : p.freeblocks()) {
            out.add(new FreeblockRef(f.offset(), f.size()));
        }
        return out;
    }

    /** Runs of differing bytes; returns how many there are, keeping the first {@link PageDiff#MAX_RANGES}. */
    private static int byteRanges(byte[] a, byte[] b, List<ByteRange> out) {
        int count = 0;
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n) {
            if (a[i] == b[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && a[i] != b[i]) {
                i++;
            }
            if (count++ < PageDiff.MAX_RANGES) {
                out.add(new ByteRange(start, i - start));
            }
        }
        return count;
    }

    /** A cell of one version with what it is matched and compared by. */
    private record Entry(Cell cell, CellRef ref, Object match, CellKey key, byte[] payload) {
    }

    private List<CellChange> cellChanges(BTreePage pa, PageSource va, BTreePage pb, PageSource vb)
            throws IOException {
        boolean table = pa.type().isTable();
        List<Entry> ea = entries(pa, va);
        List<Entry> eb = entries(pb, vb);
        Map<Object, Deque<Entry>> byKey = new HashMap<>();
        for (Entry e : ea) {
            byKey.computeIfAbsent(e.match(), k -> new ArrayDeque<>()).add(e);
        }
        List<CellChange> out = new ArrayList<>();
        for (Entry e : eb) {
            Deque<Entry> candidates = byKey.get(e.match());
            Entry old = candidates == null || candidates.isEmpty() ? null : take(candidates, e);
            if (old == null) {
                out.add(new CellChange(CellChange.Kind.ADDED, e.key(), null, e.ref(), false, false, false, false));
                continue;
            }
            boolean payload = !Arrays.equals(old.payload(), e.payload())
                    || old.ref().payloadSize() != e.ref().payloadSize();
            boolean overflow = old.ref().firstOverflow() != e.ref().firstOverflow();
            boolean child = old.ref().leftChild() != e.ref().leftChild();
            boolean moved = old.ref().offset() != e.ref().offset();
            CellChange.Kind kind = payload || overflow || child ? CellChange.Kind.CHANGED
                    : moved ? CellChange.Kind.MOVED : null;
            if (kind != null) {
                out.add(new CellChange(kind, e.key(), old.ref(), e.ref(), payload, overflow, child, moved));
            }
        }
        for (Deque<Entry> left : byKey.values()) {
            for (Entry e : left) {
                out.add(new CellChange(CellChange.Kind.REMOVED, e.key(), e.ref(), null, false, false, false, false));
            }
        }
        Comparator<CellChange> order = table
                ? Comparator.comparingLong((CellChange c) -> c.key().rowid())
                        .thenComparing(c -> c.kind() == CellChange.Kind.REMOVED ? 0 : 1)
                : Comparator.comparingInt((CellChange c) -> c.after() != null ? c.after().index() : c.before().index())
                        .thenComparing(c -> c.kind() == CellChange.Kind.REMOVED ? 0 : 1);
        out.sort(order);
        return out;
    }

    /** Among cells with the key of {@code e}, the one with the same left child, else the first. */
    private static Entry take(Deque<Entry> candidates, Entry e) {
        for (var it = candidates.iterator(); it.hasNext(); ) {
            Entry c = it.next();
            if (c.ref().leftChild() == e.ref().leftChild()) {
                it.remove();
                return c;
            }
        }
        return candidates.pollFirst();
    }

    private List<Entry> entries(BTreePage page, PageSource view) throws IOException {
        PayloadReader payloads = new PayloadReader(view, input.usableSize());
        RecordDecoder records = new RecordDecoder(input.encoding(), false);
        List<Entry> out = new ArrayList<>(page.cellCount());
        for (int i = 0; i < page.cellCount(); i++) {
            Cell c = page.cell(i);
            if (c == null) {
                continue;
            }
            long child = c instanceof InteriorCell ic ? ic.leftChild() : 0;
            byte[] payload = new byte[0];
            long overflow = 0;
            long size = 0;
            Payload assembled = null;
            if (c instanceof PayloadCell pc) {
                overflow = pc.payload().firstOverflow();
                size = pc.payload().declaredSize();
                assembled = payloads.read(page.data(), pc.payload());
                payload = Arrays.copyOfRange(assembled.bytes(), assembled.start(),
                        assembled.start() + assembled.length());
            }
            CellRef ref = new CellRef(i, c.offset(), c.size(), child, overflow, size, c.span());
            Object match;
            CellKey key;
            if (c instanceof TableLeafCell l) {
                match = l.rowid();
                key = CellKey.ofRowid(l.rowid());
            } else if (c instanceof TableInteriorCell t) {
                match = t.rowid();
                key = CellKey.ofRowid(t.rowid());
            } else {
                match = ByteBuffer.wrap(payload);
                key = new CellKey(null, records.decode(assembled).values());
            }
            out.add(new Entry(c, ref, match, key, payload));
        }
        return out;
    }
}
