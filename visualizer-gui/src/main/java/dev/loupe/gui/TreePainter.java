package dev.loupe.gui;

import dev.loupe.format.map.PageKind;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static dev.loupe.gui.TreeLayout.BOX_H;
import static dev.loupe.gui.TreeLayout.BOX_W;

/**
 * Draws the part of a {@link TreeLayout} inside a viewport onto a canvas: grey edges, one box per page (kind colour,
 * page number, kind and cell count, key range, fill bar), collapsed nodes as a stack with the count of pages they
 * hide, and, unless the scene-graph overlay ({@link TreeOverlay}) draws them, the broken links in red. What is off
 * screen costs nothing. A group of leaves under one parent that wraps into rows gets edges to its first row only
 * (the rows below are the same block; edges to them would cross the boxes above). Far out, boxes lose their text,
 * then their rounded corners and frames, and when a group's boxes would be a few pixels wide it becomes one block
 * (software rendering pays per shape and per pixel of antialiased line). Damage is never left out: pages
 * with problems, broken links and collapsed nodes that hide damage are drawn one by one at every scale.
 *
 * <p>Shapes are drawn in world units through the canvas transform; text is drawn in pixels with fonts whose sizes
 * are rounded to half a pixel, so a zoom reuses a few glyph caches instead of rasterizing every glyph at every scale.
 */
final class TreePainter {

    /** Below this scale box texts are not drawn (11 px text would be under 4 px high). */
    static final double TEXT_SCALE = 0.35;
    /** Below this scale boxes are plain rectangles without fill bar and handle. */
    static final double DETAIL_SCALE = 0.2;
    /** Below this scale (boxes under 4 px wide) a group of leaves is drawn as one block. */
    static final double BLOCK_SCALE = 4 / BOX_W;
    /** Below this scale corners are square (the rounding would be under 6 px; square ones are cheaper to fill). */
    private static final double ROUND_SCALE = 0.75;
    /** Radius of the collapse/expand handle at the bottom centre of a node with children. */
    static final double HANDLE_R = 7;
    private static final double STACK = 4;
    private static final double ARC = 8;
    private static final Color EDGE = Color.web("#808080", 0.6);
    private static final Color FRAME = Color.web("#333333");
    private static final Color BROKEN_FILL = Color.web("#fde0e0");
    private static final Color BAR = Color.web("#555555");
    private static final Color BAR_BACK = Color.web("#ffffff", 0.7);

    private final Map<PageKind, Color> fills = new EnumMap<>(PageKind.class);
    /** Fonts by (weight, size in half pixels). */
    private final Map<Integer, Font> fonts = new HashMap<>();

    /** Fill of a node box: its page kind's colour, lightened so the text stays readable. */
    Color fill(TreeNode n) {
        return fills.computeIfAbsent(NodeText.kindOf(n), k -> Colors.of(k).deriveColor(0, 0.45, 1.15, 1));
    }

    /**
     * Paints the viewport: world point (wx, wy) is drawn at (wx * scale + tx, wy * scale + ty) on a w × h canvas.
     *
     * @param selected      item framed as the cursor (-1 for none)
     * @param marked        item framed as a finding's page (-1 for none)
     * @param brokenInScene whether the overlay draws broken links, their boxes and collapsed nodes' broken counts
     * @return boxes drawn
     */
    int paint(GraphicsContext g, TreeLayout layout, double scale, double tx, double ty, double w, double h,
              int selected, int marked, boolean brokenInScene) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (layout == null || layout.shownCount() == 0) {
            return 0;
        }
        double x0 = -tx / scale;
        double y0 = -ty / scale;
        double x1 = (w - tx) / scale;
        double y1 = (h - ty) / scale;
        g.setTransform(scale, 0, 0, scale, tx, ty);
        TreeShape shape = layout.shape();
        double px = 1 / scale;

