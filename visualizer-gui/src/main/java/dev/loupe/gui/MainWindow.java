package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.treeview.TreeView;
import dev.loupe.format.treeview.TreeViewBuilder;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The visualizer's window content: a tool bar (open, recent files, the b-tree to show, go to page), the page map and
 * the b-tree view in tabs, the page inspector beside them, a status line with progress. Every decode runs on one
 * background thread (so the FX thread never waits and the database is read by one thread at a time); results come
 * back to the FX thread through {@link Task}.
 */
final class MainWindow extends BorderPane {

    /** Most tree boxes drawn at once: deeper levels are collapsed (counted on their ancestors) beyond this. */
    static final int MAX_SHOWN_NODES = 1500;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loupe-decoder");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(this, "busy", 0);
    private final RecentFiles recent;
    private final PageMapView pageMap = new PageMapView();
    private final TreeDiagram tree = new TreeDiagram();
    private final PageInspectorView inspector = new PageInspectorView();
    private final TabPane tabs = new TabPane();
    private final Tab mapTab = new Tab("Page map", pageMap);
    private final Tab treeTab = new Tab("B-tree", tree);
    private final ComboBox<ObjectPages> trees = new ComboBox<>();
    private final MenuButton recentMenu = new MenuButton("Recent");
    private final TextField goTo = new TextField();
    private final Label status = new Label("Open a database: File chooser, drag and drop, or a recent file.");
    private final ProgressBar progress = new ProgressBar(0);
    private Loaded loaded;
    private long shownPage;
    /** Set while the tree chooser is updated from code, so its action does not walk the tree twice. */
    private boolean choosing;

    MainWindow(RecentFiles recent) {
        this.recent = recent;
        setId("main-window");
        Button open = new Button("Open…");
        open.setId("open-button");
        open.setOnAction(e -> chooseFile());
        trees.setId("tree-choice");
        trees.setPromptText("b-tree…");
        trees.setPrefWidth(220);
        trees.setCellFactory(l -> new ObjectCell());
        trees.setButtonCell(new ObjectCell());
        trees.setOnAction(e -> {
            ObjectPages o = trees.getValue();
            if (o != null && !choosing) {
                showTree(o);
            }
        });
        goTo.setId("go-to-page");
        goTo.setPromptText("page #");
        goTo.setPrefColumnCount(7);
        goTo.setOnAction(e -> {
            try {
                showPage(Long.parseLong(goTo.getText().trim()));
            } catch (NumberFormatException ex) {
                status.setText("not a page number: " + goTo.getText());
            }
        });
        Button fit = new Button("Fit tree");
        fit.setOnAction(e -> tree.fit());
        recentMenu.setId("recent-menu");
        refreshRecent();
        ToolBar bar = new ToolBar(open, recentMenu, new Separator(), new Label("B-tree:"), trees, fit,
                new Separator(), new Label("Page:"), goTo);
        setTop(bar);

        mapTab.setClosable(false);
        mapTab.setId("map-tab");
        treeTab.setClosable(false);
        treeTab.setId("tree-tab");
        tabs.getTabs().addAll(mapTab, treeTab);
        SplitPane split = new SplitPane(tabs, inspector);
        split.setDividerPositions(0.5);
        setCenter(split);

        status.setId("status");
        progress.setVisible(false);
        progress.setPrefWidth(160);
        HBox statusBar = new HBox(8, status, progress);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(3, 6, 3, 6));
        setBottom(statusBar);

