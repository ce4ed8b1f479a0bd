package dev.loupe.check;

import dev.loupe.format.Progress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts pages read by the passes of one check (the structural pass, then the deep pass's parallel tree walks)
 * against a total, and tells the caller's {@link Progress} every 1024 pages or so. Each thread counts on its own
 * and adds to the shared count every {@value #BATCH} pages: the walks call {@link #add} for every page, and one
 * counter written by every thread at that rate made the threads wait on each other's cache line.
 */
final class PassProgress implements ExtraPages {

    private static final int BATCH = 64;

    private final Progress progress;
    /** Set right by {@link #expect}: once the structural pass's share is known, and when a finisher reads more. */
    private final AtomicLong total;
    private final AtomicLong done = new AtomicLong();
    private final ThreadLocal<long[]> pending = ThreadLocal.withInitial(() -> new long[1]);

    PassProgress(Progress progress, long total) {
        this.progress = progress;
        this.total = new AtomicLong(total);
    }

    long total() {
        return total.get();
    }

    @Override
    public void expect(long pages) {
        total.addAndGet(pages);
    }

    @Override
    public void read(long pages) {
        add(pages);
    }

    void add(long pages) {
        long[] mine = pending.get();
        mine[0] += pages;
        if (mine[0] < BATCH) {
            return;
        }
        long batch = mine[0];
        mine[0] = 0;
        long now = done.addAndGet(batch);
        if ((now & 1023) < batch) {
            long all = total.get();
            progress.pages(Math.min(now, all), all);
        }
    }
}
