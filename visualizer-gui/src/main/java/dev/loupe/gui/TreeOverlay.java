package dev.loupe.gui;

import dev.loupe.format.treeview.TreeLink;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Affine;

import java.util.ArrayList;
import java.util.List;

import static dev.loupe.gui.TreeLayout.BOX_H;
import static dev.loupe.gui.TreeLayout.BOX_W;

/**
 * The damage of the tree shown as scene-graph nodes over the canvas, so each piece has its tooltip and can be found
 * (".broken-link", "#broken-N", ".hidden-broken"): broken links as red dashed lines to a red box naming the problem,
 * and under each collapsed node that hides broken links or damaged pages, a red count. Broken edges are drawn over the
 * boxes: they must not hide behind one. A tree with more than {@link #LIMIT} such pieces leaves them all to the
 * canvas instead (a page of garbage read as an interior page can have hundreds of out-of-range pointers).
 */
final class TreeOverlay extends Group {

    static final int LIMIT = 500;

    private final Affine view = new Affine();
    private boolean active;

    TreeOverlay() {
        getTransforms().add(view);
        setManaged(false);
    }

    /** Whether the overlay draws the damage of the current layout (else the canvas does). */
    boolean active() {
        return active;
    }

    /** World to pane coordinates, as the canvas draws. */
    void place(double scale, double tx, double ty) {
        view.setToTransform(scale, 0, tx, 0, scale, ty);
    }

    /** Rebuilds the nodes for a new layout. */
    void show(TreeLayout layout) {
        getChildren().clear();
        active = false;
        if (layout == null) {
            return;
        }
        TreeShape shape = layout.shape();
        List<Integer> pieces = new ArrayList<>();
        for (int i : layout.shown()) {
            TreeLink link = shape.link(i);
            if ((link != null && link.state().broken()) || hidesDamage(layout, i)) {
                pieces.add(i);
                if (pieces.size() > LIMIT) {
                    return;
                }
            }
        }
        active = true;
        List<javafx.scene.Node> lines = new ArrayList<>();
        List<javafx.scene.Node> boxes = new ArrayList<>();
        for (int i : pieces) {
            TreeLink link = shape.link(i);
            if (link != null && link.state().broken()) {
                lines.add(line(layout, i, link));
                if (!shape.isNode(i)) {
                    boxes.add(brokenBox(link, layout.centreX(i) - BOX_W / 2, layout.top(i)));
                }
            }
            if (hidesDamage(layout, i)) {
                boxes.add(hidden(shape, layout, i));
            }
        }
        getChildren().addAll(boxes);
        getChildren().addAll(lines);
    }

    /** A collapsed node with broken links or damaged pages below it. */
    private static boolean hidesDamage(TreeLayout layout, int i) {
        return layout.isCollapsed(i) && layout.shape().hasChildren(i) && TreePainter.hidesDamage(layout.shape(), i);
    }

    private static Line line(TreeLayout layout, int i, TreeLink link) {
        int p = layout.shape().parent(i);
        Line line = new Line(layout.centreX(p), layout.top(p) + BOX_H, layout.centreX(i), layout.top(i));
        line.setStroke(Colors.BROKEN);
        line.setStrokeWidth(2);
        line.getStrokeDashArray().setAll(8.0, 6.0);
        line.getStyleClass().add("broken-link");
        line.setId("broken-link-" + link.pointer().offset());
        line.setUserData(link);
        Tooltip.install(line, new Tooltip(link.state().label() + ": " + link.message()));
        return line;
    }

    private static Group brokenBox(TreeLink link, double x, double y) {
        Rectangle r = new Rectangle(x, y, BOX_W, BOX_H);
        r.setArcWidth(8);
        r.setArcHeight(8);
        r.setFill(Color.web("#fde0e0"));
        r.setStroke(Colors.BROKEN);
        r.setStrokeWidth(2);
        r.getStrokeDashArray().setAll(8.0, 6.0);
        Text t1 = text("✕ page " + link.page(), x + 8, y + 18, true);
        t1.setFill(Colors.BROKEN);
        Text t2 = text(link.state().label(), x + 8, y + 36, false);
        Text t3 = text("pointer at offset " + link.pointer().offset(), x + 8, y + 54, false);
        Group g = new Group(r, t1, t2, t3);
        g.getStyleClass().add("broken-target");
        g.setId("broken-" + link.page());
        g.setUserData(link.page());
        Tooltip.install(g, new Tooltip(link.message()));
        return g;
    }

    /** The red "+N pages · K broken" under a collapsed node that hides damage; its tooltip lists the links. */
    private static Text hidden(TreeShape shape, TreeLayout layout, int i) {
        double x = layout.centreX(i) - BOX_W / 2;
        Text t = text(TreePainter.hiddenText(shape, i), x, layout.top(i) + BOX_H + 8 + 12, true);
        t.setFont(Font.font("System", FontWeight.BOLD, 11));
        t.setFill(Colors.BROKEN);
        t.getStyleClass().add("hidden-broken");
        t.setId("hidden-broken-" + shape.page(i));
        List<TreeLink> links = shape.brokenLinksBelow(i, 8);
        t.setUserData(links);
        StringBuilder tip = new StringBuilder("Collapsed: " + Plural.of(shape.pagesBelow(i), "page") + " below, "
                + Plural.of(shape.brokenBelow(i), "broken link") + ", "
                + Plural.of(shape.problemPagesBelow(i), "page") + " with problems");
        for (TreeLink l : links) {
            tip.append("\n").append(l.state().label()).append(": ").append(l.message());
        }
        if (shape.brokenBelow(i) > links.size()) {
            tip.append("\n…");
        }
        tip.append("\nClick + (or press Space) to expand.");
        Tooltip.install(t, new Tooltip(tip.toString()));
        return t;
    }

    private static Text text(String s, double x, double y, boolean bold) {
        Text t = new Text(x, y, s);
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, bold ? 12 : 11));
        return t;
    }
}
