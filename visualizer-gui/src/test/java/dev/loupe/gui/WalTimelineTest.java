package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The WAL timeline: the slider reopens the database as of a commit; the map shows it and what the commit wrote. */
class WalTimelineTest extends WindowHarness {

    @Start
    void show(Stage stage) {
        start(stage);
    }


    @Test
    void movingTheSliderShowsTheDatabaseAsOfThatCommit(FxRobot robot) throws Exception {
        Path db = Samples.copyTo(Sample.WAL, dir);
        open(robot, db);
        List<WalCommit> commits = window.commits();
        assertThat(commits).hasSize(29);
        assertThat(robot.lookup("#wal-timeline").query().isVisible()).isTrue();
        assertThat(window.commitSlider().getMax()).isEqualTo(29);
        assertThat(window.commitSlider().getValue()).isEqualTo(29);

        // a commit that wrote a page whose kind differs from what the last commit shows there (e.g. a page that
        // did not exist yet, or changed from leaf to interior): moving there must change that square
        PageMap last = window.loaded().map();
        int k = -1;
        long page = -1;
        for (int c = 1; c < commits.size() && k < 0; c++) {
            PageMap at = mapAt(db, c);
            for (long p : commits.get(c - 1).pages()) {
                if (p <= at.pageCount() && p <= last.pageCount() && at.kind(p) != last.kind(p)
                        && !contains(commits.get(commits.size() - 1).pages(), p)) {
                    k = c;
                    page = p;
                    break;
                }
            }
        }
        assertThat(k).as("a commit that changed some page's kind").isPositive();
        double[] before = squareColours(robot, page);
        assertThat(window.pageMap().isWritten(page)).isFalse();

        int target = k;
        robot.interact(() -> window.commitSlider().setValue(target));
        idle();

        assertThat(window.loaded().db().appliedCommit()).isEqualTo(k);
        PageMap expected = mapAt(db, k);
        PageMap shown = window.pageMap().map();
        assertThat(shown.pageCount()).isEqualTo(expected.pageCount());
        for (long p = 1; p <= expected.pageCount(); p++) {
            assertThat(shown.kind(p)).as("page %d", p).isEqualTo(expected.kind(p));
        }
        for (long p : commits.get(k - 1).pages()) {
            if (p <= expected.pageCount()) {
                assertThat(window.pageMap().isWritten(p)).as("page %d written by commit %d", p, k).isTrue();
            }
        }
        double[] after = squareColours(robot, page);
        // the square's kind colour (lower left) is the kind as of commit k, and the written dot (centre) is there
        assertThat(close(after[0], after[1], after[2], Colors.of(expected.kind(page)))).isTrue();
        assertThat(close(after[3], after[4], after[5], Colors.WRITTEN)).isTrue();
        assertThat(close(before[3], before[4], before[5], Colors.WRITTEN)).isFalse();
        assertThat(window.status().getText()).contains("as of commit " + k);

        // commit 0: the database file alone, nothing written
        robot.interact(() -> window.commitSlider().setValue(0));
        idle();
        assertThat(window.loaded().db().appliedCommit()).isZero();
        PageMap zero = mapAt(db, 0);
        assertThat(window.pageMap().map().pageCount()).isEqualTo(zero.pageCount());
        for (long p = 1; p <= zero.pageCount(); p++) {
            assertThat(window.pageMap().isWritten(p)).isFalse();
            assertThat(window.pageMap().map().kind(p)).isEqualTo(zero.kind(p));
        }
    }

    @Test
    void theCurrentTreeIsWalkedAgainAtTheNewCommit(FxRobot robot) throws Exception {
        Path db = Samples.copyTo(Sample.WAL, dir);
        open(robot, db);
        String name = window.loaded().map().objects().stream().filter(o -> o.type().equals("table")
                && !o.name().startsWith("sqlite_")).findFirst().orElseThrow().name();
        robot.interact(() -> window.showTree(name));
        idle();
        long pagesAtEnd = window.tree().view().walkedPages();
        robot.interact(() -> window.commitSlider().setValue(1));
        idle();
        assertThat(window.tree().title()).isEqualTo(name);
        try (Database d = Database.open(db, OpenOptions.defaults().atCommit(1))) {
            PageMap m = PageMap.build(d);
            long root = m.objects().stream().filter(o -> o.name().equals(name)).findFirst()
                    .map(o -> o.census().root()).orElse(0L);
            if (root > 0) {
                assertThat(window.tree().view().rootPage()).isEqualTo(root);
                assertThat(window.tree().view().walkedPages()).isEqualTo(MainWindow.treeOf(d, root).walkedPages());
            }
        }
        assertThat(pagesAtEnd).isPositive();
    }

