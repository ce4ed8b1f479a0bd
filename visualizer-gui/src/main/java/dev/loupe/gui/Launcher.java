package dev.loupe.gui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts the visualizer: {@code java -cp loupe-gui.jar dev.loupe.gui.Launcher [FILE] [--view V] [--wal W]
 * [--snapshot OUT] [--timing]}. Not an {@code Application} subclass, so it runs from the plain class path (JavaFX
 * refuses to launch an Application main class that is not on the module path). With {@code --snapshot} it renders
 * the chosen view of the window offscreen to a PNG and exits: 0 written, 1 failed, 2 usage. Without a display it
 * uses Monocle's headless platform for snapshots, and says in one line why no window can open otherwise (exit 1).
 */
public final class Launcher {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private Launcher() {
    }

    public static void main(String[] argv) throws Exception {
        // JavaFX warns on every start from the class path ("Unsupported JavaFX configuration"): the shaded jar is
        // how we ship it, so the warning says nothing to the user. Held in a local so the level sticks.
        java.util.logging.Logger fxLog = java.util.logging.Logger.getLogger("javafx");
        fxLog.setLevel(java.util.logging.Level.SEVERE);
        GuiArgs args;
        try {
            args = GuiArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("loupe gui: " + e.getMessage());
            System.err.println(GuiArgs.USAGE);
            System.exit(2);
            return;
        }
        if (args.file() != null && !Files.isReadable(args.file())) {
            System.err.println("loupe gui: cannot read " + args.file());
            System.exit(2);
            return;
        }
        if (args.walPath() != null && !Files.isReadable(args.walPath())) {
            System.err.println("loupe gui: cannot read the WAL " + args.walPath());
            System.exit(2);
            return;
        }
        if (args.snapshot() != null) {
            useHeadlessWhenNoDisplay();
            System.exit(snapshot(args));
        }
        String noDisplay = noDisplay();
        if (noDisplay != null) {
            System.err.println(noWindow(noDisplay));
            System.exit(1);
            return;
        }
        Timing timing = args.timing() ? Timing.to(System.err) : Timing.off();
        // the decoding starts now, beside JavaFX's start-up, not once the window is shown
        EarlyOpen early = args.file() == null ? null : EarlyOpen.start(args.file(), args.openOptions());
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                MainWindow window = new MainWindow(RecentFiles.standard());
                window.setTiming(timing);
                stage.setScene(new Scene(window, WIDTH, HEIGHT));
                stage.setTitle("Loupe");
                stage.setOnHidden(e -> window.shutdown());
                stage.show();
                timing.windowShown();
                if (args.file() != null) {
                    window.open(args.file(), args.openOptions(), early);
                    window.whenIdle(() -> window.applyView(args.view()));
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // e.g. "Unable to open DISPLAY" when DISPLAY names no X server, or missing GTK libraries
            System.err.println(noWindow(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            System.exit(1);
        }
    }

    /** The one line printed when no window can be opened. */
    static String noWindow(String why) {
        return "loupe gui: cannot open a window (" + why + "); render the view to a file with --snapshot OUT.png,"
                + " or run it on a virtual display: xvfb-run loupe gui FILE";
    }

    /**
     * Why JavaFX will certainly find no display, or null when it may find one: on Linux and the BSDs JavaFX draws
     * through GTK on X11, which needs DISPLAY (also under Wayland, through XWayland). A DISPLAY that names no
     * server is left to JavaFX to find out (it then fails, and {@link #main} reports it in the same words).
     */
    static String noDisplay() {
        if (System.getProperty("glass.platform") != null) {
            return null; // a platform chosen on purpose (Monocle, for instance) needs no X server
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return null;
        }
        String display = System.getenv("DISPLAY");
        return display == null || display.isBlank() ? "no display: DISPLAY is not set" : null;
    }

    private static int snapshot(GuiArgs args) throws Exception {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Platform.startup(() -> {
            MainWindow window = new MainWindow(RecentFiles.inMemory());
            Scene scene = new Scene(window, WIDTH, HEIGHT);
            SnapshotRun.render(window, scene, args, result);
        });
        int code;
        try {
            code = result.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            System.err.println("loupe gui: snapshot failed: " + e.getCause());
            code = 1;
        }
        Platform.exit();
        return code;
    }

    /** Monocle's headless glass platform and the software renderer, when no X display is there. */
    private static void useHeadlessWhenNoDisplay() {
        String display = System.getenv("DISPLAY");
        if ((display == null || display.isBlank()) && System.getProperty("glass.platform") == null
                && Launcher.class.getClassLoader().getResource("com/sun/glass/ui/monocle/MonoclePlatformFactory.class")
                != null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
    }
}
