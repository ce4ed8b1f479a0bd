package dev.loupe.repro.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external program: an argument array (never a shell), bytes on stdin, stdout and stderr read
 * concurrently up to the output limit, killed (with its descendants) at the time or output limit.
 *
 * @param exitCode   the exit status; as Java reports it, 128 + N when signal N killed the process
 * @param startError why the program could not be started, or null
 */
record ProcessRun(int exitCode, byte[] stdout, byte[] stderr, boolean timedOut, boolean outputCut,
                  String startError) {

    /** stderr is kept to this many bytes: it is for messages, not data. */
    private static final int STDERR_LIMIT = 1 << 20;
    private static final long PIPE_GRACE_MILLIS = 3000;

    static ProcessRun run(List<String> command, byte[] stdin, Limits limits, Path workDir, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new ProcessRun(-1, new byte[0], new byte[0], false, false, e.getMessage());
        }
        Pump out = new Pump(p.getInputStream(), limits.maxOutputBytes(), p);
        Pump err = new Pump(p.getErrorStream(), STDERR_LIMIT, null);
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the program exited without reading all its input: its exit status tells what happened
            }
        }, "loupe-engine-stdin");
        feeder.setDaemon(true);
        out.start();
        err.start();
        feeder.start();
        boolean finished;
        try {
            finished = p.waitFor(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            kill(p);
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        // A grandchild that escaped the kill could hold the pipes open: wait for them only a little.
        out.joinQuietly();
        err.joinQuietly();
        return new ProcessRun(code, out.bytes(), err.bytes(), !finished && !out.cut, out.cut, null);
    }

    /** Kills the process and everything it started (a runner's children must not outlive a timeout). */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The last lines of stderr, for an abort's detail. */
    String stderrTail() {
        String s = stderrText().strip();
        return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
    }

    /** Exit statuses above 128 are deaths by signal (Java reports 128 + the signal number). */
    int signal() {
        return exitCode > 128 && exitCode < 128 + 65 ? exitCode - 128 : -1;
    }

    /** The abort for a run that hit a limit or could not start, or null when the program ran to its end. */
    Abort limitAbort(Limits limits) {
        if (startError != null) {
            return Abort.of(Abort.Kind.UNAVAILABLE, startError);
        }
        if (outputCut) {
            return new Abort(Abort.Kind.OUTPUT_LIMIT, exitCode, -1, "output limit of " + limits.maxOutputBytes()
                    + " bytes reached; the process was killed");
        }
        if (timedOut) {
            return new Abort(Abort.Kind.TIMEOUT, exitCode, -1, "time limit " + limits.timeout()
                    + " reached; the process was killed");
        }
        return null;
    }

    /** A crash abort from the exit status and stderr. */
    Abort crash(String why) {
        String detail = why + (signal() > 0 ? " (killed by signal " + signal() + ")" : " (exit status " + exitCode
                + ")");
        String tail = stderrTail();
        return new Abort(Abort.Kind.CRASH, exitCode, signal(), tail.isEmpty() ? detail : detail + ": " + tail);
    }

    /** Copies a stream into memory up to a limit; past it, kills {@code owner} (if given) and drains nothing more. */
    private static final class Pump extends Thread {
        private final InputStream in;
        private final long limit;
        private final Process owner;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private volatile boolean cut;

        Pump(InputStream in, long limit, Process owner) {
            super("loupe-engine-output");
            setDaemon(true);
            this.in = in;
            this.limit = limit;
            this.owner = owner;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[1 << 16];
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    long room = limit - buf.size();
                    if (n > room) {
                        buf.write(chunk, 0, (int) Math.max(0, room));
                        cut = true;
                        if (owner != null) {
                            kill(owner);
                            return;
                        }
                        // stderr past its limit: keep draining so the program does not block on a full pipe
                        while (in.read(chunk) > 0) {
                            continue;
                        }
                        return;
                    }
                    buf.write(chunk, 0, n);
                }
            } catch (IOException ignored) {
                // the stream closed because the process was killed
            }
        }

        /** Waits for the end of the stream, at most a few seconds once the process has ended. */
        void joinQuietly() {
            try {
                join(PIPE_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        byte[] bytes() {
            synchronized (buf) {
                return buf.toByteArray();
            }
        }
    }
}
