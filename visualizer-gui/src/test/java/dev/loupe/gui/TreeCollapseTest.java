package dev.loupe.gui;

import dev.loupe.format.treeview.LinkState;
import dev.loupe.format.treeview.TreeLink;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collapsing and expanding subtrees in the b-tree view (headless): by the handle, by keys, by default on a large
 * tree, and a broken link that a collapsed node hides stays visible, in red, on that node. The damage is checked
 * against SQLite's integrity_check on the same file.
 */
class TreeCollapseTest extends WindowHarness {

    @Start
    void show(Stage stage) {
        start(stage);
    }

    /** Waits for the window's jobs and for a layout computed in the background. */
    private void settled() throws Exception {
        idle();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.tree().layoutPending());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void collapsingANodeShowsItsHiddenBrokenLinkInRedAndExpandingBringsItBack(FxRobot robot) throws Exception {
        TreeFiles.Damage damage = TreeFiles.deepIndexPointer(dir);
        assertThat(TreeFiles.integrityCheck(damage.file(), dir.resolve("oracle")))
                .anyMatch(l -> l.contains("page " + damage.page() + " cell 0")
                        && l.contains("invalid page number " + damage.badChild()));
        open(robot, damage.file());
        robot.interact(() -> window.showTree("mixed_i_t"));
        settled();
        TreeDiagram tree = window.tree();
        long p = damage.page();
        assertThat(tree.isShown(p)).isTrue();
        assertThat(tree.isCollapsed(p)).isFalse();
        Set<Node> broken = robot.lookup(".broken-link").queryAll();
        assertThat(broken).hasSize(1);
        TreeLink link = (TreeLink) broken.iterator().next().getUserData();
        assertThat(link.page()).isEqualTo(damage.badChild());
        assertThat(link.pointer().page()).isEqualTo(p);
        assertThat(robot.lookup("#broken-" + damage.badChild()).tryQuery()).isPresent();

        // the handle under the box collapses it
        robot.interact(() -> tree.reveal(p));
        double[] h = tree.handleCentre(p);
        robot.clickOn(tree.localToScreen(h[0], h[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.isCollapsed(p)).isTrue();
        assertThat(tree.isShown(p)).isTrue();
        TreeShape shape = tree.treeLayout().shape();
        for (int c : shape.children(shape.itemOf(p))) {
            assertThat(tree.treeLayout().isShown(c)).isFalse();
        }
        assertThat(robot.lookup(".broken-link").queryAll()).isEmpty();
        assertThat(robot.lookup("#broken-" + damage.badChild()).tryQuery()).isEmpty();
        Text hidden = robot.lookup("#hidden-broken-" + p).queryAs(Text.class);
        assertThat(hidden.getText()).isEqualTo("+" + shape.pagesBelow(shape.itemOf(p)) + " pages · 1 broken");
        assertThat(hidden.getFill()).isEqualTo(Colors.BROKEN);
        assertThat(List.copyOf((List<?>) hidden.getUserData())).isEqualTo(List.of(link));
        // the stack drawn behind the collapsed box is framed in red on the canvas
        assertThat(redNear(robot, tree, p)).isTrue();

        // Space (the box has the cursor after the click) expands it again
        assertThat(tree.selected()).isEqualTo(p);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.isCollapsed(p)).isFalse();
        assertThat(robot.lookup(".broken-link").queryAll()).hasSize(1);
        assertThat(robot.lookup("#hidden-broken-" + p).tryQuery()).isEmpty();
        assertThat(redNear(robot, tree, p)).isFalse();
    }

    @Test
    void keysCollapseExpandAndEnterCollapsedNodes(FxRobot robot) throws Exception {
        TreeFiles.Damage damage = TreeFiles.deepIndexPointer(dir);
        open(robot, damage.file());
        robot.interact(() -> window.showTree("mixed_i_t"));
        settled();
        TreeDiagram tree = window.tree();
        TreeShape shape = tree.treeLayout().shape();
        long root = shape.page(0);
        long first = damage.page(); // the root's first child, an interior page
        clickBox(robot, root);
        idle();
        robot.type(KeyCode.DOWN);
        assertThat(tree.selected()).isEqualTo(first);
        robot.write("-");
        assertThat(tree.isCollapsed(first)).isTrue();
        // entering a collapsed node expands it and moves to its first child
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.isCollapsed(first)).isFalse();
        long leaf = tree.selected();
        assertThat(shape.parent(shape.itemOf(leaf))).isEqualTo(shape.itemOf(first));
        assertThat(tree.isShown(leaf)).isTrue();
        // '-' on a leaf collapses its parent and puts the cursor there
        robot.write("-");
        assertThat(tree.isCollapsed(first)).isTrue();
        assertThat(tree.selected()).isEqualTo(first);
        robot.write("+");
        assertThat(tree.isCollapsed(first)).isFalse();
        // Space on the root folds the whole tree into one box; '*' unfolds everything below
        robot.type(KeyCode.UP);
        robot.type(KeyCode.SPACE);
        assertThat(tree.treeLayout().shownCount()).isEqualTo(1);
        robot.type(KeyCode.DOWN); // expands the root only: its children keep their own state
        robot.type(KeyCode.UP);
        robot.write("*");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.treeLayout().shownCount()).isEqualTo(shape.size());
        robot.type(KeyCode.ENTER);
        idle();
        assertThat(window.inspector().details().page()).isEqualTo(root);
    }

    @Test
    void aLargeTreeOpensWithDeepLevelsCollapsedAndShowsTheDamageTheyHide(FxRobot robot) throws Exception {
        Path big = TreeFiles.bigTable(dir, 30_000);
        // the depth-1 page whose first child pointer is damaged is collapsed when the tree opens
        TreeFiles.Damage damage = TreeFiles.damageFirstPointer(big, "t", 1);
        assertThat(TreeFiles.integrityCheck(damage.file(), dir.resolve("oracle")))
                .anyMatch(l -> l.contains("invalid page number " + damage.badChild()));
        open(robot, damage.file());
        robot.interact(() -> window.showTree("t"));
        settled();
        TreeDiagram tree = window.tree();
        TreeLayout layout = tree.treeLayout();
        assertThat(layout.shownCount()).isLessThanOrEqualTo(ShownTree.DEFAULT_MAX_SHOWN);
        assertThat(layout.shape().size()).isGreaterThan(ShownTree.DEFAULT_MAX_SHOWN);
        assertThat(tree.isCollapsed(damage.page())).isTrue();
        assertThat(window.status().getText()).contains("deeper levels collapsed");
        Text hidden = robot.lookup("#hidden-broken-" + damage.page()).queryAs(Text.class);
        assertThat(hidden.getText()).endsWith(" · 1 broken");
        TreeLink link = (TreeLink) ((List<?>) hidden.getUserData()).get(0);
        assertThat(link.state()).isEqualTo(LinkState.OUT_OF_RANGE);
        assertThat(link.page()).isEqualTo(damage.badChild());
        // fitting puts the damaged node on screen
        double[] c = tree.boxCentre(damage.page());
        assertThat(c[0]).isBetween(0.0, tree.getWidth());
        assertThat(c[1]).isBetween(0.0, tree.getHeight());
        assertThat(redNear(robot, tree, damage.page())).isTrue();

        // a finding about a hidden leaf unfolds the way to it and brings it on screen
        TreeShape shape = layout.shape();
        int lastLeaf = shape.size() - 1;
        long leaf = shape.page(lastLeaf);
        assertThat(tree.isShown(leaf)).isFalse();
        robot.interact(() -> tree.mark(leaf));
        settled();
        assertThat(tree.isShown(leaf)).isTrue();
        double[] at = tree.boxCentre(leaf);
        assertThat(at[0]).isBetween(0.0, tree.getWidth());
        assertThat(at[1]).isBetween(0.0, tree.getHeight());
        assertThat(tree.isCollapsed(damage.page())).isTrue();

        // expanding everything shows every page: the walk SQLite's dbstat agrees with, less the lost leaf
        robot.interact(() -> tree.expandAll(() -> { }));
        settled();
        assertThat(tree.treeLayout().shownCount()).isEqualTo(shape.size());
        assertThat(robot.lookup(".broken-link").queryAll()).hasSize(1);
    }

    @Test
    void theExportFollowsWhatIsCollapsed(FxRobot robot) throws Exception {
        TreeFiles.Damage damage = TreeFiles.deepIndexPointer(dir);
        open(robot, damage.file());
        robot.interact(() -> window.showTree("mixed_i_t"));
        settled();
        robot.interact(() -> window.tree().collapse(damage.page()));
        String dot = window.exporter().treeDot();
        TreeShape shape = window.tree().treeLayout().shape();
        int item = shape.itemOf(damage.page());
        assertThat(dot).contains("  p" + damage.page() + " [label=").contains("(collapsed)")
                .contains(TreePainter.hiddenText(shape, item));
        for (int c : shape.children(item)) {
            assertThat(dot).doesNotContain(" -> p" + shape.page(c) + ";");
        }
        assertThat(dot).doesNotContain("✕ page " + damage.badChild());
        assertThat(dot).contains("p" + damage.page() + " [label=").containsPattern(
                "p" + damage.page() + " \\[label=[^\\n]*color=\"#d62728\", penwidth=2, peripheries=2");
    }

    /** Whether broken-red pixels are drawn on the canvas around the right and lower edge of a page's box. */
    private static boolean redNear(FxRobot robot, TreeDiagram tree, long page) {
        WritableImage[] shot = new WritableImage[1];
        double[][] box = new double[1][];
        robot.interact(() -> {
            tree.paintNow();
            shot[0] = tree.canvas().snapshot(null, null);
            box[0] = tree.boxCentre(page);
        });
        double s = tree.scale();
        PixelReader r = shot[0].getPixelReader();
        // the stack's frames lie up to 2 * 4 world units right of the box (its own frame, red when the page itself
        // has a problem, is left out); the next box to the right is 18 world units away
        int right = (int) Math.ceil(box[0][0] + (TreeLayout.BOX_W / 2) * s - TreeDiagram.INSET);
        int middle = (int) (box[0][1] - TreeDiagram.INSET);
        int reach = (int) Math.ceil(10 * s) + 1;
        for (int x = right + 2; x <= right + reach; x++) {
            for (int y = middle; y <= middle + (int) (TreeLayout.BOX_H * s); y++) {
                if (x >= 0 && y >= 0 && x < shot[0].getWidth() && y < shot[0].getHeight()
                        && close(r.getColor(x, y), Colors.BROKEN)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.12 && Math.abs(a.getGreen() - b.getGreen()) < 0.12
                && Math.abs(a.getBlue() - b.getBlue()) < 0.12;
    }
}
