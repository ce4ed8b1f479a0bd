package dev.loupe.repro.diff;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A diff as JSON (docs/json.md, "diff"): the document {@code loupe diff --format json} prints. */
public final class FileDiffJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FileDiffJson() {
    }

    /** @param benign list benign differences too (they are always counted) */
    public static ObjectNode of(FileDiff d, boolean benign) {
        ObjectNode root = NODES.objectNode();
        root.put("fileA", d.fileA());
        root.put("fileB", d.fileB());
        root.put("incompatible", d.incompatibleCount());
        root.put("benign", d.benignCount());
        root.put("summary", d.summary());
        root.set("firstIncompatible", d.firstIncompatible() == null ? NODES.nullNode() : of(d.firstIncompatible()));
        var counts = root.putArray("counts");
        for (DiffCount c : d.counts()) {
            counts.addObject().put("class", c.diffClass().label()).put("kind", c.kind().id()).put("count", c.count());
        }
        var objects = root.putArray("objects");
        for (ObjectComparison o : d.objects()) {
            objects.addObject().put("object", o.object()).put("type", o.type()).put("compared", o.compared())
                    .put("entriesA", o.entriesA()).put("entriesB", o.entriesB()).put("same", o.same())
                    .put("onlyA", o.onlyA()).put("onlyB", o.onlyB()).put("changed", o.changed());
        }
        var list = root.putArray("differences");
        long shown = 0;
        for (Difference x : d.listed()) {
            if (benign || x.incompatible()) {
                list.add(of(x));
                shown++;
            }
        }
        root.put("notListed", d.total() - shown);
        return root;
    }

    public static ObjectNode of(Difference x) {
        ObjectNode n = NODES.objectNode();
        n.put("class", x.diffClass().label());
        n.put("kind", x.kind().id());
        n.put("section", x.kind().section().name().toLowerCase(java.util.Locale.ROOT));
        n.put("object", x.object());
        n.put("key", x.key());
        n.put("pageA", x.pageA());
        n.put("offsetA", x.offsetA());
        n.put("pageB", x.pageB());
        n.put("offsetB", x.offsetB());
        n.put("field", x.field());
        n.put("a", x.a());
        n.put("b", x.b());
        n.put("message", x.message());
        n.put("signature", x.signature());
        return n;
    }
}
