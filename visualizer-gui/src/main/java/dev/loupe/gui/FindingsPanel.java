package dev.loupe.gui;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.function.Consumer;

/**
 * The checker's findings as a table (severity, code, object, page/cell, message, SQLite's integrity_check line),
 * with the buttons that start and cancel a check and its progress bar. A click on a finding reports it to the
 * window, which navigates to its page and bytes.
 */
final class FindingsPanel extends BorderPane {

    private final Button run = new Button("Run check");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label summary = new Label("The checker has not run on this file.");
    private final TableView<Finding> table = new TableView<>();
    private Consumer<Finding> onChoose = f -> { };

    FindingsPanel() {
        setId("findings-panel");
        run.setId("run-check");
        cancel.setId("cancel-check");
        cancel.setDisable(true);
        progress.setId("check-progress");
        progress.setPrefWidth(180);
        progress.setVisible(false);
        summary.setId("findings-summary");
        HBox bar = new HBox(8, run, cancel, progress, summary);
        HBox.setHgrow(summary, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);

        table.setId("findings-table");
        table.setPlaceholder(new Label("No findings to show."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Finding, String> severity = column("Severity", 70, f -> f.severity().code());
        severity.setCellFactory(c -> new SeverityCell());
        table.getColumns().add(severity);
        table.getColumns().add(column("Code", 190, f -> f.code().code()));
        table.getColumns().add(column("Object", 110, f -> f.object() == null ? "" : f.object()));
        table.getColumns().add(column("Page/cell", 80, FindingsPanel::where));
        table.getColumns().add(column("Message", 420, Finding::message));
        table.getColumns().add(column("SQLite says", 260, f -> f.sqlite() == null ? "" : f.sqlite()));
        table.setRowFactory(t -> {
            TableRow<Finding> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    onChoose.accept(row.getItem());
                }
            });
            return row;
        });
        // keyboard selection in the table navigates as a click does
        table.setOnKeyReleased(e -> {
            Finding f = table.getSelectionModel().getSelectedItem();
            if (f != null && (e.getCode().isArrowKey() || e.getCode() == javafx.scene.input.KeyCode.ENTER)) {
                onChoose.accept(f);
            }
        });
        setCenter(table);
        setMinHeight(0);
    }

    private static TableColumn<Finding, String> column(String title, double width,
                                                       java.util.function.Function<Finding, String> value) {
        TableColumn<Finding, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** "12", "12 / cell 3", or "" for file-level findings. */
    static String where(Finding f) {
        if (f.page() <= 0) {
            return "";
        }
        return f.page() + (f.cell() >= 0 ? " / cell " + f.cell() : "");
    }

    void setOnChoose(Consumer<Finding> onChoose) {
        this.onChoose = onChoose;
    }

    void setOnRun(Runnable r) {
        run.setOnAction(e -> r.run());
    }

    void setOnCancel(Runnable r) {
        cancel.setOnAction(e -> r.run());
    }

    /** A check started: the bar follows {@code task}'s progress, the list empties. */
    void started(javafx.concurrent.Task<?> task) {
        table.getItems().clear();
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        run.setDisable(true);
        cancel.setDisable(false);
        summary.setText("Checking…");
    }

    void finished(CheckReport report) {
        stopped(null);
        table.getItems().setAll(report.findings());
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        summary.setText(report.verdict().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + Plural.of(errors, "error") + ", " + Plural.of(warnings, "warning")
                + (report.dropped() > 0 ? " (" + report.dropped() + " more not listed)" : "")
                + " in " + report.stats().millis() + " ms");
    }

    /** The check ended without a report: cancelled or failed ({@code why}). */
    void stopped(String why) {
        progress.progressProperty().unbind();
        progress.setVisible(false);
        run.setDisable(false);
        cancel.setDisable(true);
        if (why != null) {
            summary.setText(why);
        }
    }

    /** Forgets the findings (another file or commit is shown). */
    void clear(String why) {
        table.getItems().clear();
        summary.setText(why);
    }

    TableView<Finding> table() {
        return table;
    }

    Label summary() {
        return summary;
    }

    Button runButton() {
        return run;
    }

    /** Errors in red, warnings in amber. */
    private static final class SeverityCell extends TableCell<Finding, String> {
        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty ? null : s);
            setStyle(empty || s == null ? "" : s.equals("error") ? "-fx-text-fill: #c00000; -fx-font-weight: bold;"
                    : s.equals("warning") ? "-fx-text-fill: #a06000;" : "");
        }
    }
}
