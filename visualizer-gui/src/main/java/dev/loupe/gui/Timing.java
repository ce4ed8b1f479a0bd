package dev.loupe.gui;

import javafx.animation.AnimationTimer;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@code loupe gui --timing}: how long the window takes, measured inside the running GUI, one line per milestone on
 * stderr ({@code loupe gui: timing: ...}): the window shown (after the JVM started), the page map drawn and each
 * b-tree drawn (after the window was shown, with the decoder thread's share). "Drawn" is taken once the first frame
 * holding the drawing has surely been rendered: at the third pulse after it was painted (pulse 1 renders it, pulse 2
 * waits for that rendering before it syncs the scene), so a figure can be late by up to two frames (33 ms at 60
 * frames a second), never early. Off by default: then nothing is printed.
 */
final class Timing {

    private final PrintStream out;
    private long shown;

    private Timing(PrintStream out) {
        this.out = out;
    }

    static Timing off() {
        return new Timing(null);
    }

    static Timing to(PrintStream out) {
        return new Timing(out);
    }

    boolean on() {
        return out != null;
    }

    /** Call once the stage is shown. */
    void windowShown() {
        if (out == null) {
            return;
        }
        shown = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log("window shown " + sinceStart + " ms after the JVM started");
    }

    /** Milliseconds since the window was shown (since now, if it was not). */
    double sinceShown() {
        return (System.nanoTime() - (shown == 0 ? System.nanoTime() : shown)) / 1e6;
    }

    /**
     * Logs {@code what} once the frame holding what was just painted has been rendered; {@code detail} follows the
     * time in parentheses.
     */
    void afterFrame(String what, String detail) {
        if (out == null) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // pulse 1 renders the painting; pulse 2's sync waits for that rendering; pulse 3 comes after it
                if (++pulses < 3) {
                    return;
                }
                stop();
                log(what + " " + ms(sinceShown()) + " after the window was shown (" + detail + ")");
            }
        }.start();
    }

    void log(String line) {
        if (out != null) {
            out.println("loupe gui: timing: " + line);
        }
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static double millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e6;
    }

    /**
     * Wall and CPU time of the calling thread, lap after lap: on a loaded machine the wall time grows with the wait
     * for a core, the CPU time does not.
     */
    static final class Lap {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private long wall;
        private long cpu;

        private Lap() {
            wall = System.nanoTime();
            cpu = THREADS.getCurrentThreadCpuTime();
        }

        static Lap start() {
            return new Lap();
        }

        /** "840 ms (CPU 610 ms)" since the start or the previous lap. */
        String next() {
            long w = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            String s = ms((w - wall) / 1e6) + " (CPU " + ms((c - cpu) / 1e6) + ")";
            wall = w;
            cpu = c;
            return s;
        }
    }
}
