package dev.loupe.check;

import dev.loupe.format.Progress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts pages read by the passes of one check (the structural pass, then the deep pass's parallel tree walks)
 * against a total, and tells the caller's {@link Progress} every 1024 pages.
 */
final class PassProgress {

    private final Progress progress;
    private final long total;
    private final AtomicLong done = new AtomicLong();

    PassProgress(Progress progress, long total) {
        this.progress = progress;
        this.total = total;
    }

    void add(long pages) {
        long now = done.addAndGet(pages);
        if ((now & 1023) < pages) {
            progress.pages(Math.min(now, total), total);
        }
    }
}
