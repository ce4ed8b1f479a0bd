package dev.loupe.repro.diff;

import dev.loupe.format.Span;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.layout.ValueText;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.SerialType;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.table.Row;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Compares the records of two entries with the same key (fileformat2 §2.1), value by value. A value that reads
 * back differently is a {@link DiffKind#VALUE} difference; the same value stored with another serial type or other
 * bytes (an integer in 8 bytes instead of 1, a REAL column's integral value as a float instead of an integer, a
 * padded header-size varint) is an {@link DiffKind#ENCODING} difference. Both are incompatible; each names the
 * serial types and bytes of both sides.
 */
final class RecordComparison {

    /** Value bytes shown per side. */
    private static final int SHOWN_BYTES = 16;
    /** Text shown per value. */
    private static final int SHOWN_TEXT = 40;

    private final ObjectTarget target;
    private final Side a;
    private final Side b;
    private final boolean sameEncoding;
    private final Differences out;

    RecordComparison(ObjectTarget target, Side a, Side b, Differences out) {
        this.target = target;
        this.a = a;
        this.b = b;
        this.sameEncoding = a.db.encoding() == b.db.encoding();
        this.out = out;
    }

    /**
     * True when the two entries store the same record, byte for byte (or value for value across encodings).
     *
     * @param keyText the entry's key as text, built only when a difference is reported
     */
    boolean same(Side.Loaded x, Side.Loaded y, Supplier<String> keyText) {
        Payload px = x.payload;
        Payload py = y.payload;
        boolean sameBytes = px.declaredSize() == py.declaredSize() && Arrays.equals(px.bytes(), px.start(),
                px.start() + px.length(), py.bytes(), py.start(), py.start() + py.length());
        if (sameBytes && sameEncoding) {
            return true;
        }
        String key = keyText.get();
        Record rx = a.record(x);
        Record ry = b.record(y);
        Row[] rows = new Row[2];
        boolean differs = false;
        int n = Math.max(rx.columnCount(), ry.columnCount());
        for (int i = 0; i < n; i++) {
            Field fx = i < rx.columnCount() ? rx.fields().get(i) : null;
            Field fy = i < ry.columnCount() ? ry.fields().get(i) : null;
            if (fx != null && fy != null && sameField(px, fx, py, fy)) {
                continue;
            }
            differs = true;
            boolean sameValue = sameValue(i, fx, fy, x, y, rows);
            field(i, key, x, fx, y, fy, sameValue);
        }
        if (!differs && !sameBytes && sameEncoding) {
            // every value and serial type agrees, yet the bytes do not: the record header is spelled differently
            differs = true;
            out.add(new Difference(DiffClass.INCOMPATIBLE, DiffKind.ENCODING, target.name(), key, x.entry.page()
                    .number(), y.entry.page().number(), x.entry.cell().offset(), y.entry.cell().offset(),
                    "record header", header(px, rx), header(py, ry), "the same values with another record header:"
                    + " header size " + rx.headerSize() + " in a " + rx.headerSizeLength() + "-byte varint vs "
                    + ry.headerSize() + " in a " + ry.headerSizeLength() + "-byte varint"));
        }
        return !differs;
    }

    /** Same serial type and same value bytes; across encodings, texts that read the same count as the same. */
    private boolean sameField(Payload px, Field fx, Payload py, Field fy) {
        if (!sameEncoding && fx.value() instanceof TextValue tx && fy.value() instanceof TextValue ty) {
            return tx.equals(ty);
        }
        return fx.serialType() == fy.serialType() && Arrays.equals(body(px, fx), body(py, fy));
    }

    /**
     * Whether column {@code i} reads back the same on both sides: for a table, the values SQLite returns for the row
     * (defaults of missing trailing columns, REAL affinity and the rowid alias applied); for an index, the record
     * values, an integer and a real of the same value being the same in a REAL column.
     */
    private boolean sameValue(int i, Field fx, Field fy, Side.Loaded x, Side.Loaded y, Row[] rows) {
        if (target.tableA() != null && target.tableB() != null) {
            int[] map = target.tableA().recordColumns();
            int col = i < map.length ? map[i] : -1;
            if (rows[0] == null) {
                rows[0] = a.row(target.tableA(), x);
                rows[1] = b.row(target.tableB(), y);
            }
            if (col >= 0 && rows[0] != null && rows[1] != null && col < rows[0].values().size()
                    && col < rows[1].values().size()) {
                return Objects.equals(rows[0].values().get(col), rows[1].values().get(col));
            }
        }
        if (fx == null || fy == null) {
            return false;
        }
        Value vx = fx.value();
        Value vy = fy.value();
        if (target.columns().real(i)) {
            vx = vx instanceof IntegerValue iv ? new RealValue(iv.value()) : vx;
            vy = vy instanceof IntegerValue iv ? new RealValue(iv.value()) : vy;
        }
        return vx != null && vx.equals(vy);
    }

    private void field(int i, String key, Side.Loaded x, Field fx, Side.Loaded y, Field fy, boolean sameValue) {
        String column = target.columns().name(i);
        Span sx = span(x, fx);
        Span sy = span(y, fy);
        String what = sameValue
                ? column + ": the same value stored as " + type(fx) + " vs " + type(fy)
                : column + ": " + brief(fx) + " vs " + brief(fy);
        out.add(new Difference(DiffClass.INCOMPATIBLE, sameValue ? DiffKind.ENCODING : DiffKind.VALUE,
                target.name(), key, sx.page(), sy.page(), sx.offset(), sy.offset(), column,
                side(x.payload, fx), side(y.payload, fy), what));
    }

    /** "int8 (serial type 1) 05 = 5", or "absent (record of 3 values)". */
    private static String side(Payload p, Field f) {
        if (f == null) {
            return "absent";
        }
        byte[] body = body(p, f);
        String hex = HexFormat.ofDelimiter(" ").formatHex(body, 0, Math.min(body.length, SHOWN_BYTES))
                + (body.length > SHOWN_BYTES ? " ... (" + f.bodyLength() + " bytes)" : "");
        return type(f) + (hex.isEmpty() ? "" : " " + hex) + " = " + brief(f);
    }

    private static String type(Field f) {
        return f == null ? "absent" : SerialType.describe(f.serialType()) + " (serial type " + f.serialType() + ")";
    }

    private static String brief(Field f) {
        if (f == null) {
            return "absent";
        }
        if (f.value() instanceof RealValue r && r.value() == 0 && Double.doubleToRawLongBits(r.value()) != 0) {
            return "-0.0"; // SQL text shows both zeros as 0.0; their bits (and 1/x) differ
        }
        return ValueText.brief(f.value(), SHOWN_TEXT);
    }

    /** The value's bytes as read (fewer when the payload is cut short). */
    private static byte[] body(Payload p, Field f) {
        long from = Math.min(f.bodyOffset(), p.length());
        // compared by subtraction: a damaged header can state sizes whose sum overflows
        long to = f.bodyLength() > p.length() - from ? p.length() : from + f.bodyLength();
        return Arrays.copyOfRange(p.bytes(), p.start() + (int) from, p.start() + (int) to);
    }

    /**
     * Where the value's bytes start; for a value without bytes (NULL, serial types 8 and 9) its serial type in the
     * record header; the cell when the value is absent.
     */
    private static Span span(Side.Loaded l, Field f) {
        if (f != null) {
            List<Span> spans = f.bodyLength() > 0
                    ? l.payload.spans(f.bodyOffset(), (int) Math.min(f.bodyLength(), Integer.MAX_VALUE))
                    : l.payload.spans(f.typeOffset(), f.typeLength());
            if (!spans.isEmpty()) {
                return spans.get(0);
            }
        }
        return l.entry.cell().span();
    }

    private static String header(Payload p, Record r) {
        int n = (int) Math.min(Math.min(r.headerSize(), p.length()), SHOWN_BYTES);
        return HexFormat.ofDelimiter(" ").formatHex(p.bytes(), p.start(), p.start() + Math.max(0, n));
    }
}
