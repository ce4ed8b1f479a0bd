package dev.loupe.repro.file;

import dev.loupe.format.Database;
import dev.loupe.format.SchemaEntry;
import dev.loupe.format.SchemaSnapshot;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every page number lives in a database image: b-tree child pointers, overflow pointers, freelist links,
 * the root pages in sqlite_schema, and which pages the file's structures reach. Built by walking from page 1,
 * every schema root and the freelist with a visited set, so loops and pointers past the end are recorded but not
 * followed. The reducer renumbers pages by rewriting exactly these fields.
 */
final class Layout {

    /** A 4-byte big-endian page number at {@code offset} of page {@code page}. */
    record Pointer(long page, int offset) {
    }

    /** A schema row's rootpage integer, stored big-endian in {@code width} bytes at {@code offset} of page. */
    record RootField(long page, int offset, int width, long value) {
    }

    /** A b-tree page reached from a root, with its tree's root. */
    record TreePage(long page, long root, int depth) {
    }

    final Set<Long> reachable = new LinkedHashSet<>();
    final List<Pointer> pointers = new ArrayList<>();
    final List<RootField> roots = new ArrayList<>();
    final List<TreePage> treePages = new ArrayList<>();
    /** The root of the tree each b-tree page of {@link #treePages} was reached from. */
    final Map<Long, Long> rootOf = new LinkedHashMap<>();
    final Map<Long, Long> overflowOwner = new LinkedHashMap<>();
    final List<Long> trunks = new ArrayList<>();
    final List<SchemaEntry> schema = new ArrayList<>();
    private final DbImage image;

    private Layout(DbImage image) {
        this.image = image;
    }

    static Layout of(DbImage image) {
        Layout l = new Layout(image);
        l.scan();
        return l;
    }

    private void scan() {
        long count = image.pageCount();
        if (count == 0) {
            return;
        }
        Database db = Database.fromImage(image.bytes(), "layout");
        List<Long> treeRoots = new ArrayList<>();
        treeRoots.add(1L);
        try {
            SchemaSnapshot snapshot = db.schemaSnapshot();
            schema.addAll(snapshot.entries());
            for (SchemaEntry e : snapshot.entries()) {
                RootField f = rootField(db, e);
                if (f != null) {
                    roots.add(f);
                }
                if (e.row().rootPage() > 0) {
                    treeRoots.add(e.row().rootPage());
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable schema leaves only page 1 as a known root
        }
        PayloadReader payloads = new PayloadReader(db.pages(), db.usableSize());
        for (long root : treeRoots) {
            walkTree(root, payloads);
        }
        walkFreelist();
        if (image.autoVacuum()) {
            for (long p = 2; p <= count; p++) {
                if (image.isPtrmapPosition(p)) {
                    reachable.add(p);
                }
            }
        }
    }

    private RootField rootField(Database db, SchemaEntry e) throws IOException {
        if (!image.hasPage(e.page())) {
            return null;
        }
        BTreePage page = BTreePage.decode(e.page(), image.page(e.page()), image.usableSize());
        Cell c = page.cell(e.cellIndex());
        if (!(c instanceof PayloadCell pc) || pc.payload().overflows()) {
            return null;
        }
        Payload payload = new PayloadReader(db.pages(), db.usableSize()).read(page.data(), pc.payload());
        Record r = new RecordDecoder(db.encoding(), false).decode(payload);
        if (r.fields().size() < 4) {
            return null;
        }
        Field f = r.fields().get(3);
        if (f.serialType() < 1 || f.serialType() > 6 || f.serialType() == 5) {
            return null; // 0, 8, 9 (no body) or a 6-byte integer: left as it is
        }
        int width = (int) f.bodyLength();
        int offset = pc.payload().localOffset() + (int) f.bodyOffset();
        return new RootField(e.page(), offset, width, e.row().rootPage());
    }

    private void walkTree(long root, PayloadReader payloads) {
        Deque<TreePage> todo = new ArrayDeque<>();
        if (!reach(root)) {
            return;
        }
        todo.add(new TreePage(root, root, 0));
        while (!todo.isEmpty()) {
            TreePage tp = todo.poll();
            treePages.add(tp);
            rootOf.put(tp.page(), root);
            BTreePage page = BTreePage.decode(tp.page(), image.page(tp.page()), image.usableSize());
            if (page.type() == null) {
                continue;
            }
            for (int i = 0; i < page.cellCount(); i++) {
                Cell c = page.cell(i);
                if (c instanceof InteriorCell ic) {
                    pointers.add(new Pointer(tp.page(), c.offset()));
                    if (reach(ic.leftChild())) {
                        todo.add(new TreePage(ic.leftChild(), root, tp.depth() + 1));
                    }
                }
                if (c instanceof PayloadCell pc && pc.payload().overflows()) {
                    pointers.add(new Pointer(tp.page(), pc.payload().overflowPointerOffset()));
                    walkOverflow(pc.payload().firstOverflow(), tp.page());
                }
            }
            if (!page.type().isLeaf()) {
                pointers.add(new Pointer(tp.page(), BTreePage.headerOffset(tp.page()) + 8));
                long right = page.header().rightChild();
                if (reach(right)) {
                    todo.add(new TreePage(right, root, tp.depth() + 1));
                }
            }
        }
    }

    private void walkOverflow(long first, long cellPage) {
        long p = first;
        long bound = image.pageCount();
        while (bound-- > 0 && reach(p)) {
            overflowOwner.put(p, cellPage);
            pointers.add(new Pointer(p, 0));
            p = image.u32(p, 0);
        }
    }

    private void walkFreelist() {
        long trunk = image.header32(32);
        long bound = image.pageCount();
        int maxLeaves = (image.usableSize() - 8) / 4;
        while (bound-- > 0 && reach(trunk)) {
            trunks.add(trunk);
            pointers.add(new Pointer(trunk, 0));
            long n = Math.min(image.u32(trunk, 4), maxLeaves);
            for (int i = 0; i < n; i++) {
                pointers.add(new Pointer(trunk, 8 + 4 * i));
                reach(image.u32(trunk, 8 + 4 * i));
            }
            trunk = image.u32(trunk, 0);
        }
    }

    /** Marks {@code p} reached; true if it is a page of the file not reached before (so it is to be walked). */
    private boolean reach(long p) {
        return image.hasPage(p) && reachable.add(p);
    }

    /** Pages of the file that nothing reaches (page 1 always counts as reached). */
    Set<Long> orphans() {
        Set<Long> out = new LinkedHashSet<>();
        for (long p = 2; p <= image.pageCount(); p++) {
            if (!reachable.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
