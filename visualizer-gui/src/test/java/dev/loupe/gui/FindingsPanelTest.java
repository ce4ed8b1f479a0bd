package dev.loupe.gui;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.samples.corrupt.Corruptions;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker in the window: background run with progress, the list, and navigation from a finding. */
class FindingsPanelTest extends WindowHarness {

    @Start
    void show(Stage stage) {
        start(stage);
    }


    @Test
    void clickingAFindingShowsItsPageAndHighlightsItsBytes(FxRobot robot) throws Exception {
        Path damaged = Corruptions.named("child-page-number-invalid").apply(dir);
        open(robot, damaged);
        robot.clickOn("#run-check");
        idle();

        // the same checker run directly: the panel lists exactly its findings
        CheckReport expected;
        try (Database db = Database.open(damaged, OpenOptions.defaults())) {
            expected = Checker.standard(CheckOptions.defaults()).check(db);
        }
        List<Finding> listed = window.findings().table().getItems();
        assertThat(listed).isEqualTo(expected.findings());
        Finding f = listed.stream().filter(x -> x.code() == FindingCode.PAGE_NUMBER_INVALID).findFirst()
                .orElseThrow();
        assertThat(f.page()).isPositive();
        assertThat(f.length()).isPositive();
        assertThat(window.findings().summary().getText()).startsWith("corrupt: "
                + expected.count(Severity.ERROR) + " errors, " + Plural.of(expected.count(Severity.WARNING), "warning"));
        assertThat(Plural.of(1, "error")).isEqualTo("1 error");

        TableRow<?> row = robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() == f).map(n -> (TableRow<?>) n)
                .findFirst().orElseThrow();
        robot.clickOn(row);
        idle();

        assertThat(window.inspector().details().page()).isEqualTo(f.page());
        assertThat(window.inspector().hexView().selected())
                .isEqualTo(Span.inPage(f.page(), (int) f.offset(), f.length()));
        assertThat(window.pageMap().selectedProperty().get()).isEqualTo(f.page());
        // the object is a tree (table mixed): its diagram is shown with the page's box marked
        assertThat(window.tree().title()).isEqualTo(f.object());
        assertThat(window.tree().marked()).isEqualTo(f.page());
        assertThat(window.tree().isShown(f.page())).isTrue();
        assertThat(window.tree().markedBox()).isEqualTo(f.page());
        // error findings give their page the red corner on the map
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(window.pageMap().hasProblemMark(f.page())).isTrue();
    }

    @Test
    void problemsShowKebabCodesAndCountsAreSingular(FxRobot robot) throws Exception {
        Path damaged = Corruptions.named("child-page-number-invalid").apply(dir);
        open(robot, damaged);
        robot.interact(() -> window.showTree("mixed"));
        idle();
        assertThat(window.status().getText()).contains("1 problem").doesNotContain("1 problems");
        List<String> shown = robot.lookup("#inspector-problems").queryListView().getItems().stream()
                .map(Object::toString).toList();
        assertThat(shown).isNotEmpty();
        List<String> enumNames = Arrays.stream(ProblemKind.values()).map(Enum::name).toList();
        List<String> codes = Arrays.stream(ProblemKind.values()).map(ProblemKind::code).toList();
        for (String line : shown) {
            String first = line.substring(0, line.indexOf(' '));
            assertThat(enumNames).as(line).doesNotContain(first);
            assertThat(codes).as(line).contains(first);
        }
    }

    @Test
    void aCheckCanBeCancelledAndRunAgain(FxRobot robot) throws Exception {
        Path damaged = Corruptions.named("child-page-number-invalid").apply(dir);
        open(robot, damaged);
        robot.interact(() -> {
            window.runCheck();
            window.cancelCheck();
        });
        idle();
        assertThat(window.findings().runButton().isDisabled()).isFalse();
        robot.clickOn("#run-check");
        idle();
        assertThat(window.findings().table().getItems()).isNotEmpty();
    }
}
