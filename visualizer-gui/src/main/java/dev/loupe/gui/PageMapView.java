package dev.loupe.gui;

import dev.loupe.format.Problem;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.BitSet;
import java.util.function.LongConsumer;

/**
 * Every page of the file as a square of a grid on ONE canvas, coloured by its {@link PageKind}. Only the visible
 * rows are drawn (a million pages cost what one screenful costs); a scroll bar moves through the rows. Hover tells
 * kind and owner; a click selects the page. Pages with problems get a red corner; the pages a WAL commit wrote get a
 * dot. Arrow keys move the selection (left/right one page, up/down one row), Enter opens it.
 */
final class PageMapView extends BorderPane {

    /** The smallest square side; small files get larger squares that fill the view. */
    static final double MIN_CELL = 14;
    private static final double MAX_CELL = 40;
    private double cell = MIN_CELL;

    private final Canvas canvas = new Canvas();
    private final Pane canvasPane = new Pane(canvas);
    private final ScrollBar scroll = new ScrollBar();
    private final Label hover = new Label(" ");
    private final LongProperty selected = new SimpleLongProperty(this, "selected", 0);
    private PageMap map;
    private BitSet problemPages = new BitSet();
    private BitSet written = new BitSet();
    private LongConsumer onChoose = p -> { };

    PageMapView() {
        getStyleClass().add("page-map");
        canvas.setId("page-map-canvas");
        canvas.widthProperty().bind(canvasPane.widthProperty());
        canvas.heightProperty().bind(canvasPane.heightProperty());
        canvasPane.setMinSize(0, 0);
        canvasPane.setPrefSize(600, 400);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setMin(0);
        setCenter(canvasPane);
        setRight(scroll);
        VBox bottom = new VBox(2, hover, legend());
        bottom.setPadding(new Insets(4));
        setBottom(bottom);

        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        scroll.valueProperty().addListener(o -> redraw());
        selected.addListener(o -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> describe(pageAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
        canvas.setFocusTraversable(true);
        // on release: the tab pane around takes the focus on press
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> canvas.requestFocus());
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            long p = pageAt(e.getX(), e.getY());
            if (p > 0) {
                selected.set(p);
                onChoose.accept(p);
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> scroll.setValue(clamp(scroll.getValue()
                - Math.signum(e.getDeltaY()) * 3, scroll.getMin(), scroll.getMax())));
    }

    /** Set by {@link #legend()} while the constructor runs. */
    private HBox writtenLegend;

    /** The "written by the commit shown" entry of the legend: only for files with a WAL. */
    void showWrittenLegend(boolean show) {
        writtenLegend.setVisible(show);
        writtenLegend.setManaged(show);
    }

    private FlowPane legend() {
        FlowPane legend = new FlowPane(10, 4);
        legend.setId("page-map-legend");
        for (PageKind k : PageKind.values()) {
            Rectangle swatch = new Rectangle(10, 10, Colors.of(k));
            swatch.setStroke(Color.GRAY);
            legend.getChildren().add(new HBox(4, swatch, new Label(k.label())));
        }
        javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5, Colors.WRITTEN);
        dot.setStroke(Color.BLACK);
        HBox written = new HBox(4, dot, new Label("written by the commit shown"));
        written.setVisible(false);
        written.setManaged(false);
        legend.getChildren().add(written);
        writtenLegend = written;
        return legend;
    }

    void setMap(PageMap map) {
        this.map = map;
        BitSet marked = new BitSet();
        for (Problem p : map.problems()) {
            long page = p.span().page();
            if (page >= 1 && page <= map.pageCount()) {
                marked.set((int) page);
            }
        }
        this.problemPages = marked;
        scroll.setValue(0);
        selected.set(0);
        redraw();
    }

    /** Another version of the same file (a WAL commit): keeps the scroll position and the selection. */
    void replaceMap(PageMap map) {
        long keep = selected.get();
        double at = scroll.getValue();
        setMap(map);
        scroll.setValue(Math.min(at, scroll.getMax()));
        selected.set(keep <= map.pageCount() ? keep : 0);
        redraw();
    }

    /** The pages the WAL commit shown wrote (a dot on each); empty for none. */
    void setWritten(BitSet pages) {
        this.written = (BitSet) pages.clone();
        redraw();
    }

    boolean isWritten(long page) {
        return page > 0 && page <= Integer.MAX_VALUE && written.get((int) page);
    }

    boolean hasProblemMark(long page) {
        return page > 0 && page <= Integer.MAX_VALUE && problemPages.get((int) page);
    }

    PageMap map() {
        return map;
    }

    private void key(KeyEvent e) {
        if (map == null || map.pageCount() == 0) {
            return;
        }
        long at = selected.get() < 1 ? 1 : selected.get();
        long to = switch (e.getCode()) {
            case LEFT, KP_LEFT -> at - 1;
            case RIGHT, KP_RIGHT -> at + 1;
            case UP, KP_UP -> at - columns();
            case DOWN, KP_DOWN -> at + columns();
            case HOME -> 1;
            case END -> map.pageCount();
            case ENTER -> {
                onChoose.accept(at);
                e.consume();
                yield -1;
            }
            default -> -1;
        };
        if (to == -1 && e.getCode() != javafx.scene.input.KeyCode.ENTER) {
            return;
        }
        e.consume();
        if (to >= 1 && to <= map.pageCount()) {
            select(to);
            describe(to);
        }
    }