        boolean blocks = scale < BLOCK_SCALE;
        if (blocks) {
            layout.forEachParentIn(x0, y0, x1, y1, p -> {
                if (layout.isGroup(p)) {
                    block(g, layout, p, px);
                }
            });
        }
        g.setStroke(EDGE);
        g.setLineWidth(Math.max(1, px));
        g.setLineDashes((double[]) null);
        layout.forEachEdgeIn(x0, y0, x1, y1, c -> {
            boolean grouped = layout.inGroup(c);
            if (!shape.link(c).state().broken() && !(grouped && (blocks || !layout.inFirstRow(c)))) {
                edge(g, layout, c);
            }
        });
        if (!brokenInScene) {
            g.setStroke(Colors.BROKEN);
            g.setLineWidth(Math.max(2, 2 * px));
            g.setLineDashes(8, 6);
            layout.forEachEdgeIn(x0, y0, x1, y1, c -> {
                if (shape.link(c).state().broken()) {
                    edge(g, layout, c);
                }
            });
            g.setLineDashes((double[]) null);
        }
        int[] count = {0};
        layout.forEachBoxIn(x0, y0, x1, y1, i -> {
            if (blocks && layout.inGroup(i) && !standsOut(layout, i, selected, marked, brokenInScene)) {
                return; // drawn as part of its group's block
            }
            count[0]++;
            if (shape.isNode(i)) {
                node(g, layout, i, scale, i == selected, i == marked);
            } else if (!brokenInScene) {
                brokenBox(g, layout.centreX(i) - BOX_W / 2, layout.top(i), scale);
            }
        });
        if (scale >= TEXT_SCALE) {
            g.setTransform(1, 0, 0, 1, 0, 0);
            Font bold = font(true, 12 * scale);
            Font plain = font(false, 11 * scale);
            Font hidden = font(true, 11 * scale);
            layout.forEachBoxIn(x0, y0, x1, y1, i -> {
                double sx = (layout.centreX(i) - BOX_W / 2) * scale + tx;
                double sy = layout.top(i) * scale + ty;
                if (shape.isNode(i)) {
                    nodeText(g, layout, i, sx, sy, scale, bold, plain, hidden, brokenInScene);
                } else if (!brokenInScene) {
                    brokenText(g, shape.link(i), sx, sy, scale, bold, plain);
                }
            });
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
        return count[0];
    }

    /** Whether a box is drawn on its own even inside a block: damage, the cursor, a finding's page. */
    private static boolean standsOut(TreeLayout layout, int i, int selected, int marked, boolean brokenInScene) {
        TreeShape shape = layout.shape();
        if (i == selected || i == marked) {
            return true;
        }
        if (!shape.isNode(i)) {
            return !brokenInScene;
        }
        return !shape.node(i).problems().isEmpty() || (layout.isCollapsed(i) && hidesDamage(shape, i));
    }

    /** A group of leaves far out: one block in the colour of its first page, one edge from the parent. */
    private void block(GraphicsContext g, TreeLayout layout, int p, double px) {
        TreeShape shape = layout.shape();
        int parent = layout.parentItem(p);
        Color colour = BROKEN_FILL;
        for (int c = parent + 1; c < shape.end(parent); c = shape.end(c)) {
            if (shape.isNode(c)) {
                colour = fill(shape.node(c));
                break;
            }
        }
        double[] b = layout.block(p);
        g.setFill(colour);
        g.fillRect(b[0], b[1], b[2] - b[0], b[3] - b[1]);
        g.setStroke(EDGE);
        g.setLineWidth(Math.max(1, px));
        g.strokeLine(layout.centreX(parent), layout.top(parent) + BOX_H,
                Math.max(b[0], Math.min(b[2], layout.centreX(parent))), b[1]);
    }