        pageMap.setOnChoose(this::showPage);
        tree.setOnChoose(this::showPage);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    /** Background jobs queued or running; 0 when the window shows everything it was asked to. */
    ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs {@code r} on the FX thread once no background job is pending. */
    void whenIdle(Runnable r) {
        if (busy.get() == 0) {
            Platform.runLater(r);
            return;
        }
        busy.addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (busy.get() == 0) {
                    busy.removeListener(this);
                    Platform.runLater(r);
                }
            }
        });
    }

    void open(Path path) {
        progress.setVisible(true);
        progress.setProgress(-1);
        status.setText("Opening " + path + " …");
        Loaded previous = loaded;
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws IOException {
                if (previous != null) {
                    previous.db().close();
                }
                Database db = Database.open(path, OpenOptions.defaults());
                PageMap map = PageMap.build(db, (done, total) -> updateProgress(done, total));
                return new Loaded(path, db, map);
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        run(task, l -> {
            loaded = l;
            recent.add(path);
            refreshRecent();
            progress.progressProperty().unbind();
            progress.setVisible(false);
            Window w = getScene() == null ? null : getScene().getWindow();
            if (w instanceof javafx.stage.Stage s) {
                s.setTitle("Loupe — " + path.getFileName());
            }
            pageMap.setMap(l.map());
            trees.getItems().setAll(l.map().objects());
            int problems = l.map().problems().size() + l.db().problems().size();
            status.setText(path.getFileName() + ": " + l.map().pageCount() + " pages of " + l.db().pageSize()
                    + " bytes" + (l.db().appliedCommit() > 0 ? ", WAL applied to commit " + l.db().appliedCommit() : "")
                    + (problems > 0 ? ", " + problems + " problems found while mapping" : ""));
        }, () -> {
            progress.progressProperty().unbind();
            progress.setVisible(false);
        });
    }

    Loaded loaded() {
        return loaded;
    }

    void showTree(String name) {
        if (loaded == null) {
            return;
        }
        for (ObjectPages o : loaded.map().objects()) {
            if (o.name().equalsIgnoreCase(name)) {
                choosing = true;
                try {
                    trees.setValue(o);
                } finally {
                    choosing = false;
                }
                showTree(o);
                return;
            }
        }
        status.setText("no table or index named " + name);
    }

    void showTree(ObjectPages o) {
        Loaded l = loaded;
        tabs.getSelectionModel().select(treeTab);
        status.setText("Walking the b-tree of " + o.type() + " " + o.name() + " …");
        run(new Task<TreeView>() {
            @Override
            protected TreeView call() throws IOException {
                return treeOf(l.db(), o.census().root());
            }
        }, v -> {
            tree.show(o.name(), v);
            if (v.root() != null) {
                showPage(v.rootPage());
            }
            status.setText(o.type() + " " + o.name() + ": root page " + v.rootPage() + ", " + v.walkedPages()
                    + " pages" + (v.shownPages() < v.walkedPages() ? " (" + v.shownPages() + " shown)" : "")
                    + (v.hasProblems() ? ", " + v.problems().size() + " problems" : ""));
        }, () -> { });
    }

    /** The whole tree when it is small; else as many levels as fit {@link #MAX_SHOWN_NODES} boxes. */
    static TreeView treeOf(Database db, long root) throws IOException {
        TreeViewBuilder b = new TreeViewBuilder(db.pages(), db.usableSize(), db.encoding());
        TreeView all = b.build(root, 0);
        if (all.shownPages() <= MAX_SHOWN_NODES) {
            return all;
        }
        TreeView best = b.build(root, 1);
        for (int depth = 2; depth < 40; depth++) {
            TreeView next = b.build(root, depth);
            if (next.shownPages() > MAX_SHOWN_NODES || next.shownPages() == best.shownPages()) {
                break;
            }
            best = next;
        }
        return best;
    }

    void showPage(long page) {
        Loaded l = loaded;
        if (l == null) {
            return;
        }
        shownPage = page;
        pageMap.select(page);
        tree.highlight(page);
        run(new Task<PageDetails>() {
            @Override
            protected PageDetails call() throws IOException {
                return PageDetails.of(l.db(), l.map(), page);
            }
        }, inspector::show, () -> { });
    }

    /** "pages", "tree:NAME" or "page:N", as `loupe gui --view` takes them. */
    void applyView(String view) {
        if (view == null || view.equals("pages")) {
            tabs.getSelectionModel().select(mapTab);
        } else if (view.startsWith("tree:")) {
            showTree(view.substring(5));
        } else if (view.startsWith("page:")) {
            showPage(Long.parseLong(view.substring(5)));
        } else {
            throw new IllegalArgumentException("unknown view " + view + " (expected pages, tree:NAME or page:N)");
        }
    }

    PageMapView pageMap() {
        return pageMap;
    }

    TreeDiagram tree() {
        return tree;
    }

    PageInspectorView inspector() {
        return inspector;
    }

    Label status() {
        return status;
    }

    void shutdown() {
        worker.shutdownNow();
        if (loaded != null) {
            try {
                loaded.db().close();
            } catch (IOException e) {
                // closing a read-only file: nothing to save
            }
        }
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a SQLite database");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQLite databases", "*.db", "*.sqlite",
                "*.sqlite3", "*.db3"), new FileChooser.ExtensionFilter("All files", "*"));
        if (loaded != null && loaded.path().getParent() != null) {
            fc.setInitialDirectory(loaded.path().toAbsolutePath().getParent().toFile());
        }
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Runs a task on the decoder thread; failures land in the status line, never in a dialog that blocks. */
    private <T> void run(Task<T> task, java.util.function.Consumer<T> done, Runnable failed) {
        busy.set(busy.get() + 1);
        task.setOnSucceeded(e -> {
            try {
                done.accept(task.getValue());
            } finally {
                busy.set(busy.get() - 1);
            }
        });
        task.setOnFailed(e -> {
            try {
                Throwable t = task.getException();
                status.setText("Error: " + (t == null ? "unknown" : t.getClass().getSimpleName() + ": "
                        + t.getMessage()));
                failed.run();
            } finally {
                busy.set(busy.get() - 1);
            }
        });
        task.setOnCancelled(e -> busy.set(busy.get() - 1));
        worker.execute(task);
    }

    /** "table books (12 pages)" in the tree chooser. */
    private static final class ObjectCell extends ListCell<ObjectPages> {
        @Override
        protected void updateItem(ObjectPages o, boolean empty) {
            super.updateItem(o, empty);
            setText(empty || o == null ? null : o.type() + " " + o.name() + " (" + o.census().pages().length
                    + " pages)");
        }
    }
}
