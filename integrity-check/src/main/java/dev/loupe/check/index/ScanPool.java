package dev.loupe.check.index;

import dev.loupe.check.Futures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent scans of the exact pass (one per index) on up to a given number of threads, and waits for all of
 * them. Each scan must keep to state of its own; what they name is merged by the caller in a fixed order, so the
 * report does not depend on which ends first.
 */
final class ScanPool {

    /** One scan, {@code k} of them. */
    @FunctionalInterface
    interface Scan {
        void run(int k) throws IOException;
    }

    private ScanPool() {
    }

    /** Runs {@code scan} for 0..count-1, on up to {@code threads} threads; the first failure is thrown. */
    static void each(int count, int threads, Scan scan) throws IOException {
        int n = Math.min(count, threads);
        if (n <= 1) {
            for (int k = 0; k < count; k++) {
                scan.run(k);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "loupe-exact-pass");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                int i = k;
                futures.add(pool.submit(() -> {
                    scan.run(i);
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                Futures.join(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
