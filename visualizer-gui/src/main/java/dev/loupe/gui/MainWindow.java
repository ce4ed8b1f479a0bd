package dev.loupe.gui;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.Span;
import dev.loupe.format.wal.WalCommit;
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
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The visualizer's window content: a tool bar (open, recent files, the b-tree to show, go to page), the page map and
 * the b-tree view in tabs, the page inspector beside them, the checker's findings below, a WAL timeline when the
 * file has a WAL, a status line with progress. Every decode runs on one background thread (so the FX thread never
 * waits and the decoders read the database one at a time); the checker runs on a second one, so the window stays
 * usable while it works. Results come back to the FX thread through {@link Task}.
 */
final class MainWindow extends BorderPane {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loupe-decoder");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService checkWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loupe-checker");
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
    private final FindingsPanel findings = new FindingsPanel();
    private final Slider commitSlider = new Slider(0, 1, 0);
    private final Label commitLabel = new Label();
    private final HBox timeline;
    private final Exporter exporter = new Exporter(this);
    private List<WalCommit> commits = List.of();
    /** The commit the slider last asked for: older requests still queued are skipped. */
    private int requestedCommit = -1;
    private Task<CheckReport> check;
    private Loaded loaded;
    private long shownPage;
    /** The tree shown in the b-tree tab, walked again when another commit is shown. */
    private ObjectPages shownTree;
    /** Set while the tree chooser is updated from code, so its action does not walk the tree twice. */
    private boolean choosing;
    private Timing timing = Timing.off();

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
        MenuButton export = exporter.menu();
        ToolBar bar = new ToolBar(open, recentMenu, new Separator(), new Label("B-tree:"), trees, fit,
                new Separator(), new Label("Page:"), goTo, new Separator(), export);

        commitSlider.setId("commit-slider");
        commitSlider.setMinorTickCount(0);
        commitSlider.setBlockIncrement(1);
        commitSlider.setShowTickMarks(true);
        commitSlider.setShowTickLabels(true);
        HBox.setHgrow(commitSlider, Priority.ALWAYS);
        commitSlider.setMaxWidth(Double.MAX_VALUE);
        commitSlider.valueProperty().addListener((o, was, now) -> {
            if (!commitSlider.isValueChanging()) {
                seekCommit((int) Math.round(now.doubleValue()));
            }
        });
        commitSlider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                // a drag ends between commits: rest on the nearest one
                commitSlider.setValue(Math.round(commitSlider.getValue()));
                seekCommit((int) Math.round(commitSlider.getValue()));
            }
        });
        commitLabel.setId("commit-label");
        commitLabel.setMinWidth(360);
        timeline = new HBox(8, new Label("WAL commit:"), commitSlider, commitLabel);
        timeline.setId("wal-timeline");
        timeline.setAlignment(Pos.CENTER_LEFT);
        timeline.setPadding(new Insets(3, 8, 3, 8));
        timeline.setVisible(false);
        timeline.setManaged(false);
        setTop(new VBox(bar, timeline));

        mapTab.setClosable(false);
        mapTab.setId("map-tab");
        treeTab.setClosable(false);
        treeTab.setId("tree-tab");
        tabs.getTabs().addAll(mapTab, treeTab);
        SplitPane split = new SplitPane(tabs, inspector);
        split.setDividerPositions(0.5);
        SplitPane withFindings = new SplitPane(split, findings);
        // modena paints a split pane as two fills (border colour, then white inset by 1), which JavaFX caches as an
        // image and stretches over the whole area on every frame, also under the b-tree canvas while it pans. One
        // fill of the border colour looks the same (the items cover the inside) and is a plain rectangle fill.
        for (SplitPane p : List.of(split, withFindings)) {
            p.setStyle("-fx-background-color: -fx-box-border; -fx-background-insets: 0;");
        }
        withFindings.setOrientation(javafx.geometry.Orientation.VERTICAL);
        withFindings.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(findings, false);
        setCenter(withFindings);
        findings.setOnRun(this::runCheck);
        findings.setOnCancel(this::cancelCheck);
        findings.setOnChoose(this::showFinding);

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

    /** {@code --timing}: log how long opening, mapping and drawing take (see {@link Timing}). */
    void setTiming(Timing timing) {
        this.timing = timing;
    }

    /** Opens a database with the WAL beside it, if any (as SQLite would). */
    void open(Path path) {
        open(path, OpenOptions.defaults());
    }

    /**
     * Opens a database as {@code options} say (which WAL: beside it, another file, or none); the WAL timeline and
     * every commit it shows use the same WAL.
     */
    void open(Path path, OpenOptions options) {
        open(path, options, null);
    }

    /** As {@link #open(Path, OpenOptions)}, taking the result of {@code early} when it is this opening's. */
    void open(Path path, OpenOptions options, EarlyOpen early) {
        cancelCheck();
        progress.setVisible(true);
        progress.setProgress(-1);
        status.setText("Opening " + path + " …");
        Loaded previous = loaded;
        String[] took = new String[2];
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws IOException {
                if (previous != null) {
                    previous.db().close();
                }
                if (early != null && early.isFor(path, options)) {
                    Loaded l = early.await();
                    took[0] = early.openTook();
                    took[1] = early.mapTook();
                    return l;
                }
                Timing.Lap lap = Timing.Lap.start();
                Database db = Opening.open(path, options);
                took[0] = lap.next();
                try {
                    PageMap map = PageMap.build(db, (done, total) -> updateProgress(done, total));
                    took[1] = lap.next();
                    return new Loaded(path, options, db, map);
                } catch (IOException | RuntimeException e) {
                    db.close();
                    throw e;
                }
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
            long drawn = System.nanoTime();
            pageMap.setMap(l.map());
            pageMap.setWritten(new BitSet());
            timing.afterFrame("page map of " + Plural.of(l.map().pageCount(), "page") + " drawn", "open " + took[0]
                    + " and page map " + took[1] + " on the decoder thread, paint "
                    + Timing.ms(Timing.millisSince(drawn)));
            pageMap.showWrittenLegend(l.db().wal().map(wal -> !wal.commits().isEmpty()).orElse(false));
            trees.getItems().setAll(l.map().objects());
            shownTree = null;
            findings.clear("The checker has not run on this file.");
            setUpTimeline(l);
            int problems = l.map().problems().size() + l.db().problems().size();
            status.setText(path.getFileName() + ": " + l.map().pageCount() + " pages of " + l.db().pageSize()
                    + " bytes" + (l.db().appliedCommit() > 0 ? ", WAL applied to commit " + l.db().appliedCommit() : "")
                    + (problems > 0 ? ", " + Plural.of(problems, "problem") + " found while mapping" : ""));
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
        tabs.getSelectionModel().select(treeTab);
        walkTree(o, true, 0, true);
    }

    /**
     * Walks a tree off the FX thread and shows it in the b-tree tab; {@code inspect}: open its root page in the
     * inspector; {@code mark}: the page a finding is about (0 for none).
     */
    private void walkTree(ObjectPages o, boolean inspect, long mark, boolean report) {
        Loaded l = loaded;
        shownTree = o;
        if (report) {
            status.setText("Walking the b-tree of " + o.type() + " " + o.name() + " …");
        }
        String[] took = new String[2];
        run(new Task<ShownTree>() {
            @Override
            protected ShownTree call() throws IOException {
                Timing.Lap lap = Timing.Lap.start();
                TreeView v = treeOf(l.db(), o.census().root());
                took[0] = lap.next();
                ShownTree t = ShownTree.of(o.name(), v);
                took[1] = lap.next();
                return t;
            }
        }, t -> {
            TreeView v = t.view();
            long painted = System.nanoTime();
            tree.show(t);
            tree.mark(mark);
            tree.paintNow();
            timing.afterFrame("b-tree " + o.name() + " (" + Plural.of(v.walkedPages(), "page") + ", "
                    + t.layout().shownCount() + " boxes shown) drawn", "walk " + took[0]
                    + " and layout " + took[1] + " on the decoder thread, paint "
                    + Timing.ms(Timing.millisSince(painted)));
            if (v.root() != null && inspect) {
                showPage(v.rootPage());
            }
            if (!report) {
                return;
            }
            int hidden = t.shape().size() - t.layout().shownCount();
            status.setText(o.type() + " " + o.name() + ": root page " + v.rootPage() + ", "
                    + Plural.of(v.walkedPages(), "page")
                    + (v.hasProblems() ? ", " + Plural.of(v.problems().size(), "problem") : "")
                    + (hidden > 0 ? "; deeper levels collapsed (" + hidden + " boxes hidden): click + under a box"
                    + " or press Space to expand, * for all below" : ""));
        }, () -> { });
    }

    /**
     * The whole tree, every level: collapsing is the view's business ({@link TreeShape#defaultCollapsed}), and a
     * collapsed node must know whether broken links hide below it.
     */
    static TreeView treeOf(Database db, long root) throws IOException {
        return new TreeViewBuilder(db.pages(), db.usableSize(), db.encoding()).build(root, 0);
    }

    void showPage(long page) {
        showPage(page, null);
    }

    /** Opens a page in the inspector, its bytes {@code highlight} (may be null) highlighted. */
    void showPage(long page, Span highlight) {
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
        }, d -> {
            inspector.show(d);
            inspector.highlight(highlight);
        }, () -> { });
    }

    // ---- the checker ----

    /** Runs the standard checker over the database shown (as of the commit shown), off the FX thread. */
    void runCheck() {
        Loaded l = loaded;
        if (l == null) {
            return;
        }
        cancelCheck();
        Task<CheckReport> task = new Task<>() {
            @Override
            protected CheckReport call() throws IOException {
                return Checker.standard(CheckOptions.defaults()).check(l.db(), (done, total) -> {
                    if (isCancelled()) {
                        // unwinds the checker's pass; the task is already marked cancelled
                        throw new CancellationException();
                    }
                    updateProgress(done, total);
                });
            }
        };
        check = task;
        findings.started(task);
        run(task, checkWorker, report -> {
            findings.finished(report);
            BitSet errors = new BitSet();
            for (Finding f : report.findings()) {
                long p = pageOf(f, l.db().pageSize());
                if (f.severity() == Severity.ERROR && p > 0 && p <= l.map().pageCount()) {
                    errors.set((int) p);
                }
            }
            pageMap.markProblems(errors);
        }, () -> findings.stopped("The check failed: " + status.getText()),
                () -> findings.stopped("Check cancelled."));
    }

    void cancelCheck() {
        if (check != null && !check.isDone()) {
            check.cancel(true);
        }
        check = null;
    }

    /** The page a finding is about: its page, or the page holding its file offset; 0 for none (or WAL bytes). */
    static long pageOf(Finding f, int pageSize) {
        if (f.page() > 0) {
            return f.page();
        }
        if (f.offset() >= 0 && !"-wal".equals(f.object())) {
            return f.offset() / pageSize + 1;
        }
        return 0;
    }

    /** Goes to a finding: map selection, inspector with its bytes highlighted, its tree's box marked. */
    void showFinding(Finding f) {
        Loaded l = loaded;
        if (l == null) {
            return;
        }
        long page = pageOf(f, l.db().pageSize());
        if (page <= 0 || page > l.map().pageCount()) {
            status.setText(f.code().code() + ": " + ("-wal".equals(f.object()) ? "in the WAL file, at offset "
                    + f.offset() : "not about one page of the database"));
            return;
        }
        Span bytes = null;
        if (f.offset() >= 0) {
            long offset = f.page() > 0 ? f.offset() : f.offset() % l.db().pageSize();
            bytes = Span.inPage(page, (int) offset, Math.max(1, Math.min(f.length(), l.db().pageSize() - (int) offset)));
        }
        showPage(page, bytes);
        ObjectPages owner = f.object() == null ? null : l.map().objects().stream()
                .filter(o -> o.name().equalsIgnoreCase(f.object())).findFirst().orElse(null);
        if (owner != null) {
            if (owner.equals(shownTree) && tree.view() != null) {
                tree.mark(page);
            } else {
                choosing = true;
                try {
                    trees.setValue(owner);
                } finally {
                    choosing = false;
                }
                walkTree(owner, false, page, false);
            }
        }
        status.setText(f.severity().code() + " " + f.code().code() + " on page " + page + ": " + f.message());
    }

    FindingsPanel findings() {
        return findings;
    }

    // ---- the WAL timeline ----

    private void setUpTimeline(Loaded l) {
        commits = l.db().wal().map(w -> w.commits()).orElse(List.of());
        boolean show = !commits.isEmpty();
        timeline.setVisible(show);
        timeline.setManaged(show);
        requestedCommit = l.db().appliedCommit();
        if (show) {
            commitSlider.setMax(commits.size());
            // about ten labelled ticks, at round numbers
            int step = commits.size() <= 10 ? 1 : commits.size() <= 50 ? 5 : commits.size() <= 100 ? 10
                    : (int) Math.pow(10, Math.floor(Math.log10(commits.size() / 2.0)));
            commitSlider.setMajorTickUnit(step);
            commitSlider.setValue(l.db().appliedCommit());
            describeCommit(l.db().appliedCommit());
        }
    }

    /** Reopens the database as of commit {@code k} (0: the database file alone) off the FX thread. */
    void seekCommit(int k) {
        Loaded l = loaded;
        if (l == null || commits.isEmpty() || k == requestedCommit || k < 0 || k > commits.size()) {
            return;
        }
        requestedCommit = k;
        cancelCheck();
        status.setText("Reading the database as of commit " + k + " …");
        run(new Task<Loaded>() {
            @Override
            protected Loaded call() throws IOException {
                if (k != requestedCommit) {
                    return null; // the slider moved on; the newer request is queued behind this one
                }
                OpenOptions atK = l.options().atCommit(k);
                Database db = Database.open(l.path(), atK);
                try {
                    return new Loaded(l.path(), atK, db, PageMap.build(db, (done, total) -> updateProgress(done, total)));
                } catch (IOException | RuntimeException e) {
                    db.close();
                    throw e;
                }
            }
        }, next -> {
            if (next == null) {
                return;
            }
            Loaded before = loaded;
            loaded = next;
            closeLater(before);
            pageMap.replaceMap(next.map());
            pageMap.setWritten(writtenBy(k));
            trees.getItems().setAll(next.map().objects());
            findings.clear("Showing commit " + k + ": run the check again for this commit.");
            describeCommit(k);
            ObjectPages again = shownTree == null ? null : next.map().objects().stream()
                    .filter(o -> o.name().equalsIgnoreCase(shownTree.name())).findFirst().orElse(null);
            if (again != null) {
                choosing = true;
                try {
                    trees.setValue(again);
                } finally {
                    choosing = false;
                }
                walkTree(again, false, 0, false);
            }
            if (shownPage > 0 && shownPage <= next.map().pageCount()) {
                showPage(shownPage);
            }
            status.setText(next.path().getFileName() + " as of commit " + k + " of " + commits.size() + ": "
                    + Plural.of(next.map().pageCount(), "page"));
        }, () -> { });
    }

    /** Closes a replaced database on the decoder thread, after the tasks already queued that may read it. */
    private void closeLater(Loaded old) {
        if (old == null) {
            return;
        }
        worker.execute(() -> {
            try {
                old.db().close();
            } catch (IOException e) {
                // a read-only file: nothing to save
            }
        });
    }

    /** The pages commit {@code k} wrote; none for 0 (the database file alone). */
    BitSet writtenBy(int k) {
        BitSet b = new BitSet();
        if (k >= 1 && k <= commits.size()) {
            for (long p : commits.get(k - 1).pages()) {
                if (p <= Integer.MAX_VALUE) {
                    b.set((int) p);
                }
            }
        }
        return b;
    }

    private void describeCommit(int k) {
        if (k == 0) {
            commitLabel.setText("0 of " + commits.size() + ": the database file alone (WAL not applied)");
            return;
        }
        WalCommit c = commits.get(k - 1);
        long[] pages = c.pages();
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < pages.length && i < 12; i++) {
            list.append(i == 0 ? "" : ", ").append(pages[i]);
        }
        if (pages.length > 12) {
            list.append(", …");
        }
        commitLabel.setText(k + " of " + commits.size() + ": frames " + c.firstFrame() + ".." + c.lastFrame()
                + ", " + c.databaseSize() + " pages; wrote " + Plural.of(pages.length, "page") + " (" + list + ")");
    }

    Slider commitSlider() {
        return commitSlider;
    }

    List<WalCommit> commits() {
        return commits;
    }

    Exporter exporter() {
        return exporter;
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
        cancelCheck();
        tree.shutdown();
        checkWorker.shutdownNow();
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
                "*.sqlite3", "*.db3"), new FileChooser.ExtensionFilter("hexdb text (sqlite3 .open --hexdb)",
                "*.hexdb", "*.txt"), new FileChooser.ExtensionFilter("All files", "*"));
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

    /** Runs a task (an export) in the background; its failure lands in the status line. */
    <T> void background(Task<T> task, java.util.function.Consumer<T> done) {
        run(task, done, () -> { });
    }

    /** Runs a task on the decoder thread; failures land in the status line, never in a dialog that blocks. */
    private <T> void run(Task<T> task, java.util.function.Consumer<T> done, Runnable failed) {
        run(task, worker, done, failed, () -> { });
    }

    private <T> void run(Task<T> task, ExecutorService on, java.util.function.Consumer<T> done, Runnable failed,
                         Runnable cancelled) {
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
        task.setOnCancelled(e -> {
            try {
                cancelled.run();
            } finally {
                busy.set(busy.get() - 1);
            }
        });
        on.execute(task);
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
