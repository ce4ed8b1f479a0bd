package dev.loupe.gui;

import dev.loupe.format.treeview.TreeView;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.BitSet;
import java.util.function.LongConsumer;

import static dev.loupe.gui.TreeLayout.BOX_H;
import static dev.loupe.gui.TreeLayout.BOX_W;

/**
 * A b-tree as boxes (page number, kind, cell count, key range, fill) laid out leaves-first with parents centred over
 * their children ({@link TreeLayout}), painted on one canvas ({@link TreePainter}): only what is on screen is drawn,
 * and a pan or zoom repaints at most once per frame, so a tree of 100,000 pages moves as smoothly as one of ten.
 * Broken links (out of range, second reference, not a b-tree page, unreadable) are red dashed edges to a red box, in
 * the scene graph over the canvas ({@link TreeOverlay}).
 *
 * <p>Scroll zooms around the cursor, dragging pans, a click on a box chooses its page. A node with children has a
 * handle under it: click it (or double-click the box, or press Space) to collapse or expand its subtree; a collapsed
 * node is drawn as a stack and counts the pages it hides, in red with the number of broken links when some are among
 * them. A large tree opens with its deeper levels collapsed ({@link ShownTree#DEFAULT_MAX_SHOWN}). Keys move the
 * cursor box: left and right through siblings, up to the parent, down to the first child (expanding a collapsed
 * node); Enter chooses it; Space toggles, '-' collapses (on a leaf: its parent), '+' expands, '*' expands
 * everything below.
 */
final class TreeDiagram extends Pane {

    static final double MIN_SCALE = 0.01;
    /** Trees of at most this many items are laid out again at once on the FX thread (a few milliseconds). */
    static final int SYNC_LAYOUT_ITEMS = 10_000;
    static final double MAX_SCALE = 4;
    /**
     * The canvas leaves this margin of the white backdrop around it. JavaFX starts repainting a changed area at the
     * deepest node whose opaque region covers it; a canvas has none, so that node is the backdrop, which still
     * covers the canvas's area once it is rounded out to whole pixels. Without it every frame also repaints the
     * (cached, costly in software rendering) backgrounds of the window, split panes and tabs behind the tree.
     */
    static final double INSET = 1;
    /** Fitting a wide tree stops at this scale, where box labels are still legible. */
    private static final double MIN_FIT_SCALE = 0.45;

    private final Canvas canvas = new Canvas();
    private final TreeOverlay overlay = new TreeOverlay();
    private final TreePainter painter = new TreePainter();
    private final Label empty = new Label("Choose a table or index above to see its b-tree.");
    private final Label hint = new Label("Scroll: zoom · drag: pan · ⊟/⊞ or Space: collapse/expand · *: all below");
    private final Tooltip tip = new Tooltip();
    private final Runnable pulse = this::paintIfDirty;
    private LongConsumer onChoose = p -> { };
    private double scale = 1;
    private double tx;
    private double ty;
    private double dragX;
    private double dragY;
    private boolean dirty;
    private boolean fitPending;
    private int hover = -1;
    private long selected;
    private long marked;
    private String title;
    private TreeView view;
    private TreeShape shape;
    private TreeLayout layout;
    private BitSet collapsed = new BitSet();
    private int layoutGeneration;
    private int pendingLayouts;
    private java.util.concurrent.ExecutorService layoutThread;

