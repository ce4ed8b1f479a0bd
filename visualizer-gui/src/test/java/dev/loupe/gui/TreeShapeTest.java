package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.treeview.LinkState;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flattened tree and its layout, against SQLite's dbstat (which names every b-tree page by its path from the
 * root: a page's subtree is the pages whose path starts with its own) and against brute force for culling.
 */
class TreeShapeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"PAGE_512", "WITHOUT_ROWID", "INDEXES", "OVERFLOW"})
    void subtreeCountsAreThoseOfDbstat(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, dir);
        try (Database d = Database.open(db, OpenOptions.ignoreWal())) {
            for (ObjectPages o : PageMap.build(d).objects()) {
                if (o.census().root() <= 0) {
                    continue;
                }
                TreeShape shape = TreeShape.of(MainWindow.treeOf(d, o.census().root()));
                Map<String, Long> paths = TreeFiles.dbstatPaths(db, o.name(), dir.resolve("oracle"));
                assertThat(shape.size()).as(o.name()).isEqualTo(paths.size());
                Map<Long, String> pathOf = new HashMap<>();
                paths.forEach((path, page) -> pathOf.put(page, path));
                for (int i = 0; i < shape.size(); i++) {
                    String path = pathOf.get(shape.page(i));
                    assertThat(path).as("%s page %d", o.name(), shape.page(i)).isNotNull();
                    long below = paths.keySet().stream().filter(p -> p.startsWith(path)).count() - 1;
                    assertThat(shape.pagesBelow(i)).as("%s page %d (%s)", o.name(), shape.page(i), path)
                            .isEqualTo(below);
                    assertThat(shape.depth(i)).isEqualTo(path.chars().filter(ch -> ch == '/').count() - 1);
                    assertThat(shape.brokenBelow(i)).isZero();
                }
            }
        }
    }

    @Test
    void aBrokenPointerIsCountedOnEveryAncestor() throws Exception {
        TreeFiles.Damage damage = TreeFiles.deepIndexPointer(dir);
        try (Database d = Database.open(damage.file(), OpenOptions.ignoreWal())) {
            long root = PageMap.build(d).objects().stream().filter(o -> o.name().equals("mixed_i_t")).findFirst()
                    .orElseThrow().census().root();
            TreeShape shape = TreeShape.of(MainWindow.treeOf(d, root));
            int broken = -1;
            for (int i = 0; i < shape.size(); i++) {
                if (shape.link(i) != null && shape.link(i).state().broken()) {
                    broken = i;
                }
            }
            assertThat(broken).isPositive();
            assertThat(shape.isNode(broken)).isFalse();
            assertThat(shape.link(broken).state()).isEqualTo(LinkState.OUT_OF_RANGE);
            assertThat(shape.link(broken).page()).isEqualTo(damage.badChild());
            int damaged = shape.itemOf(damage.page());
            assertThat(shape.parent(broken)).isEqualTo(damaged);
            for (int a = damaged; a >= 0; a = shape.parent(a)) {
                assertThat(shape.brokenBelow(a)).isEqualTo(1);
                assertThat(shape.brokenLinksBelow(a, 8)).containsExactly(shape.link(broken));
            }
            // the lost leaf is no node of the tree any more
            assertThat(shape.itemOf(damage.lostChild())).isEqualTo(-1);
        }
    }

    @Test
    void defaultCollapseKeepsWholeLevelsUnderTheLimit() throws Exception {
        Path db = TreeFiles.bigTable(dir, 30_000);
        try (Database d = Database.open(db, OpenOptions.ignoreWal())) {
            long root = PageMap.build(d).objects().stream().filter(o -> o.name().equals("t")).findFirst()
                    .orElseThrow().census().root();
            TreeShape shape = TreeShape.of(MainWindow.treeOf(d, root));
            assertThat(shape.size()).isGreaterThan(ShownTree.DEFAULT_MAX_SHOWN);
            BitSet collapsed = shape.defaultCollapsed(ShownTree.DEFAULT_MAX_SHOWN);
            int shown = shape.shownCount(collapsed);
            assertThat(shown).isLessThanOrEqualTo(ShownTree.DEFAULT_MAX_SHOWN).isGreaterThan(1);
            int deepest = 0;
            for (int i = 0; i < shape.size(); i++) {
                if (!shape.hidden(i, collapsed)) {
                    deepest = Math.max(deepest, shape.depth(i));
                }
            }
            // whole levels: every node above the deepest shown level is expanded, every one on it with children
            // is collapsed, and showing one more level would pass the limit
            int nextLevel = 0;
            long hiddenPages = 0;
            for (int i = 0; i < shape.size(); i++) {
                if (shape.depth(i) < deepest) {
                    assertThat(collapsed.get(i)).isFalse();
                } else if (shape.depth(i) == deepest) {
                    assertThat(collapsed.get(i)).isEqualTo(shape.hasChildren(i));
                    hiddenPages += collapsed.get(i) ? shape.pagesBelow(i) : 0;
                } else if (shape.depth(i) == deepest + 1) {
                    nextLevel++;
                }
            }
            assertThat(shown + nextLevel).isGreaterThan(ShownTree.DEFAULT_MAX_SHOWN);
            assertThat(shown + hiddenPages).isEqualTo(shape.size());
            // the page count SQLite gives for t
            assertThat((long) shape.size()).isEqualTo(TreeFiles.dbstatPaths(db, "t", dir.resolve("oracle")).size());
        }
    }

    @Test
    void cullingFindsWhatBruteForceFinds() throws Exception {
        Path db = TreeFiles.bigTable(dir, 8_000);
        try (Database d = Database.open(db, OpenOptions.ignoreWal())) {
            long root = PageMap.build(d).objects().stream().filter(o -> o.name().equals("t")).findFirst()
                    .orElseThrow().census().root();
            TreeShape shape = TreeShape.of(MainWindow.treeOf(d, root));
            SplittableRandom rnd = new SplittableRandom(7);
            BitSet collapsed = new BitSet();
            for (int i = 0; i < shape.size(); i++) {
                if (shape.hasChildren(i) && i > 0 && rnd.nextInt(3) == 0) {
                    collapsed.set(i);
                }
            }
            TreeLayout layout = TreeLayout.of(shape, collapsed);
            assertThat(layout.shownCount()).isEqualTo(shape.shownCount(collapsed));
            for (int k = 0; k < 200; k++) {
                double x0 = rnd.nextDouble(-500, layout.width());
                double y0 = rnd.nextDouble(-100, layout.height());
                double x1 = x0 + rnd.nextDouble(1, 6000);
                double y1 = y0 + rnd.nextDouble(1, 1200);
                List<Integer> culled = new ArrayList<>();
                layout.forEachBoxIn(x0, y0, x1, y1, culled::add);
                List<Integer> brute = new ArrayList<>();
                for (int i : layout.shown()) {
                    double left = layout.centreX(i) - TreeLayout.BOX_W / 2;
                    double top = layout.top(i);
                    if (left <= x1 && left + TreeLayout.BOX_W >= x0 && top <= y1
                            && top + TreeLayout.BOX_H + TreeLayout.LABEL_H >= y0) {
                        brute.add(i);
                    }
                }
                assertThat(culled).containsExactlyInAnyOrderElementsOf(brute);
                List<Integer> edges = new ArrayList<>();
                layout.forEachEdgeIn(x0, y0, x1, y1, edges::add);
                for (int i : layout.shown()) {
                    int p = shape.parent(i);
                    if (p < 0) {
                        continue;
                    }
                    double ax = layout.centreX(p);
                    double ay = layout.top(p) + TreeLayout.BOX_H;
                    double bx = layout.centreX(i);
                    double by = layout.top(i);
                    boolean meets = Math.max(ax, bx) >= x0 && Math.min(ax, bx) <= x1 && by >= y0 && ay <= y1;
                    assertThat(edges.contains(i)).as("edge to item %d", i).isEqualTo(meets);
                }
            }
            // boxes never overlap: on each row they are at least a box and a gap apart
            Map<Double, List<Double>> rows = new HashMap<>();
            for (int i : layout.shown()) {
                rows.computeIfAbsent(layout.top(i), t -> new ArrayList<>()).add(layout.centreX(i));
            }
            for (List<Double> row : rows.values()) {
                row.sort(Double::compare);
                for (int k = 1; k < row.size(); k++) {
                    assertThat(row.get(k) - row.get(k - 1)).isGreaterThanOrEqualTo(TreeLayout.BOX_W);
                }
            }
        }
    }
}
