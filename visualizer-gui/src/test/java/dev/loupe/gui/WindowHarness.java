package dev.loupe.gui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window in a stage (headless Monocle under Maven), with helpers that wait for its background work. */
@ExtendWith(ApplicationExtension.class)
abstract class WindowHarness {

    @TempDir
    Path dir;

    MainWindow window;

    /** Each test class calls this from its own {@code @Start} method (TestFX looks only at the class's own). */
    void start(Stage stage) {
        window = new MainWindow(RecentFiles.inMemory());
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        window.shutdown();
    }

    void idle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.busyProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the middle of a page's box in the b-tree view, panning it into view first. */
    void clickBox(FxRobot robot, long page) {
        robot.interact(() -> window.tree().reveal(page));
        double[] c = window.tree().boxCentre(page);
        assertThat(c).as("box of page %d drawn", page).isNotNull();
        robot.clickOn(window.tree().localToScreen(c[0], c[1]));
    }

    void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> window.open(file));
        idle();
        assertThat(window.loaded()).as(window.status().getText()).isNotNull();
    }
}
