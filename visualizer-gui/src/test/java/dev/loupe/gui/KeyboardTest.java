package dev.loupe.gui;

import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Arrow keys and Enter in the b-tree view and the page map. */
class KeyboardTest extends WindowHarness {

    @Start
    void show(Stage stage) {
        start(stage);
    }

    @Test
    void arrowsWalkTheTreeAndEnterOpensThePage(FxRobot robot) throws Exception {
        open(robot, Samples.copyTo(Sample.PAGE_1024, dir));
        robot.interact(() -> window.showTree("mixed"));
        idle();
        TreeNode root = window.tree().view().root();
        List<TreeNode> kids = root.children().stream().map(TreeLink::node).toList();
        assertThat(kids).hasSizeGreaterThan(2).doesNotContainNull();

        clickBox(robot, root.page());
        idle();
        assertThat(window.getScene().getFocusOwner()).isSameAs(window.tree());
        assertThat(window.tree().selected()).isEqualTo(root.page());

        robot.type(KeyCode.DOWN);
        assertThat(window.tree().selected()).isEqualTo(kids.get(0).page());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertThat(window.tree().selected()).isEqualTo(kids.get(2).page());
        robot.type(KeyCode.LEFT);
        assertThat(window.tree().selected()).isEqualTo(kids.get(1).page());
        robot.type(KeyCode.UP);
        assertThat(window.tree().selected()).isEqualTo(root.page());
        robot.type(KeyCode.UP); // the root has no parent: stays
        assertThat(window.tree().selected()).isEqualTo(root.page());
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.LEFT); // the first child has no left sibling: stays
        assertThat(window.tree().selected()).isEqualTo(kids.get(0).page());
        robot.type(KeyCode.RIGHT);
        // arrows move the cursor only; Enter opens the page
        assertThat(window.inspector().details().page()).isEqualTo(root.page());
        robot.type(KeyCode.ENTER);
        idle();
        assertThat(window.inspector().details().page()).isEqualTo(kids.get(1).page());
        assertThat(window.pageMap().selectedProperty().get()).isEqualTo(kids.get(1).page());
    }

    @Test
    void arrowsMoveThePageMapSelection(FxRobot robot) throws Exception {
        open(robot, Samples.copyTo(Sample.AUTOVACUUM_INCREMENTAL, dir));
        PageMapView map = window.pageMap();
        double[] at = map.cellOrigin(5);
        double half = map.cellSize() / 2;
        robot.clickOn(map.canvas().localToScreen(at[0] + half, at[1] + half));
        idle();
        assertThat(map.selectedProperty().get()).isEqualTo(5);
        assertThat(window.getScene().getFocusOwner()).isSameAs(map.canvas());
        int cols = map.columns();

        robot.type(KeyCode.RIGHT);
        assertThat(map.selectedProperty().get()).isEqualTo(6);
        robot.type(KeyCode.DOWN);
        assertThat(map.selectedProperty().get()).isEqualTo(6 + cols);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.UP);
        assertThat(map.selectedProperty().get()).isEqualTo(5);
        robot.type(KeyCode.UP); // above the first row: stays
        assertThat(map.selectedProperty().get()).isEqualTo(5);
        robot.type(KeyCode.RIGHT);
        assertThat(window.inspector().details().page()).isEqualTo(5);
        robot.type(KeyCode.ENTER);
        idle();
        assertThat(window.inspector().details().page()).isEqualTo(6);
    }
}
