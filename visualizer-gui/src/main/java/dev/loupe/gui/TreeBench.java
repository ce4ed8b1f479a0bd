package dev.loupe.gui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Benchmark harness of the b-tree view (bench/gui-tree.sh), not used by the GUI itself:
 * {@code java -cp loupe-gui.jar dev.loupe.gui.TreeBench DB TABLE [STEPS]}. Opens the database in a real window
 * (an X display, or Monocle's headless platform when none), shows TABLE's b-tree with every node expanded (the worst
 * case), then drives pan and zoom phases of STEPS frames each (default 300), one step per frame, and records every
 * frame: the time from one pulse to the next (what the user sees: the scene's layout, the canvas paint and the
 * rendering of the frame before), the paint alone, and the CPU time the FX thread and the renderer thread spent on
 * it (on a loaded machine the wall times grow with the wait for a core; the CPU times do not). Prints a Markdown
 * table: per phase the median, 99th percentile and maximum, and the frames over 50 ms. The first two frames of each
 * phase are not counted (they include the jump to the phase's starting point); the first phase is a warm-up while
 * the JIT compiles the painting.
 */
public final class TreeBench {

    /** A frame longer than this is a stall. */
    static final double STALL_MS = 50;

    private TreeBench() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length < 2) {
            System.err.println("usage: TreeBench DB TABLE [STEPS]");
            System.exit(2);
        }
        Path db = Path.of(argv[0]);
        String table = argv[1];
        int steps = argv.length > 2 ? Integer.parseInt(argv[2]) : 300;
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(RecentFiles.inMemory());
            Timing timing = Timing.to(System.out);
            window.setTiming(timing);
            stage.setScene(new Scene(window, Launcher.WIDTH, Launcher.HEIGHT));
            stage.show();
            timing.windowShown();
            window.open(db);
            window.whenIdle(() -> {
                window.showTree(table);
                window.whenIdle(() -> new TreeBench.Run(window, steps).start());
            });
        });
    }

    /** The phases, one after the other, each driven by the frames. */
    private static final class Run {
        private final MainWindow window;
        private final TreeDiagram tree;
        private final int steps;
        private final Deque<Phase> phases = new ArrayDeque<>();

        Run(MainWindow window, int steps) {
            this.window = window;
            this.tree = window.tree();
            this.steps = steps;
        }

        void start() {
            TreeLayout before = tree.treeLayout();
            System.out.printf(Locale.ROOT, "tree %s: %d items, %d shown as opened; pane %.0f x %.0f%n",
                    tree.title(), before.shape().size(), before.shownCount(), tree.getWidth(), tree.getHeight());
            long t0 = System.nanoTime();
            tree.expandAll(() -> {
                double layoutMs = Timing.millisSince(t0);
                long t1 = System.nanoTime();
                tree.paintNow();
                System.out.printf(Locale.ROOT, "expand all: %d boxes shown; layout %.1f ms (background thread),"
                        + " first paint %.1f ms%n", tree.treeLayout().shownCount(), layoutMs, Timing.millisSince(t1));
                phases();
            });
        }

        private void phases() {
            double w = tree.getWidth();
            double h = tree.getHeight();
            // Each phase starts from the fitted view (45 %, around the root), set to its scale about the pane's
            // centre, then moved so the leaves' rows are in view: the densest part of the drawing.
            // the first frames run while the JIT compiles the painting: reported apart
            phases.add(new Phase("warm-up: pan and zoom (JIT compiling)", () -> at(1.0), i -> {
                tree.pan(-40, 0);
                tree.zoom(i % 40 < 20 ? 1 / 1.05 : 1.05, w / 2, h / 2);
            }));
            phases.add(new Phase("pan at 100 %", () -> at(1.0), i -> tree.pan(-40, i % 100 < 50 ? -3 : 3)));
            phases.add(new Phase("zoom 100 % → 1 % → 100 %", () -> at(1.0), i -> {
                double f = Math.pow(100, 1.0 / (steps / 2.0));
                tree.zoom(i < steps / 2 ? 1 / f : f, w / 2, h / 2);
            }));
            phases.add(new Phase("pan at 45 % (fit)", () -> at(0.45), i -> tree.pan(-40, i % 100 < 50 ? -2 : 2)));
            phases.add(new Phase("pan at 10 %", () -> at(0.10), i -> tree.pan(-40, 0)));
            phases.add(new Phase("pan at 1 %", () -> at(0.01), i -> tree.pan(-40, 0)));
            System.out.println();
            System.out.println("| phase | frames | frame p50 / p99 / max (ms) | CPU per frame p50 / p99 / max (ms) |"
                    + " paint p50 / p99 / max (ms) | frames > " + (int) STALL_MS + " ms | boxes drawn (max) |");
            System.out.println("|---|---|---|---|---|---|---|");
            next();
        }

        /** The fitted view, then {@code scale} about the centre, then the bottom rows in view. */
        private void at(double scale) {
            tree.fit();
            double w = tree.getWidth();
            double h = tree.getHeight();
            tree.zoom(scale / tree.scale(), w / 2, 10);
            double bottom = tree.treeLayout().height() * tree.scale();
            if (bottom > h) {
                tree.pan(0, -(bottom - h) / 2);
            }
        }

        private void next() {
            Phase p = phases.poll();
            if (p == null) {
                window.shutdown();
                Platform.exit();
                System.exit(0);
                return;
            }
            p.setup.run();
            tree.paintNow();
            double[] frames = new double[steps];
            double[] cpu = new double[steps];
            double[] paints = new double[steps];
            long renderer = rendererThread();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int[] boxes = {0};
            new AnimationTimer() {
                private int i = -2;
                private long last;
                private long lastCpu;

                @Override
                public void handle(long ignored) {
                    long now = System.nanoTime();
                    long used = threads.getCurrentThreadCpuTime()
                            + (renderer < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderer)));
                    if (i >= 0) {
                        frames[i] = (now - last) / 1e6;
                        cpu[i] = (used - lastCpu) / 1e6;
                    }
                    last = now;
                    lastCpu = used;
                    if (i + 1 >= steps) {
                        stop();
                        report(p.name, frames, cpu, paints, boxes[0]);
                        next();
                        return;
                    }
                    p.step.accept(Math.max(0, i + 1));
                    long t0 = System.nanoTime();
                    int drawn = tree.paintNow();
                    if (i + 1 >= 0) {
                        paints[i + 1] = (System.nanoTime() - t0) / 1e6;
                    }
                    boxes[0] = Math.max(boxes[0], drawn);
                    i++;
                }
            }.start();
        }

        private static void report(String name, double[] frames, double[] cpu, double[] paints, int boxes) {
            long stalls = Arrays.stream(frames).filter(f -> f > STALL_MS).count();
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %d |%n", name, frames.length,
                    stats(frames), stats(cpu), stats(paints), stalls, boxes);
        }

        /** JavaFX's render thread ("QuantumRenderer-0"), -1 if not found. */
        private static long rendererThread() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    return t.getId();
                }
            }
            return -1;
        }

        private static String stats(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", s[s.length / 2],
                    s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)], s[s.length - 1]);
        }
    }

    private record Phase(String name, Runnable setup, IntConsumer step) {
    }
}
