package dev.loupe.gui;

import dev.loupe.format.record.Value;
import dev.loupe.format.layout.ValueText;
import dev.loupe.format.treeview.LinkState;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A b-tree as boxes (page number, kind, cell count, key range, fill) laid out leaves-first with parents centred over
 * their children. A child pointer that leads nowhere (out of range, second reference, not a b-tree page, unreadable)
 * is a red dashed edge to a red "broken" box; a pointer to a page of the wrong kind is a red dashed edge to that
 * page's box. Scroll zooms around the cursor, dragging pans, a click on a box chooses its page. The keyboard moves
 * the cursor box: left and right through siblings, up to the parent, down to the first child; Enter chooses it.
 */
final class TreeDiagram extends Pane {

    static final double BOX_W = 150;
    static final double BOX_H = 64;
    /** Fitting a wide tree stops at this scale, where box labels are still legible. */
    private static final double MIN_FIT_SCALE = 0.45;
    private static final double H_GAP = 18;
    private static final double V_GAP = 56;
    private static final double ROW_GAP = 22;
    private static final int WRAP = 8;

    private final Group world = new Group();
    private final Group edges = new Group();
    private final Group boxes = new Group();
    /** Broken edges are drawn over the boxes: they must not hide behind one. */
    private final Group brokenEdges = new Group();
    private final Label empty = new Label("Choose a table or index above to see its b-tree.");
    private LongConsumer onChoose = p -> { };
    private double nextSlot;
    private double dragX;
    private double dragY;
    private long selected;
    private long marked;
    private boolean fitPending;
    private String title;
    private TreeView view;
    /** Keyboard navigation: each shown node's parent page (0 for the root) and its shown child pages. */
    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Map<Long, List<Long>> childrenOf = new HashMap<>();

