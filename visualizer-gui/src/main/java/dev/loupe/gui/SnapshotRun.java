package dev.loupe.gui;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import java.util.concurrent.CompletableFuture;

/** Opens the file, applies the view, waits until every background job is done, then writes the scene as PNG. */
final class SnapshotRun {

    private SnapshotRun() {
    }

    /** Call on the FX thread; {@code result} completes with 0 when the PNG is written, 1 on failure. */
    static void render(MainWindow window, Scene scene, GuiArgs args, CompletableFuture<Integer> result) {
        window.open(args.file(), args.openOptions());
        window.whenIdle(() -> {
            if (window.loaded() == null) {
                result.completeExceptionally(new IllegalStateException(window.status().getText()));
                return;
            }
            try {
                window.applyView(args.view());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            window.whenIdle(() -> {
                try {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    window.tree().fit();
                    window.tree().paintNow();
                    WritableImage img = scene.snapshot(null);
                    Snapshots.writePng(img, args.snapshot());
                    window.shutdown();
                    result.complete(0);
                } catch (Exception | Error e) {
                    result.completeExceptionally(e);
                }
            });
        });
    }
}
