package dev.loupe.format.record;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.header.TextEncoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a record (fileformat2 §2.1) from an assembled payload. Over-long or inconsistent headers, reserved serial
 * types 10 and 11, values running past the payload and text invalid in the database encoding are problems; the
 * values that can be read are still returned.
 */
public final class RecordDecoder {

    /** SQLite treats a record header larger than this as corrupt (vdbe.c, OP_Column: szHdr > 98307). */
    public static final long MAX_HEADER_SIZE = 98307;

    private final TextEncoding encoding;
    private final boolean checkText;

    /**
     * @param checkText whether to validate text bytes against the encoding (a little slower; the checker wants it)
     */
    public RecordDecoder(TextEncoding encoding, boolean checkText) {
        this.encoding = encoding;
        this.checkText = checkText;
    }

    /** The text encoding records are decoded in. */
    public TextEncoding encoding() {
        return encoding;
    }

    public Record decode(Payload payload) {
        return decode(payload, Integer.MAX_VALUE);
    }

    /**
     * Decodes the record's first {@code maxColumns} columns at most. A reader that needs only some columns (a
     * table's N stored columns: ask for N + 1 to learn that there are more) is spared the work of a damaged header
     * listing tens of thousands of serial types, which on a page of thousands of overlapping garbage cells adds up
     * to billions; SQLite's OP_Column likewise parses a header only as far as the column it reads. When the header
     * is not read to its end, the body-size consistency check is not made.
     */
    public Record decode(Payload payload, int maxColumns) {
        byte[] b = payload.bytes();
        int base = payload.start();
        int len = payload.length();
        long declared = payload.declaredSize();
        // Most records are well formed: the problem list is only allocated when there is one.
        List<Problem> problems = null;
        int hLen = Varint.length(b, base, base + len);
        if (hLen == 0) {
            problems = add(problems, problem(payload, ProblemKind.RECORD_HEADER, 0, len,
                    "record header size varint runs past the payload"));
            return new Record(0, 0, List.of(), problems);
        }
        long headerSize = Varint.value(b, base);
        long headerEnd = headerSize;
        if (headerSize < hLen || headerSize > declared || headerSize > MAX_HEADER_SIZE) {
            problems = add(problems, problem(payload, ProblemKind.RECORD_HEADER, 0, hLen, "record header size "
                    + headerSize + " is impossible for a payload of " + declared + " bytes"));
            headerEnd = Math.min(Math.max(headerSize, hLen), Math.min(len, MAX_HEADER_SIZE));
        }
        if (headerEnd > len) {
            headerEnd = len;
        }
        int hEnd = (int) headerEnd;
        // Each serial type takes at least one header byte, so this bounds the column count.
        List<Field> fields = new ArrayList<>(Math.max(0, Math.min(hEnd - hLen, 16)));
        int p = hLen;
        long body = headerSize;
        boolean pastEnd = false;
        while (p < hEnd && fields.size() < maxColumns) {
            int at = base + p;
            int tl;
            long type;
            if (b[at] >= 0) {
                // one-byte varint: every serial type below 128 (all numbers, text and blobs under 58 bytes)
                tl = 1;
                type = b[at];
            } else {
                tl = Varint.length(b, at, base + hEnd);
                if (tl == 0) {
                    problems = add(problems, problem(payload, ProblemKind.RECORD_HEADER, p, hEnd - p,
                            "serial type varint of column " + fields.size() + " runs past the end of the record header"));
                    break;
                }
                type = Varint.value(b, at);
            }
            long size = SerialType.contentSize(type);
            Value v;
            if (size < 0) {
                problems = add(problems, problem(payload, ProblemKind.SERIAL_TYPE_RESERVED, p, tl, "column "
                        + fields.size() + " has serial type " + type + ", reserved and never valid"));
                size = 0;
                v = null;
            } else if (body > len || size > len - body) {
                // compared by subtraction: body + size overflows a long for huge serial types
                if (!pastEnd && (body > declared || size > declared - body)) {
                    // reported for the first column only: every later one starts past the end too, and a garbage
                    // header can list tens of thousands of columns
                    problems = add(problems, problem(payload, ProblemKind.RECORD_BODY, p, tl, "column "
                            + fields.size() + " (" + SerialType.describe(type) + ") at body offset " + body
                            + " runs past the end of the " + declared + "-byte payload (as do any columns after it)"));
                    pastEnd = true;
                }
                v = null;
            } else if (type >= 13 && (type & 1) == 1) {
                int off = base + (int) body;
                String text = TextDecoder.decode(b, off, (int) size, encoding);
                if (checkText && !TextDecoder.valid(text, b, off, (int) size, encoding)) {
                    problems = add(problems, problem(payload, ProblemKind.TEXT_ENCODING, body, (int) size, "column "
                            + fields.size() + " holds text that is not valid " + encoding.pragmaName()));
                }
                v = new TextValue(text);
            } else {
                v = value(b, base + (int) body, (int) size, type);
            }
            fields.add(new Field(fields.size(), type, p, tl, body, size, v));
            body = size > Long.MAX_VALUE - body ? Long.MAX_VALUE : body + size;
            p += tl;
        }
        // SQLite's OP_Column insists that a fully parsed header and its values add up to the payload exactly;
        // only a header already reported broken (or running past the payload) is spared a second problem
        if (p >= hEnd && body != declared && !hasStructuralProblem(problems)) {
            problems = add(problems, problem(payload, ProblemKind.RECORD_BODY, 0, hLen, "record header and values"
                    + " account for " + body + " bytes but the payload is " + declared + " bytes"));
        }
        return new Record(headerSize, hLen, fields, problems == null ? List.of() : problems);
    }

