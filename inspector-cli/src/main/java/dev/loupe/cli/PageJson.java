package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.header.HeaderField;
import dev.loupe.format.layout.CellLayout;
import dev.loupe.format.layout.PageHeaderField;
import dev.loupe.format.layout.Region;
import dev.loupe.format.ptrmap.PtrmapEntry;
import dev.loupe.format.record.Value;

/** The JSON form of {@code loupe page} (docs/json.md, "page"). */
final class PageJson {

    private PageJson() {
    }

    static ObjectNode of(PageInspection p, boolean regions, boolean hex, boolean map) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("file", p.db().name());
        root.put("page", p.page());
        root.put("pageSize", p.db().pageSize());
        root.put("usableSize", p.db().usableSize());
        root.put("kind", p.kind().label());
        if (p.owner() == null) {
            root.putNull("owner");
        } else {
            ObjectNode o = root.putObject("owner");
            o.put("type", p.owner().type());
            o.put("name", p.owner().name());
            o.put("table", p.owner().tableName());
        }
        if (p.btree() != null) {
            btree(root, p);
        }
        if (p.overflow() != null) {
            var o = p.overflow();
            ObjectNode n = root.putObject("overflow");
            n.put("next", BigEndian.u32(p.data(), 0));
            n.put("cellPage", o.cellPage());
            n.put("cellIndex", o.cellIndex());
            n.put("position", o.position());
            n.put("chainLength", o.chainLength());
            n.put("payloadOffset", o.payloadOffset());
            n.put("dataLength", o.length());
        }
        if (p.trunk() != null) {
            ObjectNode n = root.putObject("freelistTrunk");
            n.put("nextTrunk", p.trunk().nextTrunk());
            n.put("leafCount", p.trunk().leafCount());
            ArrayNode leaves = n.putArray("leaves");
            for (long l : p.trunk().leaves()) {
                leaves.add(l);
            }
        }
        if (p.ptrmap() != null) {
            ArrayNode entries = root.putArray("ptrmapEntries");
            for (PtrmapEntry e : p.ptrmap().entries()) {
                ObjectNode n = entries.addObject();
                n.put("page", e.page());
                n.put("offset", e.span().offset());
                n.put("type", e.rawType());
                n.put("parent", e.parent());
            }
        }
        if (regions) {
            ArrayNode rs = root.putArray("regions");
            for (Region r : p.layout().regions()) {
                ObjectNode n = rs.addObject();
                n.put("offset", r.span().offset());
                n.put("length", r.span().length());
                n.put("kind", r.kind().label());
                if (r.cell() >= 0) {
                    n.put("cell", r.cell());
                }
                n.put("label", r.label());
                if (hex) {
                    int from = (int) Math.min(r.span().offset(), p.data().length);
                    int to = (int) Math.min(r.span().end(), p.data().length);
                    n.put("hex", HexText.plain(p.data(), from, to - from));
                }
            }
        }
        if (map) {
            root.put("byteMap", ByteMap.chars(p.layout()));
            root.put("byteMapBytesPerChar", ByteMap.bytesPerChar(p.db().pageSize()));
        }
        ArrayNode ps = root.putArray("problems");
        p.problems().forEach(x -> ps.add(JsonValues.problem(x)));
        return root;
    }

    private static void btree(ObjectNode root, PageInspection p) {
        BTreePage page = p.btree();
        if (p.page() == 1) {
            ArrayNode dh = root.putArray("databaseHeader");
            for (HeaderField f : p.db().header().fields()) {
                ObjectNode o = dh.addObject();
                o.put("name", f.name());
                o.put("offset", f.span().offset());
                o.put("length", f.span().length());
                o.put("value", f.raw());
            }
        }
        root.put("pageType", page.type() == null ? null : page.type().label());
        ArrayNode header = root.putArray("header");
        for (PageHeaderField f : PageHeaderField.of(page)) {
            ObjectNode o = header.addObject();
            o.put("name", f.name());
            o.put("offset", f.span().offset());
            o.put("length", f.span().length());
            o.put("value", f.value());
            o.put("meaning", f.meaning());
        }
        ArrayNode pointers = root.putArray("cellPointers");
        for (int i = 0; i < page.cellCount(); i++) {
            ObjectNode o = pointers.addObject();
            o.put("index", i);
            o.put("offset", page.cellPointerSpan(i).offset());
            o.put("value", page.cellPointer(i));
        }
        ArrayNode cells = root.putArray("cells");
        long payloadBytes = 0;
        long maxPayload = 0;
        for (CellLayout cl : p.cells()) {
            cells.add(cell(cl));
            if (cl.cell() instanceof PayloadCell pc) {
                payloadBytes += pc.payload().localSize();
                maxPayload = Math.max(maxPayload, pc.payload().declaredSize());
            }
        }
        ArrayNode fbs = root.putArray("freeblocks");
        long free = 0;
        for (Freeblock f : page.freeblocks()) {
            ObjectNode o = fbs.addObject();
            o.put("offset", f.offset());
            o.put("size", f.size());
            o.put("next", f.next());
            free += f.size();
        }
        root.put("fragmentedFreeBytes", page.header().fragmentedFreeBytes());
        root.set("unallocated", span(page.unallocatedSpan()));
        root.set("reserved", span(page.reservedSpan()));
        // the per-page figures of SQLite's dbstat virtual table
        root.put("cellCount", page.cellCount());
        root.put("payloadBytes", payloadBytes);
        root.put("unusedBytes", page.unallocatedBytes() + free + page.header().fragmentedFreeBytes());
        root.put("maxPayload", maxPayload);
    }

    private static ObjectNode cell(CellLayout cl) {
        Cell c = cl.cell();
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("index", c.index());
        o.put("offset", c.offset());
        o.put("size", c.size());
        if (c instanceof InteriorCell ic) {
            o.put("leftChild", ic.leftChild());
        }
        if (c instanceof TableLeafCell t) {
            o.put("rowid", t.rowid());
        } else if (c instanceof TableInteriorCell t) {
            o.put("rowid", t.rowid());
        }
        if (c instanceof PayloadCell pc) {
            LocalPayload lp = pc.payload();
            o.put("payloadSize", lp.declaredSize());
            o.put("localSize", lp.localSize());
            o.put("overflowSize", lp.declaredSize() - lp.localSize());
            o.put("firstOverflowPage", lp.firstOverflow());
            o.put("overflowPages", cl.payload() == null ? 0 : cl.payload().overflowPages().length);
        }
        if (cl.record() != null) {
            ArrayNode values = o.putArray("values");
            for (Value v : cl.record().values()) {
                values.add(JsonValues.value(v));
            }
        }
        ArrayNode ps = o.putArray("problems");
        cl.problems().forEach(x -> ps.add(JsonValues.problem(x)));
        return o;
    }

    private static ObjectNode span(Span s) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("offset", s.offset());
        o.put("length", s.length());
        return o;
    }
}