    /** Marks more pages as having problems (e.g. the checker's findings). */
    void markProblems(BitSet pages) {
        problemPages.or(pages);
        redraw();
    }

    void setOnChoose(LongConsumer onChoose) {
        this.onChoose = onChoose;
    }

    LongProperty selectedProperty() {
        return selected;
    }

    /** Selects a page and scrolls it into view. */
    void select(long page) {
        selected.set(page);
        int cols = columns();
        if (cols > 0 && page > 0 && canvas.getHeight() > cell) {
            long row = (page - 1) / cols;
            if (row < (long) scroll.getValue() || row >= (long) scroll.getValue() + visibleRows() - 1) {
                scroll.setValue(clamp(row - visibleRows() / 2.0, 0, scroll.getMax()));
            }
        }
    }

    int columns() {
        return Math.max(1, (int) (canvas.getWidth() / cell));
    }

    private int visibleRows() {
        return (int) Math.ceil(canvas.getHeight() / cell);
    }

    /** Where a page's square is drawn now, in canvas coordinates: {x, y}, or null when scrolled out of view. */
    double[] cellOrigin(long page) {
        if (map == null || page < 1 || page > map.pageCount()) {
            return null;
        }
        int cols = columns();
        long row = (page - 1) / cols - (long) scroll.getValue();
        if (row < 0 || row >= visibleRows()) {
            return null;
        }
        return new double[]{((page - 1) % cols) * cell, row * cell};
    }

    /** The side of a page's square now (it grows when few pages fill the view). */
    double cellSize() {
        return cell;
    }

    Canvas canvas() {
        return canvas;
    }

    long pageAt(double x, double y) {
        if (map == null || x < 0 || y < 0) {
            return 0;
        }
        int cols = columns();
        int col = (int) (x / cell);
        if (col >= cols) {
            return 0;
        }
        long row = (long) scroll.getValue() + (long) (y / cell);
        long p = row * cols + col + 1;
        return p <= map.pageCount() ? p : 0;
    }

    private void describe(long page) {
        if (page <= 0) {
            hover.setText(" ");
            return;
        }
        PageKind k = map.kind(page);
        ObjectPages o = map.owner(page);
        hover.setText("page " + page + ": " + k.label() + (o == null ? "" : " of " + o.type() + " " + o.name())
                + (problemPages.get((int) page) ? "  (problems)" : ""));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (map == null) {
            return;
        }
        double area = w * h;
        cell = Math.floor(Math.max(MIN_CELL, Math.min(MAX_CELL, Math.sqrt(area / Math.max(1, map.pageCount())) * 0.8)));
        int cols = columns();
        long rows = (map.pageCount() + cols - 1) / cols;
        int visible = visibleRows();
        // the last row may be cut by the bottom edge: allow scrolling one row further, but only when needed
        scroll.setMax(rows * cell <= h ? 0 : rows - visible + 1);
        if (scroll.getValue() > scroll.getMax()) {
            scroll.setValue(scroll.getMax());
        }
        scroll.setVisibleAmount(Math.max(1, visible));
        long first = (long) scroll.getValue();
        g.setFont(javafx.scene.text.Font.font("System", 9));
        for (int r = 0; r < visible; r++) {
            long rowStart = (first + r) * cols;
            for (int c = 0; c < cols; c++) {
                long p = rowStart + c + 1;
                if (p > map.pageCount()) {
                    return;
                }
                double x = c * cell;
                double y = r * cell;
                g.setFill(Colors.of(map.kind(p)));
                g.fillRect(x, y, cell - 1, cell - 1);
                if (cell >= 28) {
                    g.setFill(Color.web("#000000", 0.55));
                    g.fillText(Long.toString(p), x + 3, y + cell - 5);
                }
                if (problemPages.get((int) p)) {
                    g.setFill(Colors.BROKEN);
                    double m = Math.max(6, cell / 3);
                    g.fillPolygon(new double[]{x + cell - 1 - m, x + cell - 1, x + cell - 1},
                            new double[]{y, y, y + m}, 3);
                }
                if (written.get((int) p)) {
                    double d = Math.max(5, cell / 3);
                    g.setFill(Colors.WRITTEN);
                    g.fillOval(x + (cell - 1 - d) / 2, y + (cell - 1 - d) / 2, d, d);
                    g.setStroke(Color.BLACK);
                    g.setLineWidth(1);
                    g.strokeOval(x + (cell - 1 - d) / 2, y + (cell - 1 - d) / 2, d, d);
                }
                if (p == selected.get()) {
                    g.setStroke(Color.BLACK);
                    g.setLineWidth(2);
                    g.strokeRect(x + 1, y + 1, cell - 3, cell - 3);
                }
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
