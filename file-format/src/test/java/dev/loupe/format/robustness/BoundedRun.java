package dev.loupe.format.robustness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one reading task on a worker thread with a preemptive time limit and measures what that thread allocated
 * (HotSpot's per-thread allocation counter, {@code com.sun.management.ThreadMXBean}). A task that overruns is
 * abandoned: its thread is interrupted and replaced, so one hang fails one case instead of blocking the build.
 *
 * <p>Not thread-safe: one instance per test, used from the test's thread.
 */
final class BoundedRun implements AutoCloseable {

    /** A task that reads something and may throw anything. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    /** How a run ended: {@code failure} is null when the task returned normally within the limit. */
    record Outcome(Throwable failure, boolean timedOut, long allocatedBytes, long nanos) {
        boolean ok() {
            return failure == null && !timedOut;
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Duration limit;
    private ExecutorService worker;
    private int abandoned;

    BoundedRun(Duration limit) {
        this.limit = limit;
        this.worker = newWorker();
    }

    Outcome run(Task task) throws InterruptedException {
        long[] allocated = {-1};
        long start = System.nanoTime();
        Future<Throwable> f = worker.submit(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                task.run();
                return null;
            } catch (Throwable t) { // OutOfMemoryError and StackOverflowError are findings too
                return t;
            } finally {
                allocated[0] = THREADS.getCurrentThreadAllocatedBytes() - before;
            }
        });
        try {
            Throwable t = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(t, false, allocated[0], System.nanoTime() - start);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            abandoned++;
            return new Outcome(null, true, -1, System.nanoTime() - start);
        } catch (ExecutionException e) {
            return new Outcome(e.getCause(), false, allocated[0], System.nanoTime() - start);
        }
    }

    /** Worker threads given up on after a timeout (they may still be spinning). */
    int abandoned() {
        return abandoned;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loupe-robustness-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
