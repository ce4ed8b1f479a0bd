package dev.loupe.gui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the README's screenshot of the b-tree view with collapsed subtrees, in a real window (run it under
 * {@code xvfb-run}; not a test): index {@code mixed_i_t} of the 512-byte-page sample, three levels deep, with the
 * first child pointer of the root's first child set past the end of the file ({@link TreeFiles#deepIndexPointer}).
 * That damaged node is collapsed (its count of hidden pages in red, "1 broken"), the last one too (in grey), the
 * middle one expanded. The PNG is the window's b-tree tab, cropped. From the repository root:
 * <pre>
 * ./mvnw -q -o -B -pl visualizer-gui -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1280x1024x24" java -cp "visualizer-gui/target/test-classes:visualizer-gui/target/classes:$(cat visualizer-gui/target/test-cp.txt)" \
 *     dev.loupe.gui.ScreenshotTour docs/screenshots/gui-btree-collapsed.png
 * </pre>
 */
final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "gui-btree-collapsed.png");
        Path dir = Files.createTempDirectory("loupe-screenshot");
        TreeFiles.Damage damage = TreeFiles.deepIndexPointer(dir);
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(RecentFiles.inMemory());
            Scene scene = new Scene(window, Launcher.WIDTH, Launcher.HEIGHT);
            stage.setScene(scene);
            stage.setTitle("Loupe — " + damage.file().getFileName());
            stage.show();
            window.open(damage.file());
            window.whenIdle(() -> {
                window.showTree("mixed_i_t");
                window.whenIdle(() -> arrange(window, damage, () -> shoot(window, scene, out)));
            });
        });
    }

    /**
     * Collapses every child of the root but the middle one, opens the damaged page, widens the tree's side of the window
     * and shows the tree at 70 % with the damaged node near the left edge.
     */
    private static void arrange(MainWindow window, TreeFiles.Damage damage, Runnable then) {
        TreeDiagram tree = window.tree();
        TreeShape shape = tree.treeLayout().shape();
        int[] kids = shape.children(0);
        for (int k = 0; k < kids.length; k++) {
            if (k != kids.length / 2) {
                tree.collapse(shape.page(kids[k]));
            }
        }
        window.showPage(damage.page());
        ((SplitPane) window.lookup(".split-pane .split-pane")).setDividerPositions(0.6);
        window.whenIdle(() -> {
            window.applyCss();
            window.layout();
            tree.highlight(damage.page());
            tree.fit();
            double[] at = tree.boxCentre(damage.page());
            tree.zoom(0.7 / tree.scale(), at[0], at[1]);
            at = tree.boxCentre(damage.page());
            double[] root = tree.boxCentre(shape.page(0));
            tree.pan(70 - at[0], 12 + TreeLayout.BOX_H / 2 * tree.scale() - root[1]);
            tree.paintNow();
            // let a few frames go by, so the window shows what the snapshot takes
            PauseTransition wait = new PauseTransition(Duration.millis(600));
            wait.setOnFinished(e -> then.run());
            wait.play();
        });
    }

    /** Writes the tab pane's part of the window (the b-tree tab with its tab headers). */
    private static void shoot(MainWindow window, Scene scene, Path out) {
        try {
            WritableImage whole = scene.snapshot(null);
            Bounds b = window.lookup(".tab-pane").localToScene(window.lookup(".tab-pane").getBoundsInLocal());
            int x = (int) Math.floor(b.getMinX());
            int y = (int) Math.floor(b.getMinY());
            int w = (int) Math.min(whole.getWidth() - x, Math.ceil(b.getWidth()));
            int h = (int) Math.min(whole.getHeight() - y, Math.ceil(b.getHeight()));
            Snapshots.writePng(new WritableImage(whole.getPixelReader(), x, y, w, h), out);
            System.out.println("wrote " + out.toAbsolutePath() + " (" + Files.size(out) + " bytes)");
            window.shutdown();
            Platform.exit();
        } catch (Exception e) {
            System.err.println("screenshot failed: " + e);
            System.exit(1);
        }
    }
}
