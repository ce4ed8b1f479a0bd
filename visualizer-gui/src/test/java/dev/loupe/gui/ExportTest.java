package dev.loupe.gui;

import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruptions;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Export: the tree shown as DOT (and through Graphviz), the page map as PNG. */
class ExportTest extends WindowHarness {

    @Start
    void show(Stage stage) {
        start(stage);
    }

    @Test
    void treeAsDotHasEveryBoxAndTheBrokenLink(FxRobot robot) throws Exception {
        open(robot, Corruptions.named("child-page-number-invalid").apply(dir));
        robot.interact(() -> window.showTree("mixed"));
        idle();
        TreeView view = window.tree().view();
        String dot = window.exporter().treeDot();

        assertThat(dot).startsWith("digraph \"mixed\" {\n").endsWith("}\n");
        List<Long> pages = new ArrayList<>();
        List<TreeLink> broken = new ArrayList<>();
        collect(view.root(), pages, broken);
        Matcher m = Pattern.compile("(?m)^  p(\\d+) \\[label=").matcher(dot);
        List<Long> declared = new ArrayList<>();
        while (m.find()) {
            declared.add(Long.parseLong(m.group(1)));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(pages);
        assertThat(broken).hasSize(1);
        TreeLink link = broken.get(0);
        String target = "x" + view.rootPage() + "_" + link.childIndex();
        assertThat(dot).contains("  " + target + " [label=\"✕ page " + link.page() + "\\nout-of-range\\npointer at"
                + " offset " + link.pointer().offset() + "\"");
        assertThat(dot).contains("  p" + view.rootPage() + " -> " + target + " [color=\"#d62728\", style=dashed");
        // every edge of the file ends at a declared node
        Matcher e = Pattern.compile("(?m)^  p(\\d+) -> (\\w+)").matcher(dot);
        int edges = 0;
        while (e.find()) {
            edges++;
            assertThat(dot).contains("  " + e.group(2) + " [label=");
        }
        assertThat(edges).isEqualTo(pages.size() - 1 + broken.size());

        Path file = dir.resolve("mixed.dot");
        robot.interact(() -> window.exporter().exportTree(file, "dot"));
        idle();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(dot);
    }

    @Test
    void svgThroughGraphvizOrAClearMessage(FxRobot robot) throws Exception {
        open(robot, Corruptions.named("child-page-number-invalid").apply(dir));
        robot.interact(() -> window.showTree("mixed"));
        idle();

        robot.interact(() -> window.exporter().useGraphviz(new GraphvizDot(dir.resolve("no-such-dot").toString())));
        Path missing = dir.resolve("missing.svg");
        robot.interact(() -> window.exporter().exportTree(missing, "svg"));
        idle();
        assertThat(window.status().getText()).contains("Graphviz's dot program was not found")
                .contains("apt-get install graphviz");
        assertThat(missing).doesNotExist();

        assumeTrue(onPath("dot"), "Graphviz is not installed");
        robot.interact(() -> window.exporter().useGraphviz(new GraphvizDot()));
        Path svg = dir.resolve("mixed.svg");
        robot.interact(() -> window.exporter().exportTree(svg, "svg"));
        idle();
        String text = Files.readString(svg).replace("&#45;", "-");
        assertThat(text).contains("<svg").contains("page " + window.tree().view().rootPage())
                .contains("out-of-range");
        Path png = dir.resolve("mixed.png");
        robot.interact(() -> window.exporter().exportTree(png, "png"));
        idle();
        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }

    @Test
    void pageMapAsPng(FxRobot robot) throws Exception {
        open(robot, Samples.copyTo(Sample.AUTOVACUUM_INCREMENTAL, dir));
        Path png = dir.resolve("map.png");
        robot.interact(() -> window.exporter().exportMap(png));
        idle();
        BufferedImage img = ImageIO.read(png.toFile());
        PageMapView view = window.pageMap();
        assertThat(img.getWidth()).isEqualTo((int) view.canvas().getWidth());
        assertThat(img.getHeight()).isEqualTo((int) view.canvas().getHeight());
        for (long p = 1; p <= Math.min(40, window.loaded().map().pageCount()); p++) {
            double[] xy = view.cellOrigin(p);
            int rgb = img.getRGB((int) xy[0] + 3, (int) (xy[1] + view.cellSize() - 4)) & 0xffffff;
            Color want = Colors.of(window.loaded().map().kind(p));
            int expected = ((int) Math.round(want.getRed() * 255) << 16) | ((int) Math.round(want.getGreen() * 255) << 8)
                    | (int) Math.round(want.getBlue() * 255);
            assertThat(Integer.toHexString(rgb)).as("page %d", p).isEqualTo(Integer.toHexString(expected));
        }
    }

    private static void collect(TreeNode n, List<Long> pages, List<TreeLink> broken) {
        pages.add(n.page());
        for (TreeLink l : n.children()) {
            if (l.node() != null) {
                collect(l.node(), pages, broken);
            }
            if (l.state().broken()) {
                broken.add(l);
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
