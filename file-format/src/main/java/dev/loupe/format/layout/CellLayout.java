package dev.loupe.format.layout;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.Span;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadPiece;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.SerialType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell taken apart to its bytes: the cell, its payload assembled from its overflow chain, its record, and a labelled
 * region for every field (fileformat2 §1.6 cell formats, §2.1 record format), on the cell's page and on its overflow
 * pages. Every region comes from a decoded span; payload bytes that no record field accounts for get a region too.
 *
 * @param cell     the decoded cell
 * @param payload  its payload (null for table-interior cells, which carry none)
 * @param record   its record (null when there is no payload)
 * @param regions  the labelled parts in field order; on several pages when the payload overflows
 * @param problems the cell's, the payload's and the record's problems
 */
public record CellLayout(Cell cell, Payload payload, Record record, List<Region> regions, List<Problem> problems) {

    /** Longest value literal shown in a label. */
    private static final int LABEL_VALUE_WIDTH = 24;

    public static CellLayout of(Cell cell, byte[] pageData, PageSource pages, int usableSize, TextEncoding encoding)
            throws IOException {
        List<Region> regions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(cell.problems());
        int i = cell.index();
        String prefix = "cell " + i + ": ";
        if (cell instanceof InteriorCell ic) {
            regions.add(new Region(ic.leftChildSpan(), RegionKind.CELL, i, prefix + "left child page = " + ic.leftChild()));
        }
        if (cell instanceof TableInteriorCell t) {
            if (t.rowidVarintLength() > 0) {
                regions.add(new Region(t.rowidSpan(), RegionKind.CELL, i, prefix + "rowid varint = " + t.rowid()));
            }
            return new CellLayout(cell, null, null, List.copyOf(regions), List.copyOf(problems));
        }
        LocalPayload local = ((PayloadCell) cell).payload();
        if (local.sizeVarintLength() == 0) {
            return new CellLayout(cell, null, null, List.copyOf(regions), List.copyOf(problems));
        }
        regions.add(new Region(local.sizeVarintSpan(), RegionKind.CELL, i, prefix + "payload size varint = "
                + local.declaredSize()));
        if (cell instanceof TableLeafCell t && t.rowidVarintLength() > 0) {
            regions.add(new Region(t.rowidSpan(), RegionKind.CELL, i, prefix + "rowid varint = " + t.rowid()));
        }
        Payload payload = new PayloadReader(pages, usableSize).read(pageData, local);
        problems.addAll(payload.problems());
        Record record = new RecordDecoder(encoding, true).decode(payload);
        problems.addAll(record.problems());
        List<Region> payloadParts = new ArrayList<>();
        if (record.headerSizeLength() > 0) {
            add(payloadParts, payload.spans(0, record.headerSizeLength()), i,
                    prefix + "record header size varint = " + record.headerSize());
        }
        for (Field f : record.fields()) {
            add(payloadParts, payload.spans(f.typeOffset(), f.typeLength()), i, prefix + "serial type " + f.index()
                    + " = " + f.serialType() + " (" + SerialType.describe(f.serialType()) + ")");
        }
        for (Field f : record.fields()) {
            if (f.bodyLength() > 0 && f.value() != null) {
                add(payloadParts, payload.spans(f.bodyOffset(), (int) f.bodyLength()), i, prefix + "value " + f.index()
                        + " (" + f.value().typeName() + ") = " + ValueText.brief(f.value(), LABEL_VALUE_WIDTH));
            }
        }
        for (PayloadPiece piece : payload.pieces()) {
            payloadParts.addAll(uncovered(piece.span(), payloadParts, i, prefix + "payload bytes outside the record"));
        }
        regions.addAll(payloadParts);
        if (local.overflows()) {
            regions.add(new Region(local.overflowPointerSpan(), RegionKind.CELL, i, prefix + "first overflow page = "
                    + local.firstOverflow()));
        }
        long[] chain = payload.overflowPages();
        for (int k = 0; k < chain.length; k++) {
            byte[] data = pages.read(chain[k]);
            long next = data == null ? 0 : BigEndian.u32(data, 0);
            regions.add(new Region(Span.inPage(chain[k], 0, 4), RegionKind.CELL, i, prefix + "overflow page "
                    + (k + 1) + " of " + chain.length + ": next page = " + next));
        }
        return new CellLayout(cell, payload, record, List.copyOf(regions), List.copyOf(problems));
    }

    /** The regions of this cell on page {@code page}. */
    public List<Region> regionsOn(long page) {
        return regions.stream().filter(r -> r.span().page() == page).toList();
    }

    private static void add(List<Region> out, List<Span> spans, int cell, String label) {
        for (Span s : spans) {
            if (s.length() > 0) {
                out.add(new Region(s, RegionKind.CELL, cell, label));
            }
        }
    }

    /** The parts of {@code whole} no region of {@code parts} covers. */
    static List<Region> uncovered(Span whole, List<Region> parts, int cell, String label) {
        List<Region> out = new ArrayList<>();
        List<Span> inside = parts.stream().map(Region::span)
                .filter(s -> s.page() == whole.page() && s.end() > whole.offset() && s.offset() < whole.end())
                .sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList();
        long at = whole.offset();
        for (Span s : inside) {
            if (s.offset() > at) {
                out.add(new Region(new Span(whole.page(), at, (int) (s.offset() - at)), RegionKind.CELL, cell, label));
            }
            at = Math.max(at, s.end());
        }
        if (at < whole.end()) {
            out.add(new Region(new Span(whole.page(), at, (int) (whole.end() - at)), RegionKind.CELL, cell, label));
        }
        return out;
    }

    static int byPosition(Region a, Region b) {
        int c = Long.compare(a.span().page(), b.span().page());
        return c != 0 ? c : Long.compare(a.span().offset(), b.span().offset());
    }
}