    TreeDiagram() {
        getStyleClass().add("tree-diagram");
        canvas.setId("tree-canvas");
        hint.setStyle("-fx-text-fill: #555555; -fx-padding: 2 6 2 6;");
        hint.setMouseTransparent(true);
        hint.setVisible(false);
        // Only the overlay is clipped (its lines run off screen): a clip on the pane itself would take away the
        // opaque region that lets a frame repaint this pane alone (see INSET).
        Pane overlayPane = new Pane(overlay);
        overlayPane.setManaged(false);
        overlayPane.setPickOnBounds(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        overlayPane.setClip(clip);
        // An opaque rectangle under the canvas: a frame's repaint starts there (see INSET) and costs one fill.
        Rectangle backdrop = new Rectangle();
        backdrop.setFill(javafx.scene.paint.Color.WHITE);
        backdrop.widthProperty().bind(widthProperty());
        backdrop.heightProperty().bind(heightProperty());
        backdrop.setManaged(false);
        getChildren().addAll(backdrop, canvas, overlayPane, empty, hint);
        empty.relocate(20, 20);
        setMinSize(0, 0);
        setPrefSize(800, 500);
        tip.setShowDelay(Duration.millis(400));
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePreLayoutPulseListener(pulse);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(pulse);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            }
            e.consume();
        });
        setFocusTraversable(true);
        TreeKeys keys = new TreeKeys(this);
        addEventHandler(KeyEvent.KEY_PRESSED, keys::pressed);
        addEventHandler(KeyEvent.KEY_TYPED, keys::typed);
        // on release: the tab pane around takes the focus on press
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> requestFocus());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            pan(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> describe(itemAt(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> describe(-1));
    }

    void setOnChoose(LongConsumer onChoose) {
        this.onChoose = onChoose;
    }

    // ---- what is shown ----

    /** Shows a tree walked (and laid out) elsewhere; fits it to the pane. */
    void show(ShownTree t) {
        this.title = t.title();
        this.view = t.view();
        this.shape = t.shape();
        this.collapsed = (BitSet) t.layout().collapsed().clone();
        this.hover = -1;
        layoutGeneration++;
        if (view.root() == null) {
            empty.setText(title + ": root page " + view.rootPage() + " cannot be shown ("
                    + (view.problems().isEmpty() ? "unreadable" : view.problems().get(0).message()) + ")");
            empty.setVisible(true);
            hint.setVisible(false);
            setLayout(null);
            return;
        }
        empty.setVisible(false);
        hint.setVisible(true);
        setLayout(t.layout());
        fit();
        fitPending = getWidth() <= 0;
    }

    /** Shows a tree, laying it out on the calling (FX) thread: for small trees and tests. */
    void show(String title, TreeView view) {
        show(ShownTree.of(title, view));
    }

    private void setLayout(TreeLayout l) {
        this.layout = l;
        overlay.show(l);
        invalidate();
    }

    /** The tree shown, null before the first. */
    TreeView view() {
        return view;
    }

    /** The name of the table or index shown, null before the first. */
    String title() {
        return title;
    }

    TreeLayout treeLayout() {
        return layout;
    }

    Canvas canvas() {
        return canvas;
    }

    // ---- collapsing ----

    /** Whether the page's node is collapsed (its subtree hidden). */
    boolean isCollapsed(long page) {
        int i = item(page);
        return i >= 0 && collapsed.get(i);
    }

    /** Whether the page's box is drawn (no collapsed ancestor hides it). */
    boolean isShown(long page) {
        int i = item(page);
        return i >= 0 && layout != null && layout.isShown(i);
    }

    void collapse(long page) {
        int i = item(page);
        if (i >= 0 && shape.hasChildren(i) && !collapsed.get(i)) {
            collapsed.set(i);
            relayout(i, () -> { });
        }
    }

    void expand(long page) {
        expand(page, () -> { });
    }

    /** Expands the page's node; {@code then} runs once the new layout is shown. */
    void expand(long page, Runnable then) {
        int i = item(page);
        if (i >= 0 && collapsed.get(i)) {
            collapsed.clear(i);
            relayout(i, then);
        } else {
            then.run();
        }
    }

    void toggle(long page) {
        if (isCollapsed(page)) {
            expand(page);
        } else {
            collapse(page);
        }
    }

    /** Expands the page's node and everything below it. */
    void expandBelow(long page) {
        expandBelow(page, () -> { });
    }

    /** Expands the page's node and everything below it; {@code then} runs once the new layout is shown. */
    void expandBelow(long page, Runnable then) {
        int i = item(page);
        if (i >= 0 && collapsed.nextSetBit(i) >= 0 && collapsed.nextSetBit(i) < shape.end(i)) {
            collapsed.clear(i, shape.end(i));
            relayout(i, then);
        } else {
            then.run();
        }
    }

    /** Expands every node of the tree; {@code then} runs once the new layout is shown. */
    void expandAll(Runnable then) {
        if (shape != null && shape.size() > 0) {
            expandBelow(shape.page(0), then);
        } else {
            then.run();
        }
    }

    /** Whether a layout is being computed in the background (the drawing shows the previous one meanwhile). */
    boolean layoutPending() {
        return pendingLayouts > 0;
    }

    /**
     * Lays the tree out again after a collapse or expand, keeping item {@code anchor}'s box where it was on screen,
     * then runs {@code then}. A large tree is laid out on a background thread (100,000 boxes take some 50-150 ms)
     * while the previous layout stays on screen; when several requests overlap, only the last one is shown.
     */
    private void relayout(int anchor, Runnable then) {
        BitSet state = (BitSet) collapsed.clone();
        TreeShape of = shape;
        int generation = ++layoutGeneration;
        if (of.size() <= SYNC_LAYOUT_ITEMS) {
            apply(TreeLayout.of(of, state), anchor, then);
            return;
        }
        pendingLayouts++;
        layouts().execute(() -> {
            TreeLayout next = TreeLayout.of(of, state);
            Platform.runLater(() -> {
                pendingLayouts--;
                if (generation == layoutGeneration && of == shape) {
                    apply(next, anchor, then);
                }
            });
        });
    }

    private void apply(TreeLayout next, int anchor, Runnable then) {
        double beforeX = layout != null && layout.isShown(anchor) ? layout.centreX(anchor) * scale + tx : Double.NaN;
        double beforeY = layout != null && layout.isShown(anchor) ? layout.top(anchor) * scale + ty : Double.NaN;
        setLayout(next);
        if (!Double.isNaN(beforeX) && layout.isShown(anchor)) {
            tx += beforeX - (layout.centreX(anchor) * scale + tx);
            ty += beforeY - (layout.top(anchor) * scale + ty);
            placeOverlay();
        }
        then.run();
    }

    private java.util.concurrent.Executor layouts() {
        if (layoutThread == null) {
            layoutThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "loupe-tree-layout");
                t.setDaemon(true);
                return t;
            });
        }
        return layoutThread;
    }

    /** Stops the background layout thread (the window is closing). */
    void shutdown() {
        if (layoutThread != null) {
            layoutThread.shutdownNow();
        }
    }

    /** Expands the collapsed ancestors of item {@code i} so that its box is drawn, then runs {@code then}. */
    private void unfold(int i, Runnable then) {
        if (layout == null || layout.isShown(i)) {
            then.run();
            return;
        }
        for (int p = shape.parent(i); p >= 0; p = shape.parent(p)) {
            collapsed.clear(p);
        }
        relayout(shape.shownAncestor(i, layout.collapsed()), then);
    }

    private int item(long page) {
        return shape == null ? -1 : shape.itemOf(page);
    }

    // ---- selection ----

    /** The page of the box with the keyboard cursor (the selected box). */
    long selected() {
        return selected;
    }

    long marked() {
        return marked;
    }

    /** The page whose box is drawn with the finding's frame: the marked page, or the collapsed node hiding it. */
    long markedBox() {
        int i = shownItem(marked);
        return i < 0 ? 0 : shape.page(i);
    }

    void highlight(long page) {
        selected = page;
        invalidate();
    }

    /**
     * Marks a page's box as the one a finding is about (a thick red frame), expanding what hides it; 0 clears the
     * mark.
     */
    void mark(long page) {
        marked = page;
        int i = item(page);
        if (i >= 0) {
            unfold(i, () -> reveal(page));
        }
        invalidate();
    }

    // ---- the viewport ----

    double scale() {
        return scale;
    }

    /** Zooms by {@code factor} keeping the point (x, y) of this pane where it is. */
    void zoom(double factor, double x, double y) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double wx = (x - tx) / scale;
        double wy = (y - ty) / scale;
        scale = s;
        tx = x - wx * s;
        ty = y - wy * s;
        placeOverlay();
    }

    /** Moves the drawing by (dx, dy) pixels. */
    void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        placeOverlay();
    }

    /** Scales and moves the drawing so the whole tree fits the pane, or as much as stays legible. */
    void fit() {
        if (layout == null || layout.shownCount() == 0) {
            return;
        }
        double w = width();
        double h = height();
        double bw = layout.width();
        double bh = layout.height();
        // Never so small that the labels cannot be read: a wide tree is shown in part, around its first broken
        // link if it has one (that is what the user came for), else around its root.
        double s = Math.min(1, Math.min((w - 20) / bw, (h - 20) / bh));
        scale = Math.max(MIN_FIT_SCALE, s);
        tx = w / 2 - bw * scale / 2;
        ty = 10;
        if (bw * scale > w - 20) {
            int focus = focusItem();
            double left = (layout.centreX(focus) - BOX_W / 2) * scale + tx;
            double fw = BOX_W * scale;
            double target = Math.min(w - 20 - fw, Math.max(10, w / 2 - fw / 2));
            tx += target - left;
        }
        placeOverlay();
    }

    /** The first item shown that is or hides damage (a broken link, a collapsed node over one), else the root. */
    private int focusItem() {
        for (int i : layout.shown()) {
            boolean brokenHere = shape.link(i) != null && shape.link(i).state().broken();
            boolean hides = layout.isCollapsed(i) && shape.brokenBelow(i) > 0;
            if (brokenHere || hides) {
                return i;
            }
        }
        return 0;
    }

    /** Where the page's box centre is in this pane's coordinates (maybe outside it), null if not drawn. */
    double[] boxCentre(long page) {
        int i = item(page);
        if (i < 0 || layout == null || !layout.isShown(i)) {
            return null;
        }
        return new double[]{layout.centreX(i) * scale + tx, (layout.top(i) + BOX_H / 2) * scale + ty};
    }

    /** Where the collapse/expand handle of the page's node is in this pane's coordinates, null if none. */
    double[] handleCentre(long page) {
        int i = item(page);
        if (i < 0 || layout == null || !layout.isShown(i) || !shape.hasChildren(i)) {
            return null;
        }
        return new double[]{layout.centreX(i) * scale + tx, (layout.top(i) + BOX_H) * scale + ty};
    }

    /** Pans so the page's box is inside the pane. */
    void reveal(long page) {
        double[] c = boxCentre(page);
        if (c == null || getWidth() <= 0) {
            return;
        }
        double hw = BOX_W * scale / 2;
        double hh = BOX_H * scale / 2;
        double dx = c[0] - hw < 10 ? 10 - (c[0] - hw) : c[0] + hw > getWidth() - 10 ? getWidth() - 10 - (c[0] + hw) : 0;
        double dy = c[1] - hh < 10 ? 10 - (c[1] - hh) : c[1] + hh > getHeight() - 10
                ? getHeight() - 10 - (c[1] + hh) : 0;
        pan(dx, dy);
    }

    private double width() {
        return getWidth() > 0 ? getWidth() : getPrefWidth();
    }

    private double height() {
        return getHeight() > 0 ? getHeight() : getPrefHeight();
    }

    private void placeOverlay() {
        overlay.place(scale, tx, ty);
        invalidate();
    }

    // ---- painting ----

    /** Asks for a repaint at the next frame; many changes within one frame cost one paint. */
    private void invalidate() {
        if (!dirty) {
            dirty = true;
            Platform.requestNextPulse();
        }
    }

    private void paintIfDirty() {
        if (dirty) {
            paintNow();
        }
    }

    /** Paints the canvas now (the frame's pulse does it otherwise); returns the boxes drawn. */
    int paintNow() {
        dirty = false;
        if (layout == null) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return 0;
        }
        int cursor = shownItem(selected);
        int mark = shownItem(marked);
        return painter.paint(canvas.getGraphicsContext2D(), layout, scale, tx - INSET, ty - INSET,
                canvas.getWidth(), canvas.getHeight(), cursor, mark, overlay.active());
    }

    /** The node with the keyboard cursor, or the collapsed node that hides it; the root when none. */
    int cursorItem() {
        int at = shownItem(selected);
        return at < 0 || !shape.isNode(at) ? 0 : at;
    }

    /** Chooses a page as a click on its box does: the cursor goes there and the page opens. */
    void choose(long page) {
        highlight(page);
        onChoose.accept(page);
    }

    /** The item drawn for a page: its own box, or the collapsed node that hides it; -1 if not in the tree. */
    private int shownItem(long page) {
        int i = item(page);
        return i < 0 || layout == null ? -1 : shape.shownAncestor(i, collapsed);
    }

    @Override
    protected void layoutChildren() {
        // The drawing keeps its own coordinates; the canvas covers the pane, the labels sit in its corners.
        double w = getWidth();
        double h = getHeight();
        double cw = Math.max(0, w - 2 * INSET);
        double ch = Math.max(0, h - 2 * INSET);
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.relocate(INSET, INSET);
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            dirty = true;
        }
        // the pane is not clipped (see the overlay): labels are cut short with an ellipsis instead
        empty.resize(Math.max(0, Math.min(empty.prefWidth(-1), w - 40)), empty.prefHeight(-1));
        hint.resize(Math.max(0, Math.min(hint.prefWidth(-1), w - 12)), hint.prefHeight(-1));
        hint.relocate(6, Math.max(0, h - hint.getHeight() - 6));
        if (fitPending && w > 0) {
            fitPending = false;
            fit();
        }
        if (dirty) {
            paintNow();
        }
    }

    // ---- input ----

    /** The item under a point of this pane, -1 for none. */
    private int itemAt(double x, double y) {
        return layout == null ? -1 : layout.itemAt((x - tx) / scale, (y - ty) / scale);
    }

    /** The node whose collapse handle is under a point of this pane, -1 for none. */
    private int handleAt(double x, double y) {
        if (layout == null || scale < TreePainter.DETAIL_SCALE) {
            return -1;
        }
        double wx = (x - tx) / scale;
        double wy = (y - ty) / scale;
        double r = TreePainter.HANDLE_R + 3;
        int[] found = {-1};
        layout.forEachBoxIn(wx - r, wy - BOX_H - r, wx + r, wy + r, i -> {
            double dx = wx - layout.centreX(i);
            double dy = wy - (layout.top(i) + BOX_H);
            if (shape.hasChildren(i) && dx * dx + dy * dy <= r * r) {
                found[0] = i;
            }
        });
        return found[0];
    }

    private void click(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || layout == null) {
            return;
        }
        int h = handleAt(e.getX(), e.getY());
        if (h >= 0) {
            toggle(shape.page(h));
            highlight(shape.page(h));
            return;
        }
        int i = itemAt(e.getX(), e.getY());
        if (i < 0 || !shape.isNode(i)) {
            return;
        }
        long page = shape.page(i);
        if (e.getClickCount() == 2 && shape.hasChildren(i)) {
            toggle(page);
            return;
        }
        choose(page);
    }

    private void describe(int i) {
        if (i == hover) {
            return;
        }
        hover = i;
        if (i < 0) {
            Tooltip.uninstall(this, tip);
            return;
        }
        tip.setText(NodeText.describe(layout, i));
        Tooltip.install(this, tip);
    }
}
