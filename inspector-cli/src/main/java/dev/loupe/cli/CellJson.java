package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Span;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.SerialType;

import java.io.IOException;
import java.util.List;

/** The JSON form of {@code loupe cell} (docs/json.md, "cell"). */
final class CellJson {

    private CellJson() {
    }

    static ObjectNode of(CellInspection ci) throws IOException {
        Cell c = ci.cell();
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("file", ci.db().name());
        root.put("page", c.page());
        root.put("index", c.index());
        root.put("pageType", ci.page().type().label());
        root.put("offset", c.offset());
        root.put("size", c.size());
        if (c instanceof TableLeafCell t) {
            root.put("rowid", t.rowid());
        } else if (c instanceof TableInteriorCell t) {
            root.put("rowid", t.rowid());
        }
        ArrayNode fields = root.putArray("fields");
        for (CellInspection.CellField f : ci.fields()) {
            ObjectNode o = fields.addObject();
            o.put("name", f.name());
            o.set("span", JsonValues.span(f.span()));
            o.put("hex", HexText.plain(f.bytes(), 0, f.bytes().length));
            o.put("value", f.value());
        }
        Payload p = ci.layout().payload();
        Record r = ci.layout().record();
        if (p != null && c instanceof PayloadCell pc) {
            ObjectNode o = root.putObject("payload");
            o.put("declaredSize", pc.payload().declaredSize());
            o.put("localSize", pc.payload().localSize());
            o.put("overflowSize", pc.payload().declaredSize() - pc.payload().localSize());
            o.put("bytesRead", p.length());
            o.set("localSpan", JsonValues.span(pc.payload().localSpan()));
        }
        if (r != null) {
            ObjectNode rec = root.putObject("record");
            rec.put("headerSize", r.headerSize());
            ObjectNode hs = rec.putObject("headerSizeVarint");
            byte[] hb = CellParts.headerSizeBytes(p, r);
            hs.put("payloadOffset", 0);
            hs.put("hex", HexText.plain(hb, 0, hb.length));
            hs.set("spans", spans(p.spans(0, r.headerSizeLength())));
            ArrayNode cols = rec.putArray("columns");
            for (Field f : r.fields()) {
                ObjectNode o = cols.addObject();
                byte[] tb = CellParts.typeBytes(p, f);
                o.put("column", f.index());
                o.put("serialType", f.serialType());
                o.put("serialTypeHex", HexText.plain(tb, 0, tb.length));
                o.put("serialTypeOffset", f.typeOffset());
                o.set("serialTypeSpans", spans(p.spans(f.typeOffset(), f.typeLength())));
                o.put("meaning", SerialType.describe(f.serialType()));
                o.put("payloadOffset", f.bodyOffset());
                o.put("length", f.bodyLength());
                o.set("spans", spans(p.spans(f.bodyOffset(), (int) Math.min(Integer.MAX_VALUE, f.bodyLength()))));
                o.put("storageClass", f.value() == null ? null : f.value().typeName());
                o.set("value", f.value() == null ? JsonValues.NODES.nullNode() : JsonValues.value(f.value()));
            }
        }
        ArrayNode chain = root.putArray("overflowChain");
        if (p != null) {
            for (CellParts.OverflowStep s : CellParts.chain(p, ci.db().pages())) {
                ObjectNode o = chain.addObject();
                o.put("page", s.page());
                o.put("next", s.next());
                o.put("payloadOffset", s.payloadOffset());
                o.put("length", s.length());
            }
        }
        ArrayNode ps = root.putArray("problems");
        ci.problems().forEach(x -> ps.add(JsonValues.problem(x)));
        return root;
    }

    private static ArrayNode spans(List<Span> spans) {
        ArrayNode a = JsonValues.NODES.arrayNode();
        spans.forEach(s -> a.add(JsonValues.span(s)));
        return a;
    }
}
