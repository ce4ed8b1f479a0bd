package dev.loupe.gui;

import dev.loupe.format.Span;
import dev.loupe.format.layout.Region;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import java.util.function.IntConsumer;

/** The whole page as one horizontal bar: each region a coloured stretch, the selected one outlined. */
final class ByteMapBar extends Pane {

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private RegionIndex index;
    private Span selected;
    private IntConsumer onClick = o -> { };

    ByteMapBar() {
        getChildren().add(canvas);
        setId("byte-map");
        setMinHeight(26);
        setPrefHeight(26);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        Tooltip.install(canvas, tip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Region r = index == null ? null : index.at(offsetAt(e.getX()));
            tip.setText(r == null ? "" : "@" + r.span().offset() + " +" + r.span().length() + "  " + r.label());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (index != null) {
                onClick.accept(offsetAt(e.getX()));
            }
        });
    }

    void setOnClick(IntConsumer onClick) {
        this.onClick = onClick;
    }

    void show(RegionIndex index) {
        this.index = index;
        this.selected = null;
        redraw();
    }

    void select(Span span) {
        this.selected = span;
        redraw();
    }

    private int offsetAt(double x) {
        return index == null ? -1 : (int) Math.min(index.size() - 1, Math.max(0, x / canvas.getWidth() * index.size()));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (index == null || index.size() == 0) {
            return;
        }
        double perByte = w / index.size();
        // One column of pixels at a time: the colour of the region of the byte under its left edge.
        for (int px = 0; px < w; px++) {
            Region r = index.at((int) (px / perByte));
            g.setFill(r == null ? Color.WHITE : Colors.of(r.kind(), r.cell()));
            g.fillRect(px, 2, 1, h - 4);
        }
        if (selected != null) {
            double x = selected.offset() * perByte;
            double sw = Math.max(2, selected.length() * perByte);
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeRect(x, 1, sw, h - 2);
        }
    }
}