    private static boolean hasStructuralProblem(List<Problem> problems) {
        if (problems != null) {
            for (Problem p : problems) {
                if (p.kind() == ProblemKind.RECORD_HEADER || p.kind() == ProblemKind.RECORD_BODY) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Problem> add(List<Problem> problems, Problem p) {
        List<Problem> out = problems == null ? new ArrayList<>(2) : problems;
        out.add(p);
        return out;
    }

    private Value value(byte[] b, int off, int size, long type) {
        if (type >= 12) {
            if ((type & 1) == 0) {
                return new BlobValue(Arrays.copyOfRange(b, off, off + size));
            }
            return new TextValue(TextDecoder.decode(b, off, size, encoding)); // decode() handles text itself
        }
        return switch ((int) type) {
            case 0 -> NullValue.INSTANCE;
            // one case per width, so that no loop runs per byte: big-endian two's complement (fileformat2 §2.1)
            case 1 -> IntegerValue.of(b[off]);
            case 2 -> IntegerValue.of((short) BigEndian.u16(b, off));
            case 3 -> IntegerValue.of((BigEndian.u24(b, off) << 8) >> 8);
            case 4 -> IntegerValue.of(BigEndian.i32(b, off));
            case 5 -> IntegerValue.of(((long) (short) BigEndian.u16(b, off) << 32) | BigEndian.u32(b, off + 2));
            case 6 -> IntegerValue.of(i64(b, off));
            case 7 -> new RealValue(Double.longBitsToDouble(i64(b, off)));
            case 8 -> IntegerValue.of(0);
            case 9 -> IntegerValue.of(1);
            default -> NullValue.INSTANCE;
        };
    }

    private static long i64(byte[] b, int off) {
        return ((long) BigEndian.i32(b, off) << 32) | BigEndian.u32(b, off + 4);
    }

    private static Problem problem(Payload payload, ProblemKind kind, long offset, int length, String message) {
        List<Span> spans = payload.spans(offset, length);
        Span span = spans.isEmpty() ? payload.pieces().get(0).span() : spans.get(0);
        return new Problem(kind, span, message);
    }
}
