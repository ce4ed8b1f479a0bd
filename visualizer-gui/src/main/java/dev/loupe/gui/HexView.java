package dev.loupe.gui;

import dev.loupe.format.Span;
import dev.loupe.format.layout.Region;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.function.IntConsumer;

/**
 * The page's bytes, 16 a row, tinted by the region each belongs to, on one canvas that draws only the visible rows
 * (a 65536-byte page is 4096 rows). The selected span is drawn highlighted; a click on a byte reports its offset.
 */
final class HexView extends BorderPane {

    private static final int PER_ROW = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Canvas canvas = new Canvas();
    private final Pane canvasPane = new Pane(canvas);
    private final ScrollBar scroll = new ScrollBar();
    private final Font font = Font.font("Monospaced", 12);
    private final double charW;
    private final double rowH;
    private byte[] data;
    private RegionIndex index;
    private Span selected;
    private IntConsumer onClick = o -> { };

    HexView() {
        setId("hex-view");
        Text probe = new Text("0");
        probe.setFont(font);
        charW = probe.getLayoutBounds().getWidth();
        rowH = Math.ceil(probe.getLayoutBounds().getHeight()) + 2;
        canvas.widthProperty().bind(canvasPane.widthProperty());
        canvas.heightProperty().bind(canvasPane.heightProperty());
        canvasPane.setMinSize(0, 0);
        canvasPane.setPrefSize(charW * 76 + 10, 300);
        scroll.setOrientation(Orientation.VERTICAL);
        setCenter(canvasPane);
        setRight(scroll);
        canvas.heightProperty().addListener(o -> redraw());
        canvas.widthProperty().addListener(o -> redraw());
        scroll.valueProperty().addListener(o -> redraw());
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> scroll.setValue(Math.max(0, Math.min(scroll.getMax(),
                scroll.getValue() - Math.signum(e.getDeltaY()) * 3))));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int off = offsetAt(e.getX(), e.getY());
            if (off >= 0) {
                onClick.accept(off);
            }
        });
    }

    void setOnClick(IntConsumer onClick) {
        this.onClick = onClick;
    }

    void show(byte[] data, RegionIndex index) {
        this.data = data;
        this.index = index;
        this.selected = null;
        scroll.setValue(0);
        redraw();
    }

    /** Highlights a span and scrolls it into view. */
    void select(Span span) {
        this.selected = span;
        if (span != null && data != null) {
            int row = (int) (span.offset() / PER_ROW);
            int visible = visibleRows();
            if (row < scroll.getValue() || row >= scroll.getValue() + visible - 1) {
                scroll.setValue(Math.max(0, Math.min(scroll.getMax(), row - 2)));
            }
        }
        redraw();
    }

    Span selected() {
        return selected;
    }

    /** The byte under a canvas point: the hex columns and the text columns both count; -1 elsewhere. */
    int offsetAt(double x, double y) {
        if (data == null) {
            return -1;
        }
        int row = (int) (y / rowH) + (int) scroll.getValue();
        double hexStart = charW * 6;
        double textStart = hexStart + charW * (PER_ROW * 3 + 1);
        int col;
        if (x >= hexStart && x < hexStart + charW * PER_ROW * 3) {
            col = (int) ((x - hexStart) / (charW * 3));
        } else if (x >= textStart && x < textStart + charW * PER_ROW) {
            col = (int) ((x - textStart) / charW);
        } else {
            return -1;
        }
        int off = row * PER_ROW + col;
        return off < data.length ? off : -1;
    }

    /** Canvas coordinates of the centre of a byte's hex digits, when its row is visible; else null. */
    double[] byteCentre(int offset) {
        int row = offset / PER_ROW - (int) scroll.getValue();
        if (row < 0 || row >= visibleRows()) {
            return null;
        }
        return new double[]{charW * 6 + (offset % PER_ROW) * charW * 3 + charW, row * rowH + rowH / 2};
    }

    Canvas canvas() {
        return canvas;
    }

    private int visibleRows() {
        return Math.max(1, (int) (canvas.getHeight() / rowH));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (data == null) {
            return;
        }
        int rows = (data.length + PER_ROW - 1) / PER_ROW;
        int visible = visibleRows();
        scroll.setMax(Math.max(0, rows - visible));
        scroll.setVisibleAmount(visible);
        int first = (int) scroll.getValue();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        double hexStart = charW * 6;
        double textStart = hexStart + charW * (PER_ROW * 3 + 1);
        for (int r = 0; r < visible + 1 && first + r < rows; r++) {
            int base = (first + r) * PER_ROW;
            double y = r * rowH;
            g.setFill(Color.GRAY);
            g.fillText(hex4(base), 0, y + rowH / 2);
            for (int c = 0; c < PER_ROW && base + c < data.length; c++) {
                int off = base + c;
                boolean sel = selected != null && off >= selected.offset() && off < selected.end();
                Region reg = index == null ? null : index.at(off);
                double x = hexStart + c * charW * 3;
                if (sel) {
                    g.setFill(Colors.SELECTION);
                    g.fillRect(x - 1, y, charW * 3, rowH);
                    g.fillRect(textStart + c * charW, y, charW, rowH);
                } else if (reg != null) {
                    g.setFill(Colors.of(reg.kind(), reg.cell()).deriveColor(0, 0.6, 1.1, 0.55));
                    g.fillRect(x - 1, y, charW * 3, rowH);
                }
                int b = data[off] & 0xff;
                g.setFill(Color.BLACK);
                g.fillText(new String(new char[]{HEX[b >> 4], HEX[b & 15]}), x, y + rowH / 2);
                g.fillText(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : ".", textStart + c * charW, y + rowH / 2);
            }
        }
    }

    private static String hex4(int v) {
        return String.format("%04x:", v);
    }
}
