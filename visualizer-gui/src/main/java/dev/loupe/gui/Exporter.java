package dev.loupe.gui;

import javafx.concurrent.Task;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Export menu: the b-tree shown as DOT, SVG or PNG (the last two through Graphviz's {@code dot} when installed),
 * and the page map as PNG (a snapshot of its canvas). Files are written off the FX thread.
 */
final class Exporter {

    private final MainWindow window;
    private GraphvizDot graphviz = new GraphvizDot();

    Exporter(MainWindow window) {
        this.window = window;
    }

    /** Tests point this at another (or a missing) dot program. */
    void useGraphviz(GraphvizDot g) {
        this.graphviz = g;
    }

    MenuButton menu() {
        MenuButton m = new MenuButton("Export");
        m.setId("export-menu");
        m.getItems().addAll(item("B-tree as DOT…", "dot"), item("B-tree as SVG (Graphviz)…", "svg"),
                item("B-tree as PNG (Graphviz)…", "png"), mapItem());
        return m;
    }

    private MenuItem item(String text, String format) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> {
            if (window.tree().view() == null) {
                window.status().setText("Choose a b-tree first: the export writes the tree shown.");
                return;
            }
            Path out = choose(window.tree().title() + "." + format, format.toUpperCase(java.util.Locale.ROOT),
                    "*." + format);
            if (out != null) {
                exportTree(out, format);
            }
        });
        return i;
    }

    private MenuItem mapItem() {
        MenuItem i = new MenuItem("Page map as PNG…");
        i.setOnAction(e -> {
            Path out = choose("page-map.png", "PNG", "*.png");
            if (out != null) {
                exportMap(out);
            }
        });
        return i;
    }

    private Path choose(String name, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export");
        fc.setInitialFileName(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File f = fc.showSaveDialog(window.getScene() == null ? null : window.getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    /** The DOT text of the tree as shown (collapsed nodes as one box each), null when none is. */
    String treeDot() {
        TreeDiagram t = window.tree();
        if (t.view() == null) {
            return null;
        }
        return t.treeLayout() == null ? TreeDot.of(t.title(), t.view()) : TreeDot.of(t.title(), t.treeLayout());
    }

    /** Writes the tree shown as "dot", "svg" or "png" (call on the FX thread; the writing runs in the background). */
    void exportTree(Path out, String format) {
        String dot = treeDot();
        if (dot == null) {
            window.status().setText("Choose a b-tree first: the export writes the tree shown.");
            return;
        }
        GraphvizDot g = graphviz;
        window.background(new Task<Void>() {
            @Override
            protected Void call() throws IOException {
                if (format.equals("dot")) {
                    Files.writeString(out, dot, StandardCharsets.UTF_8);
                } else {
                    g.render(dot, format, out);
                }
                return null;
            }
        }, v -> window.status().setText("Wrote " + out));
    }

    /** Writes the page map's canvas, as shown, as PNG. */
    void exportMap(Path out) {
        WritableImage img = window.pageMap().canvas().snapshot(null, null);
        window.background(new Task<Void>() {
            @Override
            protected Void call() throws IOException {
                Snapshots.writePng(img, out);
                return null;
            }
        }, v -> window.status().setText("Wrote " + out));
    }
}
