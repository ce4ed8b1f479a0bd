package dev.loupe.samples.corrupt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A database file (and its -wal, if any) held in memory while a corruption is applied: big-endian accessors and a
 * tiny parser that locates targets (schema roots, b-tree pages, cells, record fields, freelist, pointer map) by
 * reading the file as fileformat2.html describes it. Deliberately independent of the file-format module, which
 * sits above samples; it assumes an intact base file and throws IllegalStateException when a target is missing.
 */
public final class Image {
    private byte[] db;
    private byte[] wal;

    Image(byte[] db, byte[] wal) {
        this.db = db.clone();
        this.wal = wal == null ? null : wal.clone();
    }

    public byte[] db() {
        return db;
    }

    public byte[] wal() {
        return wal;
    }

    // --- raw bytes (absolute file offsets) ---

    public int u8(int pos) {
        return db[pos] & 0xff;
    }

    public int u16(int pos) {
        return (u8(pos) << 8) | u8(pos + 1);
    }

    public long u32(int pos) {
        return ((long) u16(pos) << 16) | u16(pos + 2);
    }

    public void put8(int pos, int v) {
        db[pos] = (byte) v;
    }

    public void put16(int pos, int v) {
        db[pos] = (byte) (v >>> 8);
        db[pos + 1] = (byte) v;
    }

    public void put32(int pos, long v) {
        put16(pos, (int) (v >>> 16) & 0xffff);
        put16(pos + 2, (int) v & 0xffff);
    }

    public void truncate(int length) {
        db = Arrays.copyOf(db, length);
    }

    public void append(byte[] bytes) {
        byte[] n = Arrays.copyOf(db, db.length + bytes.length);
        System.arraycopy(bytes, 0, n, db.length, bytes.length);
        db = n;
    }

    // --- header (fileformat2 §1.3) ---

    public int pageSize() {
        int p = u16(16);
        return p == 1 ? 65536 : p;
    }

    public int usableSize() {
        return pageSize() - u8(20);
    }

    public int pageCount() {
        return db.length / pageSize();
    }

    /** Absolute offset of the first byte of page {@code page}. */
    public int pageStart(int page) {
        return (page - 1) * pageSize();
    }

    // --- b-tree pages (fileformat2 §1.6) ---

    /** Absolute offset of the b-tree page header (byte 100 of page 1). */
    public int header(int page) {
        return pageStart(page) + (page == 1 ? 100 : 0);
    }

    public int type(int page) {
        return u8(header(page));
    }

    public boolean isLeaf(int page) {
        return type(page) == 10 || type(page) == 13;
    }

    public boolean isTable(int page) {
        return type(page) == 5 || type(page) == 13;
    }

    public int cellCount(int page) {
        return u16(header(page) + 3);
    }

    public int headerSize(int page) {
        return isLeaf(page) ? 8 : 12;
    }

    /** Absolute position of the 2-byte pointer of cell {@code i}. */
    public int cellPointerPos(int page, int i) {
        return header(page) + headerSize(page) + 2 * i;
    }

    /** Absolute position of cell {@code i}. */
    public int cellPos(int page, int i) {
        return pageStart(page) + u16(cellPointerPos(page, i));
    }

    public int rightChildPos(int page) {
        return header(page) + 8;
    }

    /** Children in key order (left children of the cells, then the right child). */
    public List<Integer> children(int page) {
        List<Integer> out = new ArrayList<>();
        if (isLeaf(page)) {
            return out;
        }
        for (int i = 0; i < cellCount(page); i++) {
            out.add((int) u32(cellPos(page, i)));
        }
        out.add((int) u32(rightChildPos(page)));
        return out;
    }

    /** Pages of the tree at {@code root}, level by level: element 0 is [root]. */
    public List<List<Integer>> levels(int root) {
        List<List<Integer>> levels = new ArrayList<>();
        List<Integer> level = List.of(root);
        while (!level.isEmpty() && levels.size() < 20) {
            levels.add(level);
            List<Integer> next = new ArrayList<>();
            for (int p : level) {
                next.addAll(children(p));
            }
            level = next;
        }
        return levels;
    }

    public List<Integer> leaves(int root) {
        List<List<Integer>> l = levels(root);
        return l.get(l.size() - 1);
    }

    /** Interior pages of the tree, root first. */
    public List<Integer> interiors(int root) {
        List<Integer> out = new ArrayList<>();
        List<List<Integer>> l = levels(root);
        for (int i = 0; i < l.size() - 1; i++) {
            out.addAll(l.get(i));
        }
        return out;
    }

    public Cell cell(int page, int i) {
        return Cell.parse(this, page, i);
    }