    @Test
    void anExplicitWalPathGivesTheSameTimelineAsTheWalBesideTheDatabase(FxRobot robot) throws Exception {
        Path db = Samples.copyTo(Sample.WAL, dir);
        Path moved = dir.resolve("elsewhere").resolve("saved.wal");
        Files.createDirectories(moved.getParent());
        Files.move(Path.of(db + "-wal"), moved);
        Path beside = Samples.copyTo(Sample.WAL, dir.resolve("beside"));

        // without --wal the database file is alone: no timeline
        open(robot, db);
        assertThat(window.commits()).isEmpty();
        assertThat(robot.lookup("#wal-timeline").query().isVisible()).isFalse();

        robot.interact(() -> window.open(db, OpenOptions.withWal(moved)));
        idle();
        assertThat(window.loaded().options().walPath()).isEqualTo(moved);
        List<WalCommit> commits = window.commits();
        assertThat(commits).hasSize(29);
        assertThat(robot.lookup("#wal-timeline").query().isVisible()).isTrue();
        assertThat(window.commitSlider().getValue()).isEqualTo(29);
        // at the last commit SQLite, reading the same WAL beside a copy, counts the same pages
        assertThat(window.loaded().map().pageCount()).isEqualTo(sqlitePageCount(db, moved));

        for (int k : new int[]{12, 1}) {
            robot.interact(() -> window.commitSlider().setValue(k));
            idle();
            assertThat(window.loaded().db().appliedCommit()).isEqualTo(k);
            assertThat(window.loaded().options().walPath()).isEqualTo(moved);
            PageMap expected = mapAt(beside, k);
            PageMap shown = window.pageMap().map();
            assertThat(shown.pageCount()).isEqualTo(expected.pageCount());
            for (long p = 1; p <= expected.pageCount(); p++) {
                assertThat(shown.kind(p)).as("page %d at commit %d", p, k).isEqualTo(expected.kind(p));
            }
            for (long p : commits.get(k - 1).pages()) {
                if (p <= expected.pageCount()) {
                    assertThat(window.pageMap().isWritten(p)).as("page %d written by commit %d", p, k).isTrue();
                }
            }
        }
        // read-only: nothing appeared beside the database or the WAL
        assertThat(Path.of(db + "-wal")).doesNotExist();
        assertThat(Path.of(db + "-shm")).doesNotExist();
        assertThat(Path.of(moved + "-shm")).doesNotExist();

        // --wal ignore on the copy with its WAL beside: the database file alone
        robot.interact(() -> window.open(beside, OpenOptions.ignoreWal()));
        idle();
        assertThat(window.commits()).isEmpty();
        assertThat(window.loaded().db().appliedCommit()).isZero();
        assertThat(window.pageMap().map().pageCount()).isEqualTo(mapAt(beside, 0).pageCount());
    }

    /** SQLite's page count for the database with {@code wal} applied, on copies (SQLite writes beside them). */
    private long sqlitePageCount(Path db, Path wal) throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("oracle"));
        Path copy = scratch.resolve("copy.db");
        Files.copy(db, copy);
        Files.copy(wal, Path.of(copy + "-wal"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("PRAGMA page_count")) {
            assertThat(r.next()).isTrue();
            return r.getLong(1);
        }
    }

    private double[] squareColours(FxRobot robot, long page) {
        PageMapView view = window.pageMap();
        robot.interact(() -> view.select(page));
        WritableImage[] shot = new WritableImage[1];
        double[][] at = new double[1][];
        robot.interact(() -> {
            at[0] = view.cellOrigin(page);
            shot[0] = view.canvas().snapshot(null, null);
        });
        assertThat(at[0]).as("page %d in view", page).isNotNull();
        double s = view.cellSize();
        Color kind = shot[0].getPixelReader().getColor((int) at[0][0] + 3, (int) (at[0][1] + s - 4));
        Color centre = shot[0].getPixelReader().getColor((int) (at[0][0] + (s - 1) / 2), (int) (at[0][1] + (s - 1) / 2));
        return new double[]{kind.getRed(), kind.getGreen(), kind.getBlue(), centre.getRed(), centre.getGreen(),
                centre.getBlue()};
    }

    private static PageMap mapAt(Path db, int commit) throws Exception {
        try (Database d = Database.open(db, OpenOptions.defaults().atCommit(commit))) {
            return PageMap.build(d);
        }
    }

    private static boolean contains(long[] pages, long p) {
        for (long x : pages) {
            if (x == p) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(double r, double g, double b, Color want) {
        return Math.abs(r - want.getRed()) < 0.02 && Math.abs(g - want.getGreen()) < 0.02
                && Math.abs(b - want.getBlue()) < 0.02;
    }
}
