package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Problem;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;

/** A b-tree view as JSON (docs/json.md, "tree"): nested page objects, broken links as child entries. */
final class TreeJson {

    private TreeJson() {
    }

    static ObjectNode of(BTreeTarget target, TreeView view, int maxDepth) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("type", target.type());
        root.put("name", target.name());
        if (target.tableName() != null) {
            root.put("table", target.tableName());
        }
        root.put("rootPage", view.rootPage());
        if (maxDepth > 0) {
            root.put("maxDepth", maxDepth);
        } else {
            root.putNull("maxDepth");
        }
        root.put("shownPages", view.shownPages());
        root.put("walkedPages", view.walkedPages());
        if (view.root() == null) {
            root.putNull("tree");
        } else {
            root.set("tree", node(view.root(), JsonValues.NODES.objectNode()));
        }
        ArrayNode ps = root.putArray("problems");
        view.problems().forEach(p -> ps.add(JsonValues.problem(p)));
        return root;
    }

    private static ObjectNode node(TreeNode n, ObjectNode o) {
        o.put("page", n.page());
        o.put("kind", n.type().label());
        o.put("depth", n.depth());
        o.put("cells", n.cellCount());
        o.put("usableSize", n.usableSize());
        o.put("unused", n.unused());
        o.put("fill", Math.round(n.fillPercent() * 10) / 10.0);
        if (n.type().isTable()) {
            putNullable(o, "firstRowid", n.firstRowid());
            putNullable(o, "lastRowid", n.lastRowid());
        } else {
            o.set("firstKey", KeyText.json(n.firstKey()));
            o.set("lastKey", KeyText.json(n.lastKey()));
        }
        ArrayNode ps = o.putArray("problems");
        for (Problem p : n.problems()) {
            ps.add(JsonValues.problem(p));
        }
        if (!n.type().isLeaf()) {
            ArrayNode children = o.putArray("children");
            for (TreeLink l : n.children()) {
                ObjectNode c = children.addObject();
                c.put("childIndex", l.childIndex());
                c.put("link", l.state().label());
                if (l.message() != null) {
                    c.put("message", l.message());
                }
                if (l.node() != null) {
                    node(l.node(), c);
                } else {
                    c.put("page", l.page());
                }
            }
            o.put("hiddenPages", n.hiddenPages());
        }
        return o;
    }

    private static void putNullable(ObjectNode o, String name, Long v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