    public List<Cell> cells(int page) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < cellCount(page); i++) {
            out.add(cell(page, i));
        }
        return out;
    }

    /** Root page of the table or index named {@code name}, read from sqlite_schema. */
    public int rootPage(String name) {
        for (int leaf : leaves(1)) {
            for (Cell c : cells(leaf)) {
                List<Field> f = c.fields();
                if (f.size() >= 4 && name.equals(c.text(f.get(1)))) {
                    return (int) c.integer(f.get(3));
                }
            }
        }
        throw new IllegalStateException("no schema object named " + name);
    }

    /** The sqlite_schema cell describing {@code name}. */
    public Cell schemaCell(String name) {
        for (int leaf : leaves(1)) {
            for (Cell c : cells(leaf)) {
                List<Field> f = c.fields();
                if (f.size() >= 4 && name.equals(c.text(f.get(1)))) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("no schema object named " + name);
    }

    /** Replaces {@code from} with {@code to} (same length, ASCII) in the local bytes of a cell. */
    public void replaceInCell(Cell c, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("replacement must keep the length");
        }
        byte[] f = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int end = c.payloadStart() + c.localSize();
        for (int p = c.payloadStart(); p + f.length <= end; p++) {
            if (Arrays.equals(db, p, p + f.length, f, 0, f.length)) {
                byte[] t = to.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(t, 0, db, p, t.length);
                return;
            }
        }
        throw new IllegalStateException("'" + from + "' not found in cell");
    }

    /** First cell in the tree at {@code root} (leaves, key order) that {@code test} accepts. */
    public Cell findCell(int root, java.util.function.Predicate<Cell> test) {
        for (int leaf : leaves(root)) {
            for (Cell c : cells(leaf)) {
                if (test.test(c)) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("no matching cell in tree " + root);
    }

    /**
     * Removes cell {@code i} from its page the way SQLite's dropCell does: the pointer array closes up and the
     * cell's bytes join the freeblock list (in address order), or the fragment count if shorter than 4 bytes.
     */
    public void deleteCell(int page, int i) {
        Cell c = cell(page, i);
        int n = cellCount(page);
        int ptr = cellPointerPos(page, i);
        System.arraycopy(db, ptr + 2, db, ptr, 2 * (n - i - 1));
        put16(cellPointerPos(page, n - 1), 0);
        put16(header(page) + 3, n - 1);
        int start = c.pos() - pageStart(page);
        int size = c.size();
        if (size < 4) {
            put8(header(page) + 7, u8(header(page) + 7) + size);
            return;
        }
        int prevLink = header(page) + 1;
        int next = u16(prevLink);
        while (next != 0 && next < start) {
            prevLink = pageStart(page) + next;
            next = u16(prevLink);
        }
        put16(pageStart(page) + start, next);
        put16(pageStart(page) + start + 2, size);
        put16(prevLink, start);
    }

    // --- freelist (fileformat2 §1.5) ---

    public List<Integer> freelistTrunks() {
        List<Integer> out = new ArrayList<>();
        long t = u32(32);
        while (t != 0 && out.size() < pageCount()) {
            out.add((int) t);
            t = u32(pageStart((int) t));
        }
        return out;
    }

    // --- pointer map (fileformat2 §1.7) ---

    /** Absolute position of the 5-byte pointer-map entry for page {@code page}. */
    public int ptrmapEntryPos(int page) {
        int per = usableSize() / 5;
        int map = 2;
        while (page > map + per) {
            map += per + 1;
        }
        return pageStart(map) + 5 * (page - map - 1);
    }

    public boolean isPtrmapPage(int page) {
        int per = usableSize() / 5;
        return page >= 2 && (page - 2) % (per + 1) == 0;
    }

    // --- WAL (walformat §4) ---

    public int walPageSize() {
        return (int) walU32(8);
    }

    public int walFrameCount() {
        return (wal.length - 32) / (24 + walPageSize());
    }

    public int walFrameStart(int frame) {
        return 32 + frame * (24 + walPageSize());
    }

    public long walU32(int pos) {
        return ((wal[pos] & 0xffL) << 24) | ((wal[pos + 1] & 0xff) << 16) | ((wal[pos + 2] & 0xff) << 8)
                | (wal[pos + 3] & 0xff);
    }

    public void walPut32(int pos, long v) {
        wal[pos] = (byte) (v >>> 24);
        wal[pos + 1] = (byte) (v >>> 16);
        wal[pos + 2] = (byte) (v >>> 8);
        wal[pos + 3] = (byte) v;
    }

    public void walFlip(int pos) {
        wal[pos] ^= (byte) 0x5a;
    }

    public void walTruncate(int length) {
        wal = Arrays.copyOf(wal, length);
    }

    /** Frame indexes (0-based) of the commit frames (non-zero database size). */
    public List<Integer> walCommitFrames() {
        List<Integer> out = new ArrayList<>();
        for (int f = 0; f < walFrameCount(); f++) {
            if (walU32(walFrameStart(f) + 4) != 0) {
                out.add(f);
            }
        }
        return out;
    }

    /** Recomputes the header checksum and every frame checksum from the salts and bytes now in the WAL. */
    public void walReseal() {
        boolean bigEndian = (walU32(0) & 1) == 1;
        long[] s = WalChecksum.of(wal, 0, 24, bigEndian, 0, 0);
        walPut32(24, s[0]);
        walPut32(28, s[1]);
        int ps = walPageSize();
        for (int f = 0; f < walFrameCount(); f++) {
            int at = walFrameStart(f);
            System.arraycopy(wal, 16, wal, at + 8, 8);
            s = WalChecksum.of(wal, at, 8, bigEndian, s[0], s[1]);
            s = WalChecksum.of(wal, at + 24, ps, bigEndian, s[0], s[1]);
            walPut32(at + 16, s[0]);
            walPut32(at + 20, s[1]);
        }
    }
}
