package dev.loupe.format.robustness;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.SchemaEntry;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.freelist.Freelist;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.HeaderField;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowSink;
import dev.loupe.format.table.TableReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives every public decoding path of the reader over one database: the header and its fields, the schema, the
 * page map (every tree, the freelist, the pointer map), every table through {@link TableReader}, and every page
 * decoded as a b-tree page with every cell, payload (overflow chain included) and record. Whatever is decoded is
 * touched (values rendered, spans walked) so that lazily computed parts run too.
 *
 * <p>Besides "no exception", it checks one cheap invariant the whole toolkit relies on: every span a problem or a
 * field points at lies inside the page it names (the CLI's annotated hex and the GUI highlight those bytes).
 * Violations are collected in {@link #spanViolations()} rather than thrown, so the caller can report them all.
 */
final class FullRead {

    /** Span checks stop collecting after this many, to keep failure reports short. */
    private static final int MAX_VIOLATIONS = 5;

    private final Database db;
    private final List<String> spanViolations = new ArrayList<>();
    /** Sums of what was read, so the JIT cannot drop the work and so tests can see something happened. */
    private long touched;

    private FullRead(Database db) {
        this.db = db;
    }

    /** Reads everything; returns what was found odd about spans (empty when all spans lie inside their pages). */
    static FullRead of(Database db) throws IOException {
        FullRead r = new FullRead(db);
        r.run();
        return r;
    }

    List<String> spanViolations() {
        return spanViolations;
    }

    long touched() {
        return touched;
    }

    private void run() throws IOException {
        header(db.header());
        problems(db.problems());
        touched += db.pageSize() + db.usableSize() + db.pageCount() + db.encoding().ordinal();

        for (SchemaEntry e : db.schemaSnapshot().entries()) {
            touched += e.rowid() + e.page() + String.valueOf(e.row()).length();
        }
        problems(db.schemaSnapshot().problems());
        List<Table> tables = db.schema().tables();
        for (Index i : db.schema().indexes()) {
            touched += i.rootPage() + String.valueOf(i.name()).length();
        }

        PageMap map = PageMap.build(db);
        problems(map.problems());
        for (long p = 1; p <= map.pageCount(); p++) {
            touched += map.kind(p).ordinal() + (map.owner(p) == null ? 0 : 1);
        }
        touched += map.countsByKind().size() + map.objects().size() + map.freelist().pageTotal();

        TableReader reader = new TableReader(db);
        for (Table t : tables) {
            reader.read(t, new RowSink() {
                @Override
                public boolean row(Row row) {
                    touched += row.cellIndex() + row.page() + (row.rowid() == null ? 0 : row.rowid());
                    for (Value v : row.values()) {
                        touched += String.valueOf(v).length();
                    }
                    problems(row.problems());
                    return true;
                }

                @Override
                public void problem(Problem problem) {
                    problems(List.of(problem));
                }
            });
        }

        Freelist freelist = Freelist.walk(db.pages(), db.header().firstFreelistTrunkPage(),
                db.header().freelistPageCount(), db.usableSize());
        problems(freelist.problems());
        everyPage(db.pages(), db.usableSize());
    }

    private void header(DatabaseHeader h) {
        for (HeaderField f : h.fields()) {
            touched += f.raw() + f.meaning().length();
            span(f.span(), f);
        }
        touched += h.pageSize() + h.usableSize() + h.effectivePageCount(db.fileSize())
                + (h.textEncoding() == null ? 0 : 1) + h.reservedForExpansion().length;
        problems(h.problems());
    }

    /** Every page as a b-tree page, whatever the page map says it is: damaged files lie about what pages are. */
    private void everyPage(PageSource pages, int usable) throws IOException {
        PayloadReader payloads = new PayloadReader(pages, usable);
        RecordDecoder records = new RecordDecoder(db.encoding(), true);
        boolean autoVacuum = db.header().autoVacuum();
        for (long p = 1; p <= pages.pageCount(); p++) {
            byte[] data = pages.read(p);
            if (data == null) {
                continue;
            }
            if (autoVacuum && PointerMap.isPtrmapPage(p, usable)) {
                problems(PointerMap.decode(data, p, usable, pages.pageCount()).problems());
            }
            BTreePage page = BTreePage.decode(p, data, usable);
            problems(page.problems());
            touched += page.unallocatedBytes() + page.header().cellContentStart();
            for (Freeblock fb : page.freeblocks()) {
                span(fb.span(), "freeblock");
            }
            for (int i = 0; i < page.cellCount(); i++) {
                span(page.cellPointerSpan(i), "cell pointer");
                Cell c = page.cell(i);
                if (c == null) {
                    continue;
                }
                span(c.span(), "cell");
                problems(c.problems());
                if (c instanceof InteriorCell ic) {
                    touched += ic.leftChild() + page.child(i);
                    span(ic.leftChildSpan(), "left child");
                }
                if (c instanceof TableLeafCell leaf) {
                    span(leaf.rowidSpan(), "rowid");
                }
                if (c instanceof PayloadCell pc) {
                    payload(payloads, records, page, pc);
                }
            }
            if (page.type() != null && !page.type().isLeaf()) {
                touched += page.child(page.cellCount());
            }
        }
    }

    private void payload(PayloadReader payloads, RecordDecoder records, BTreePage page, PayloadCell cell)
            throws IOException {
        span(cell.payload().localSpan(), "local payload");
        span(cell.payload().sizeVarintSpan(), "payload size varint");
        if (cell.payload().overflows()) {
            span(cell.payload().overflowPointerSpan(), "overflow pointer");
            List<Problem> chainProblems = new ArrayList<>();
            touched += payloads.overflowChain(cell.payload(), chainProblems).length;
            problems(chainProblems);
        }
        Payload payload = payloads.read(page.data(), cell.payload());
        problems(payload.problems());
        touched += payload.length() + payload.overflowPages().length + (payload.complete() ? 1 : 0);
        Record record = records.decode(payload);
        problems(record.problems());
        for (Field f : record.fields()) {
            touched += String.valueOf(f.value()).length();
            for (Span s : payload.spans(f.typeOffset(), f.typeLength())) {
                span(s, "serial type");
            }
            if (f.value() != null) {
                for (Span s : payload.spans(f.bodyOffset(), (int) f.bodyLength())) {
                    span(s, "value");
                }
            }
        }
    }

    private void problems(List<Problem> ps) {
        for (Problem p : ps) {
            touched += p.message().length() + p.kind().code().length();
            span(p.span(), p);
        }
    }

    /**
     * A page span must lie inside its page (offset + length <= page size) and name a u32 page; file spans are not
     * checked here. {@code what} is rendered only for a violation: damaged pages carry thousands of problems.
     */
    private void span(Span s, Object what) {
        if (s == null) {
            violation("null span for " + what);
            return;
        }
        if (s.isInPage() && (s.end() > db.pageSize() || s.page() > 0xffffffffL)) {
            violation(what + ": " + s + " lies outside its " + db.pageSize() + "-byte page");
        }
    }

    private void violation(String v) {
        if (spanViolations.size() < MAX_VIOLATIONS) {
            spanViolations.add(v);
        }
    }
}