    TreeDiagram() {
        getStyleClass().add("tree-diagram");
        setStyle("-fx-background-color: white;");
        world.getChildren().addAll(edges, boxes, brokenEdges);
        getChildren().addAll(world, empty);
        empty.relocate(20, 20);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(0, 0);
        setPrefSize(800, 500);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            e.consume();
        });
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        // on release: the tab pane around takes the focus on press
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> requestFocus());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            world.setTranslateX(world.getTranslateX() + e.getX() - dragX);
            world.setTranslateY(world.getTranslateY() + e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });
    }

    void setOnChoose(LongConsumer onChoose) {
        this.onChoose = onChoose;
    }

    /** Zooms by {@code factor} keeping the point (x, y) of this pane where it is. */
    void zoom(double factor, double x, double y) {
        double s = Math.max(0.05, Math.min(4, world.getScaleX() * factor));
        double f = s / world.getScaleX();
        // The group scales about its layout-bounds centre: move it so (x, y) stays put.
        Bounds b = world.getBoundsInParent();
        double dx = (x - (b.getMinX() + b.getWidth() / 2)) * (f - 1);
        double dy = (y - (b.getMinY() + b.getHeight() / 2)) * (f - 1);
        world.setScaleX(s);
        world.setScaleY(s);
        world.setTranslateX(world.getTranslateX() - dx);
        world.setTranslateY(world.getTranslateY() - dy);
    }

    double scale() {
        return world.getScaleX();
    }

    /** Scales and moves the drawing so the whole tree fits the pane. */
    void fit() {
        world.setScaleX(1);
        world.setScaleY(1);
        world.setTranslateX(0);
        world.setTranslateY(0);
        Bounds b = world.getLayoutBounds();
        double w = getWidth() > 0 ? getWidth() : getPrefWidth();
        double h = getHeight() > 0 ? getHeight() : getPrefHeight();
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        // Never so small that the labels cannot be read: a wide tree is shown in part, around its first broken
        // link if it has one (that is what the user came for), else around its root.
        double s = Math.min(1, Math.min((w - 20) / b.getWidth(), (h - 20) / b.getHeight()));
        s = Math.max(MIN_FIT_SCALE, s);
        world.setScaleX(s);
        world.setScaleY(s);
        // Scaling is about the centre of the layout bounds: centre horizontally, top-align vertically.
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        world.setTranslateX(w / 2 - cx);
        world.setTranslateY(10 + b.getHeight() * s / 2 - cy);
        if (b.getWidth() * s > w - 20) {
            javafx.scene.Node focus = boxes.getChildren().stream()
                    .filter(n -> n.getStyleClass().contains("broken-target")).findFirst()
                    .orElse(boxes.getChildren().isEmpty() ? null : boxes.getChildren().get(boxes.getChildren().size() - 1));
            if (focus != null) {
                Bounds f = world.localToParent(focus.getBoundsInParent());
                double target = Math.min(w - 20 - f.getWidth(), Math.max(10, w / 2 - f.getWidth() / 2));
                world.setTranslateX(world.getTranslateX() + target - f.getMinX());
            }
        }
    }

    void show(String title, TreeView view) {
        this.title = title;
        this.view = view;
        parentOf.clear();
        childrenOf.clear();
        edges.getChildren().clear();
        boxes.getChildren().clear();
        brokenEdges.getChildren().clear();
        nextSlot = 0;
        if (view.root() == null) {
            empty.setText(title + ": root page " + view.rootPage() + " cannot be shown ("
                    + (view.problems().isEmpty() ? "unreadable" : view.problems().get(0).message()) + ")");
            empty.setVisible(true);
            return;
        }
        empty.setVisible(false);
        place(view.root(), 0, 0);
        restyle();
        applyCss();
        layout();
        fit();
        fitPending = getWidth() <= 0;
    }

    /** The tree shown, null before the first. */
    TreeView view() {
        return view;
    }

    /** The name of the table or index shown, null before the first. */
    String title() {
        return title;
    }

    /** The page of the box with the keyboard cursor (the selected box). */
    long selected() {
        return selected;
    }

    long marked() {
        return marked;
    }

    void highlight(long page) {
        selected = page;
        restyle();
    }

    /** Marks a page's box as the one a finding is about (a thick red frame); 0 clears the mark. */
    void mark(long page) {
        marked = page;
        restyle();
    }

    private void restyle() {
        for (javafx.scene.Node n : boxes.getChildren()) {
            if (n instanceof Group g && g.getUserData() instanceof Long p && g.getChildren().get(0)
                    instanceof Rectangle r && !g.getStyleClass().contains("broken-target")) {
                boolean bad = g.getStyleClass().contains("has-problems");
                r.setStroke(p == marked || bad ? Colors.BROKEN : Color.web("#333333"));
                r.setStrokeWidth(p == marked ? 5 : p == selected ? 3.5 : 1.2);
                g.getStyleClass().remove("finding-mark");
                if (p == marked) {
                    g.getStyleClass().add("finding-mark");
                }
            }
        }
    }

    private void key(KeyEvent e) {
        if (view == null || view.root() == null) {
            return;
        }
        long at = parentOf.containsKey(selected) ? selected : view.root().page();
        long to = switch (e.getCode()) {
            case LEFT, KP_LEFT -> sibling(at, -1);
            case RIGHT, KP_RIGHT -> sibling(at, 1);
            case UP, KP_UP -> parentOf.getOrDefault(at, 0L);
            case DOWN, KP_DOWN -> childrenOf.getOrDefault(at, List.of()).stream().findFirst().orElse(0L);
            case ENTER -> {
                highlight(at);
                onChoose.accept(at);
                e.consume();
                yield 0L;
            }
            default -> -1L;
        };
        if (to < 0) {
            return;
        }
        e.consume();
        if (to > 0) {
            highlight(to);
            reveal(to);
        } else if (!parentOf.containsKey(selected)) {
            highlight(at);
        }
    }

    private long sibling(long page, int step) {
        Long parent = parentOf.get(page);
        if (parent == null || parent == 0) {
            return 0;
        }
        List<Long> s = childrenOf.get(parent);
        int i = s.indexOf(page) + step;
        return i >= 0 && i < s.size() ? s.get(i) : 0;
    }

    /** Pans so the page's box is inside the pane. */
    private void reveal(long page) {
        javafx.scene.Node box = boxes.lookup("#node-" + page);
        if (box == null || getWidth() <= 0) {
            return;
        }
        Bounds b = world.localToParent(box.getBoundsInParent());
        double dx = b.getMinX() < 10 ? 10 - b.getMinX() : b.getMaxX() > getWidth() - 10 ? getWidth() - 10 - b.getMaxX() : 0;
        double dy = b.getMinY() < 10 ? 10 - b.getMinY() : b.getMaxY() > getHeight() - 10 ? getHeight() - 10 - b.getMaxY() : 0;
        world.setTranslateX(world.getTranslateX() + dx);
        world.setTranslateY(world.getTranslateY() + dy);
    }

    /**
     * Places a node and its subtree; returns the x of the node's centre. Leaves under one parent wrap into rows of
     * {@link #WRAP} boxes, so the usual wide, shallow b-tree (one root, dozens of leaves) stays legible when fitted.
     */
    private double place(TreeNode n, int depth, double y) {
        double cx;
        List<TreeLink> links = n.children();
        parentOf.putIfAbsent(n.page(), 0L);
        List<Long> kids = new ArrayList<>();
        for (TreeLink l : links) {
            if (l.node() != null && !parentOf.containsKey(l.node().page())) {
                parentOf.put(l.node().page(), n.page());
                kids.add(l.node().page());
            }
        }
        childrenOf.putIfAbsent(n.page(), kids);
        if (links.isEmpty()) {
            cx = slot();
        } else if (links.stream().allMatch(l -> l.node() == null || l.node().children().isEmpty())
                && links.size() > WRAP) {
            double start = nextSlot;
            double[][] at = new double[links.size()][];
            for (int i = 0; i < links.size(); i++) {
                TreeLink l = links.get(i);
                nextSlot = start + i % WRAP;
                double childY = y + BOX_H + V_GAP + (i / WRAP) * (BOX_H + ROW_GAP);
                double x = l.node() != null ? place(l.node(), depth + 1, childY) : brokenBox(l, childY);
                at[i] = new double[]{x, childY};
            }
            nextSlot = start + WRAP;
            cx = (at[0][0] + at[WRAP - 1][0]) / 2;
            for (int i = 0; i < links.size(); i++) {
                edge(cx, y + BOX_H, at[i][0], at[i][1], links.get(i));
            }
        } else {
            double[] xs = new double[links.size()];
            double childY = y + BOX_H + V_GAP;
            for (int i = 0; i < links.size(); i++) {
                TreeLink l = links.get(i);
                xs[i] = l.node() != null ? place(l.node(), depth + 1, childY) : brokenBox(l, childY);
            }
            cx = (xs[0] + xs[xs.length - 1]) / 2;
            for (int i = 0; i < links.size(); i++) {
                edge(cx, y + BOX_H, xs[i], childY, links.get(i));
            }
        }
        box(n, cx, y);
        return cx;
    }

    private double slot() {
        double cx = nextSlot * (BOX_W + H_GAP) + BOX_W / 2;
        nextSlot++;
        return cx;
    }

    private void edge(double x1, double y1, double x2, double y2, TreeLink link) {
        Line line = new Line(x1, y1, x2, y2);
        if (link.state() == LinkState.OK) {
            line.setStroke(Color.web("#808080", 0.6));
            line.getStyleClass().add("tree-link");
        } else {
            line.setStroke(Colors.BROKEN);
            line.setStrokeWidth(2);
            line.getStrokeDashArray().setAll(8.0, 6.0);
            line.getStyleClass().add("broken-link");
            line.setId("broken-link-" + link.pointer().offset());
            Tooltip.install(line, new Tooltip(link.state().label() + ": " + link.message()));
        }
        line.setUserData(link);
        (link.state() == LinkState.OK ? edges : brokenEdges).getChildren().add(line);
    }

    private double brokenBox(TreeLink link, double y) {
        double cx = slot();
        double x = cx - BOX_W / 2;
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
        boxes.getChildren().add(g);
        return cx;
    }

    private void box(TreeNode n, double cx, double y) {
        double x = cx - BOX_W / 2;
        boolean bad = !n.problems().isEmpty();
        Rectangle r = new Rectangle(x, y, BOX_W, BOX_H);
        r.setArcWidth(8);
        r.setArcHeight(8);
        r.setFill(Colors.of(kindOf(n)).deriveColor(0, 0.45, 1.15, 1));
        r.setStroke(bad ? Colors.BROKEN : Color.web("#333333"));
        r.setStrokeWidth(1.2);
        double fill = Math.max(0, Math.min(100, n.fillPercent()));
        Rectangle bar = new Rectangle(x + 8, y + BOX_H - 9, (BOX_W - 16) * fill / 100, 4);
        bar.setFill(Color.web("#555555"));
        Rectangle barBack = new Rectangle(x + 8, y + BOX_H - 9, BOX_W - 16, 4);
        barBack.setFill(Color.web("#ffffff", 0.7));
        Text t1 = text("page " + n.page(), x + 8, y + 16, true);
        Text t2 = text(n.type().label() + " · " + n.cellCount() + (n.cellCount() == 1 ? " cell" : " cells"),
                x + 8, y + 31, false);
        Text t3 = text(keyRange(n) + "  " + String.format(Locale.ROOT, "%.0f%%", n.fillPercent()), x + 8, y + 45,
                false);
        Group g = new Group(r, barBack, bar, t1, t2, t3);
        if (n.hiddenPages() > 0) {
            Text more = text("+" + n.hiddenPages() + " pages below", x + 8, y + BOX_H + 14, false);
            more.setFill(Color.GRAY);
            g.getChildren().add(more);
        }
        if (bad) {
            g.getStyleClass().add("has-problems");
            Tooltip.install(g, new Tooltip(String.join("\n", n.problems().stream().limit(8)
                    .map(p -> p.kind().code() + ": " + p.message()).toList())));
        }
        g.getStyleClass().add("tree-node");
        g.setId("node-" + n.page());
        g.setUserData(n.page());
        g.setCursor(javafx.scene.Cursor.HAND);
        g.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                highlight(n.page());
                onChoose.accept(n.page());
            }
        });
        boxes.getChildren().add(g);
    }

    static dev.loupe.format.map.PageKind kindOf(TreeNode n) {
        return switch (n.type()) {
            case TABLE_INTERIOR -> dev.loupe.format.map.PageKind.TABLE_INTERIOR;
            case TABLE_LEAF -> dev.loupe.format.map.PageKind.TABLE_LEAF;
            case INDEX_INTERIOR -> dev.loupe.format.map.PageKind.INDEX_INTERIOR;
            case INDEX_LEAF -> dev.loupe.format.map.PageKind.INDEX_LEAF;
        };
    }

    /** "rowids 1..40" or "keys 'a'..'m'" (shortened to fit the box). */
    static String keyRange(TreeNode n) {
        if (n.type().isTable()) {
            if (n.firstRowid() == null) {
                return "";
            }
            return (n.type().isLeaf() ? "rowids " : "dividers ") + n.firstRowid()
                    + (n.lastRowid().equals(n.firstRowid()) ? "" : ".." + n.lastRowid());
        }
        if (n.firstKey() == null || n.firstKey().isEmpty()) {
            return "";
        }
        return "keys " + first(n.firstKey()) + ".." + first(n.lastKey());
    }

    private static String first(List<Value> key) {
        return key == null || key.isEmpty() ? "?" : ValueText.brief(key.get(0), 8);
    }

    private static Text text(String s, double x, double y, boolean bold) {
        Text t = new Text(x, y, s);
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, bold ? 12 : 11));
        t.setMouseTransparent(false);
        return t;
    }

    @Override
    protected void layoutChildren() {
        // The world group keeps its own coordinates; only the hint label is laid out.
        empty.autosize();
        if (fitPending && getWidth() > 0) {
            fitPending = false;
            fit();
        }
    }
}
