package dev.loupe.gui;

import dev.loupe.format.layout.Region;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.treeview.LinkState;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruptions;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The window driven headless (Monocle) as a user would: open, pick a tree, click, read the inspector. */
class MainWindowTest extends WindowHarness {

    @Start
    void show(Stage stage) {
        start(stage);
    }

    @Test
    void clickingATreeNodeShowsThatPageInTheInspector(FxRobot robot) throws Exception {
        open(robot, Samples.copyTo(Sample.PAGE_1024, dir));
        robot.interact(() -> window.showTree("mixed"));
        idle();

        TreeLayout layout = window.tree().treeLayout();
        assertThat(layout.shownCount()).isGreaterThan(2);
        long root = window.loaded().map().objects().stream().filter(o -> o.name().equals("mixed")).findFirst()
                .orElseThrow().census().root();
        assertThat(layout.shape().page(0)).isEqualTo(root);
        long page = layout.shape().page(layout.shown()[1]);
        clickBox(robot, page);
        idle();

        PageDetails shown = window.inspector().details();
        assertThat(shown.page()).isEqualTo(page);
        assertThat(shown.kind()).isEqualTo(window.loaded().map().kind(page));
        assertThat(shown.kind()).isIn(PageKind.TABLE_LEAF, PageKind.TABLE_INTERIOR);
        assertThat(robot.lookup("#inspector-title").queryLabeled().getText()).startsWith("page " + page + ": table-");
        assertThat(window.pageMap().selectedProperty().get()).isEqualTo(page);
    }

    @Test
    void fieldTreeAndHexViewFollowEachOther(FxRobot robot) throws Exception {
        open(robot, Samples.copyTo(Sample.PAGE_1024, dir));
        robot.interact(() -> window.showPage(1));
        idle();
        PageInspectorView inspector = window.inspector();
        assertThat(inspector.details().page()).isEqualTo(1);

        // field -> bytes: the page header's cell count field of page 1 sits at offset 103
        TreeItem<FieldItem> cellCount = find(inspector.fieldTree().getRoot(), "cellCount");
        assertThat(cellCount).isNotNull();
        robot.interact(() -> inspector.fieldTree().getSelectionModel().select(cellCount));
        Region r = cellCount.getValue().region();
        assertThat(r.span().offset()).isEqualTo(103);
        assertThat(inspector.hexView().selected()).isEqualTo(r.span());

        // byte -> field: click the hex digits of byte 16 (the page size field of the database header)
        double[] at = inspector.hexView().byteCentre(16);
        robot.clickOn(inspector.hexView().canvas().localToScreen(at[0], at[1]));
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<FieldItem> selected = inspector.fieldTree().getSelectionModel().getSelectedItem();
        assertThat(selected.getValue().region().span().offset()).isEqualTo(16);
        assertThat(selected.getValue().region().label()).contains("1024");
        assertThat(inspector.hexView().selected().offset()).isEqualTo(16);
    }

    @Test
    void aBadChildPointerIsDrawnAsABrokenEdgeAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        Path damaged = Corruptions.named("child-page-number-invalid").apply(dir);
        open(robot, damaged);
        robot.interact(() -> window.showTree("mixed"));
        idle();

        Set<Node> broken = robot.lookup(".broken-link").queryAll();
        assertThat(broken).hasSize(1);
        TreeLink link = (TreeLink) broken.iterator().next().getUserData();
        assertThat(link.state()).isEqualTo(LinkState.OUT_OF_RANGE);
        assertThat(link.page()).isGreaterThan(window.loaded().map().pageCount());
        assertThat(((Line) broken.iterator().next()).getStrokeDashArray()).isNotEmpty();
        assertThat(robot.lookup("#broken-" + link.page()).tryQuery()).isPresent();

        // still responsive: the broken tree's other nodes open in the inspector, the page map still answers
        TreeShape shape = window.tree().treeLayout().shape();
        assertThat(shape.isNode(1)).isTrue();
        long page = shape.page(1);
        clickBox(robot, page);
        idle();
        assertThat(window.inspector().details().page()).isEqualTo(page);
        robot.clickOn("#map-tab");
        robot.interact(() -> window.showPage(2));
        idle();
        assertThat(window.inspector().details().page()).isEqualTo(2);
        assertThat(window.status().getText()).doesNotStartWith("Error");
    }

    @Test
    void pageMapColoursAreThePageMapKinds(FxRobot robot) throws Exception {
        open(robot, Samples.copyTo(Sample.AUTOVACUUM_INCREMENTAL, dir));
        PageMap map = window.loaded().map();
        PageMapView view = window.pageMap();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.canvas().snapshot(null, null));
        Set<PageKind> seen = new HashSet<>();
        long n = Math.min(map.pageCount(), 200);
        for (long p = 1; p <= n; p++) {
            double[] xy = view.cellOrigin(p);
            if (xy == null) {
                continue;
            }
            // lower-left of the square: clear of the problem marker (top right) and the selection frame
            Color c = shot[0].getPixelReader().getColor((int) xy[0] + 3, (int) (xy[1] + view.cellSize() - 4));
            Color want = Colors.of(map.kind(p));
            assertThat(close(c, want)).as("page %d (%s): %s vs %s", p, map.kind(p), c, want).isTrue();
            seen.add(map.kind(p));
        }
        assertThat(seen).contains(PageKind.PTRMAP, PageKind.TABLE_LEAF, PageKind.OVERFLOW);
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    private static TreeItem<FieldItem> find(TreeItem<FieldItem> item, String text) {
        if (item.getValue() != null && item.getValue().region() != null && item.getValue().text().contains(text)) {
            return item;
        }
        for (TreeItem<FieldItem> c : item.getChildren()) {
            TreeItem<FieldItem> f = find(c, text);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