    private Font font(boolean bold, double size) {
        int half = (int) Math.max(1, Math.round(size * 2));
        return fonts.computeIfAbsent(bold ? -half : half,
                k -> Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, half / 2.0));
    }

    private static void edge(GraphicsContext g, TreeLayout layout, int child) {
        int p = layout.shape().parent(child);
        g.strokeLine(layout.centreX(p), layout.top(p) + BOX_H, layout.centreX(child), layout.top(child));
    }

    private void node(GraphicsContext g, TreeLayout layout, int i, double scale, boolean selected, boolean marked) {
        TreeShape shape = layout.shape();
        TreeNode n = shape.node(i);
        double x = layout.centreX(i) - BOX_W / 2;
        double y = layout.top(i);
        double px = 1 / scale;
        boolean collapsed = layout.isCollapsed(i) && shape.hasChildren(i);
        boolean hiddenDamage = collapsed && hidesDamage(shape, i);
        boolean bad = !n.problems().isEmpty();
        Color frame = marked || bad ? Colors.BROKEN : FRAME;
        if (scale < DETAIL_SCALE) {
            if (collapsed) {
                g.setFill(hiddenDamage ? Colors.BROKEN : FRAME);
                g.fillRect(x + STACK * 2, y + STACK * 2, BOX_W, BOX_H);
            }
            g.setFill(fill(n));
            g.fillRect(x, y, BOX_W, BOX_H);
            if (BOX_W * scale >= 6 || bad || marked || selected) {
                g.setStroke(frame);
                g.setLineWidth((marked || selected ? 3 : 1) * px);
                g.strokeRect(x, y, BOX_W, BOX_H);
            }
            return;
        }
        boolean round = scale >= ROUND_SCALE;
        if (collapsed) {
            g.setStroke(hiddenDamage ? Colors.BROKEN : FRAME);
            g.setLineWidth(Math.max(hiddenDamage ? 2 : 1, px));
            for (int k = 2; k >= 1; k--) {
                g.setFill(Color.WHITE);
                box(g, x + STACK * k, y + STACK * k, round, true);
            }
        }
        g.setFill(fill(n));
        g.setStroke(frame);
        g.setLineWidth(marked ? 5 : selected ? 3.5 : Math.max(1.2, px));
        box(g, x, y, round, true);
        double fillPct = Math.max(0, Math.min(100, n.fillPercent()));
        g.setFill(BAR_BACK);
        g.fillRect(x + 8, y + BOX_H - 9, BOX_W - 16, 4);
        g.setFill(BAR);
        g.fillRect(x + 8, y + BOX_H - 9, (BOX_W - 16) * fillPct / 100, 4);
        if (shape.hasChildren(i)) {
            handle(g, layout.centreX(i), y + BOX_H, collapsed, px);
        }
    }

    /** Fills (with the current fill) and frames (with the current stroke) one box. */
    private static void box(GraphicsContext g, double x, double y, boolean round, boolean stroke) {
        if (round) {
            g.fillRoundRect(x, y, BOX_W, BOX_H, ARC, ARC);
            if (stroke) {
                g.strokeRoundRect(x, y, BOX_W, BOX_H, ARC, ARC);
            }
        } else {
            g.fillRect(x, y, BOX_W, BOX_H);
            if (stroke) {
                g.strokeRect(x, y, BOX_W, BOX_H);
            }
        }
    }

    private void nodeText(GraphicsContext g, TreeLayout layout, int i, double sx, double sy, double scale, Font bold,
                          Font plain, Font hidden, boolean brokenInScene) {
        TreeShape shape = layout.shape();
        TreeNode n = shape.node(i);
        // text never runs out of its box: a line too long is narrowed to fit
        double room = (BOX_W - 16) * scale;
        g.setFill(Color.BLACK);
        g.setFont(bold);
        g.fillText("page " + n.page(), sx + 8 * scale, sy + 16 * scale, room * 0.7);
        g.setFont(plain);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.0f%%", n.fillPercent()), sx + (BOX_W - 8) * scale,
                sy + 16 * scale, room * 0.3);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(n.type().label() + " · " + n.cellCount() + (n.cellCount() == 1 ? " cell" : " cells"),
                sx + 8 * scale, sy + 31 * scale, room);
        g.fillText(NodeText.keyRange(n), sx + 8 * scale, sy + 45 * scale, room);
        boolean collapsed = layout.isCollapsed(i) && shape.hasChildren(i);
        boolean damage = collapsed && hidesDamage(shape, i);
        if (collapsed && !(damage && brokenInScene)) {
            g.setFont(hidden);
            g.setFill(damage ? Colors.BROKEN : Color.GRAY);
            g.fillText(hiddenText(shape, i), sx, sy + (BOX_H + STACK * 2 + 12) * scale);
        }
    }

    static boolean hidesDamage(TreeShape shape, int i) {
        return shape.brokenBelow(i) > 0 || shape.problemPagesBelow(i) > 0;
    }

    /** "+40 pages" under a collapsed node; "+40 pages · 2 broken" or "· 3 damaged" when it hides damage. */
    static String hiddenText(TreeShape shape, int i) {
        int pages = shape.pagesBelow(i);
        int broken = shape.brokenBelow(i);
        int damaged = shape.problemPagesBelow(i);
        String s = "+" + String.format(Locale.ROOT, "%,d", pages) + (pages == 1 ? " page" : " pages");
        if (broken > 0) {
            return s + " · " + broken + " broken";
        }
        return damaged > 0 ? s + " · " + damaged + " damaged" : s;
    }

    /** A small circle with − (expanded: click to collapse) or + (collapsed: click to expand). */
    private static void handle(GraphicsContext g, double cx, double cy, boolean collapsed, double px) {
        double r = HANDLE_R;
        g.setFill(Color.WHITE);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setStroke(FRAME);
        g.setLineWidth(Math.max(1, px));
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        g.strokeLine(cx - r + 3, cy, cx + r - 3, cy);
        if (collapsed) {
            g.strokeLine(cx, cy - r + 3, cx, cy + r - 3);
        }
    }

    private static void brokenBox(GraphicsContext g, double x, double y, double scale) {
        g.setFill(BROKEN_FILL);
        g.setStroke(Colors.BROKEN);
        g.setLineWidth(Math.max(2, 2 / scale));
        g.setLineDashes(8, 6);
        box(g, x, y, scale >= ROUND_SCALE, scale >= DETAIL_SCALE);
        g.setLineDashes((double[]) null);
    }

    private static void brokenText(GraphicsContext g, TreeLink link, double sx, double sy, double scale, Font bold,
                                   Font plain) {
        g.setFont(bold);
        g.setFill(Colors.BROKEN);
        double room = (BOX_W - 16) * scale;
        g.fillText("✕ page " + link.page(), sx + 8 * scale, sy + 18 * scale, room);
        g.setFont(plain);
        g.setFill(Color.BLACK);
        g.fillText(link.state().label(), sx + 8 * scale, sy + 36 * scale, room);
        g.fillText("pointer at offset " + link.pointer().offset(), sx + 8 * scale, sy + 54 * scale, room);
    }
}
