package dev.loupe.format.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadPiece;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeCensus;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.freelist.Freelist;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.MemoryPageSource;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzz targets for the decoders (Jazzer). In a plain {@code mvn test} / {@code verify} they run in
 * regression mode over the committed inputs in {@code src/test/resources/dev/loupe/format/robustness/
 * PageDecodingFuzzTestInputs/<method>/} (real pages and records from the samples, plus every crash fuzzing found);
 * with {@code JAZZER_FUZZ=1} one target at a time is fuzzed, e.g.
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl file-format test -Dtest='PageDecodingFuzzTest#onePage'}.
 *
 * <p>A target fails on any exception (decoders report damage as problems and never throw on bad bytes) and on
 * a span outside its page. Inputs are raw bytes with a small prefix the target reads its parameters from, so that
 * a seed is a real page or record with a byte or two in front (see each method).
 */
class PageDecodingFuzzTest {

    /**
     * One b-tree page. Input: byte 0 = page size exponent (bits 0-2: 512 << n) and page number selector (bits 3-7),
     * byte 1 = reserved bytes per page, then the image (padded with zeros to whole pages). The chosen page is
     * decoded with every cell, payload (overflow chains followed through the image's other pages), and record in
     * every text encoding; the tree under it is walked; it is also read as a pointer-map page and a freelist
     * trunk; and the raw input after the prefix, of whatever length, is decoded as a page too.
     */
    @FuzzTest(maxDuration = "5m")
    void onePage(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        int pageSize = 512 << (input[0] & 7);
        int reserved = input[1] & 0xff;
        int usable = pageSize - reserved >= 480 ? pageSize - reserved : pageSize;
        byte[] raw = Arrays.copyOfRange(input, 2, input.length);
        int pages = Math.max(1, (raw.length + pageSize - 1) / pageSize);
        MemoryPageSource source = new MemoryPageSource(Arrays.copyOf(raw, pages * pageSize), pageSize, "fuzz");
        long pgno = 1 + ((input[0] & 0xff) >>> 3) % pages;

        decodeEverything(source, pgno, source.read(pgno), usable);
        decodeEverything(source, pgno, raw, usable);

        List<Problem> problems = new ArrayList<>();
        new BTreeWalker(source, usable).walk(pgno, new TreeVisitor() {
            @Override
            public void problem(Problem p) {
                problems.add(p);
            }
        });
        problems.addAll(TreeCensus.of(source, usable, pgno, new PageSet()).problems());
        problems.addAll(PointerMap.decode(source.read(pgno), pgno, usable, pages).problems());
        problems.addAll(Freelist.walk(source, pgno, pages, usable).problems());
        assertSpansInside(problems, pageSize);
    }

    /** A whole database image, read completely: header, schema, page map, every table, every page. */
    @FuzzTest(maxDuration = "5m")
    void wholeImage(byte[] image) throws IOException {
        try (Database db = Database.fromImage(image, "fuzz")) {
            assertThat(FullRead.of(db).spanViolations()).isEmpty();
        }
    }

    /**
     * A record over arbitrary payload bytes. Input: byte 0 = text encoding (bits 0-1), text checking (bit 2) and
     * how the declared payload size relates to the bytes present (bits 3-4: equal, more by bits 5-7, or 2^31-17),
     * then the payload.
     */
    @FuzzTest(maxDuration = "5m")
    void record(byte[] input) {
        if (input.length < 1) {
            return;
        }
        int flags = input[0] & 0xff;
        TextEncoding encoding = TextEncoding.values()[(flags & 3) % TextEncoding.values().length];
        boolean checkText = (flags & 4) != 0;
        int length = input.length - 1;
        long declared = switch ((flags >>> 3) & 3) {
            case 1 -> length + (flags >>> 5);
            case 2 -> Integer.MAX_VALUE - 16;
            default -> length;
        };
        Payload payload = new Payload(input, 1, length, declared,
                List.of(new PayloadPiece(0, Span.inPage(2, 0, length))), new long[0], List.of());
        Record r = new RecordDecoder(encoding, checkText).decode(payload);
        touch(r, payload);
    }

    private static void decodeEverything(MemoryPageSource source, long pgno, byte[] data, int usable)
            throws IOException {
        BTreePage page = BTreePage.decode(pgno, data, usable);
        PayloadReader payloads = new PayloadReader(source, usable);
        List<Problem> problems = new ArrayList<>(page.problems());
        for (int i = 0; i < page.cellCount(); i++) {
            Cell c = page.cell(i);
            if (c == null) {
                continue;
            }
            problems.addAll(c.problems());
            if (page.type() != null && !page.type().isLeaf()) {
                page.child(i);
            }
            if (c instanceof PayloadCell pc) {
                payloads.overflowChain(pc.payload(), problems);
                Payload payload = payloads.read(page.data(), pc.payload());
                problems.addAll(payload.problems());
                for (TextEncoding e : TextEncoding.values()) {
                    Record r = new RecordDecoder(e, true).decode(payload);
                    problems.addAll(r.problems());
                    touch(r, payload);
                }
            }
        }
        page.freeblocks();
        page.unallocatedBytes();
        assertSpansInside(problems, source.pageSize());
    }

    private static void touch(Record r, Payload payload) {
        for (Field f : r.fields()) {
            String.valueOf(f.value());
            payload.spans(f.typeOffset(), f.typeLength());
            if (f.value() != null) {
                payload.spans(f.bodyOffset(), (int) f.bodyLength());
            }
        }
        r.values();
    }

    private static void assertSpansInside(List<Problem> problems, int pageSize) {
        for (Problem p : problems) {
            if (p.span().isInPage()) {
                assertThat(p.span().end()).as("span of %s", p).isLessThanOrEqualTo(pageSize);
            }
        }
    }
}
