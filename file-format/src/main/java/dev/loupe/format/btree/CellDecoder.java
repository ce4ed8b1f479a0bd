package dev.loupe.format.btree;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.Varint;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one cell at a given offset of a b-tree page. Everything is bounded by the usable area: a varint or a
 * local payload running past it is clipped and reported, never read beyond.
 */
final class CellDecoder {

    private CellDecoder() {
    }

    static Cell decode(byte[] data, long page, PageType type, int index, int offset, int usableSize) {
        List<Problem> problems = null; // allocated only for a damaged cell
        int limit = Math.min(usableSize, data.length);
        int p = offset;
        long leftChild = 0;
        if (!type.isLeaf()) {
            if (p + 4 > limit) {
                problems = add(problems, new Problem(ProblemKind.CELL_OVERFLOWS_PAGE, Span.inPage(page, offset, Math.max(0, limit - offset)),
                        "cell " + index + " at offset " + offset + " extends off the end of the page"));
                return truncated(page, type, index, offset, Math.max(0, limit - offset), problems);
            }
            leftChild = BigEndian.u32(data, p);
            p += 4;
        }
        if (type == PageType.TABLE_INTERIOR) {
            int n = Varint.length(data, p, limit);
            if (n == 0) {
                problems = add(problems, varintProblem(page, offset, limit, index, "rowid"));
                return new TableInteriorCell(page, index, offset, limit - offset, leftChild, 0, 0, List.copyOf(problems));
            }
            return new TableInteriorCell(page, index, offset, 4 + n, leftChild, Varint.value(data, p), n, List.of());
        }
        int sizeLen = Varint.length(data, p, limit);
        if (sizeLen == 0) {
            problems = add(problems, varintProblem(page, offset, limit, index, "payload size"));
            return truncated(page, type, index, offset, limit - offset, problems);
        }
        long declared = Varint.value(data, p);
        int sizeOff = p;
        p += sizeLen;
        long rowid = 0;
        int rowidOff = p;
        int rowidLen = 0;
        if (type == PageType.TABLE_LEAF) {
            rowidLen = Varint.length(data, p, limit);
            if (rowidLen == 0) {
                problems = add(problems, varintProblem(page, offset, limit, index, "rowid"));
                return truncated(page, type, index, offset, limit - offset, problems);
            }
            rowid = Varint.value(data, p);
            p += rowidLen;
        }
        if (declared < 0) {
            problems = add(problems, new Problem(ProblemKind.PAYLOAD_SIZE, Span.inPage(page, sizeOff, sizeLen),
                    "cell " + index + " declares a negative payload size " + declared));
            declared = 0;
        }
        int expectedLocal = PayloadSizes.localSize(declared, usableSize, type == PageType.TABLE_LEAF);
        boolean overflows = expectedLocal < declared;
        int available = Math.max(0, limit - p);
        int local = Math.min(expectedLocal, available);
        long firstOverflow = 0;
        int ovflOff = -1;
        int end = p + local;
        if (local < expectedLocal || (overflows && end + 4 > limit)) {
            problems = add(problems, new Problem(ProblemKind.CELL_OVERFLOWS_PAGE, Span.inPage(page, offset, limit - offset),
                    "cell " + index + " at offset " + offset + " extends off the end of the page: it needs "
                            + (p - offset + expectedLocal + (overflows ? 4 : 0)) + " bytes, " + (limit - offset)
                            + " remain before the usable end " + usableSize));
        } else if (overflows) {
            ovflOff = end;
            firstOverflow = BigEndian.u32(data, end);
            end += 4;
        }
        LocalPayload payload = new LocalPayload(page, declared, sizeOff, sizeLen, p, local, expectedLocal,
                firstOverflow, ovflOff);
        List<Problem> ps = problems == null ? List.of() : List.copyOf(problems);
        int size = end - offset;
        return switch (type) {
            case TABLE_LEAF -> new TableLeafCell(page, index, offset, size, rowid, rowidOff, rowidLen, payload, ps);
            case INDEX_LEAF -> new IndexLeafCell(page, index, offset, size, payload, ps);
            case INDEX_INTERIOR -> new IndexInteriorCell(page, index, offset, size, leftChild, payload, ps);
            case TABLE_INTERIOR -> throw new IllegalStateException("handled above");
        };
    }

    private static List<Problem> add(List<Problem> problems, Problem p) {
        List<Problem> out = problems == null ? new ArrayList<>(2) : problems;
        out.add(p);
        return out;
    }

    private static Problem varintProblem(long page, int offset, int limit, int index, String what) {
        return new Problem(ProblemKind.VARINT_TRUNCATED, Span.inPage(page, offset, Math.max(0, limit - offset)),
                "cell " + index + ": the " + what + " varint runs off the end of the page");
    }

    /** A cell whose fixed part could not be read: an empty payload marks it. */
    private static Cell truncated(long page, PageType type, int index, int offset, int size, List<Problem> problems) {
        LocalPayload none = new LocalPayload(page, 0, offset, 0, offset, 0, 0, 0, -1);
        List<Problem> ps = List.copyOf(problems);
        return switch (type) {
            case TABLE_LEAF -> new TableLeafCell(page, index, offset, size, 0, offset, 0, none, ps);
            case TABLE_INTERIOR -> new TableInteriorCell(page, index, offset, size, 0, 0, 0, ps);
            case INDEX_LEAF -> new IndexLeafCell(page, index, offset, size, none, ps);
            case INDEX_INTERIOR -> new IndexInteriorCell(page, index, offset, size, 0, none, ps);
        };
    }
}
