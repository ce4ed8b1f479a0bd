package dev.loupe.wal;

import dev.loupe.format.wal.WalFrame;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For every page, the frames that hold it, ascending: built in one pass over the frames, so that the newest frame
 * for a page at or before any frame is a binary search, and no view of a commit needs its own pass over the WAL.
 */
final class FrameIndex {

    private static final int[] NONE = new int[0];

    private final Map<Long, int[]> frames;
    private final long largestPage;

    private FrameIndex(Map<Long, int[]> frames, long largestPage) {
        this.frames = frames;
        this.largestPage = largestPage;
    }

    static FrameIndex of(List<WalFrame> all) {
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        long largest = 0;
        for (WalFrame f : all) {
            long p = f.pageNumber();
            largest = Math.max(largest, p);
            int[] list = counts.get(p);
            int n = sizes.getOrDefault(p, 0);
            if (list == null) {
                list = new int[4];
            } else if (n == list.length) {
                list = Arrays.copyOf(list, n * 2);
            }
            list[n] = f.index();
            counts.put(p, list);
            sizes.put(p, n + 1);
        }
        Map<Long, int[]> exact = new HashMap<>(counts.size() * 2);
        counts.forEach((p, list) -> exact.put(p, Arrays.copyOf(list, sizes.get(p))));
        return new FrameIndex(exact, largest);
    }

    /** Every frame holding {@code page}, ascending (valid or not). */
    int[] framesOf(long page) {
        int[] list = frames.get(page);
        return list == null ? NONE : list.clone();
    }

    /** The newest frame at or before {@code lastFrame} holding {@code page}, 0 if none. */
    int newest(long page, int lastFrame) {
        int[] list = frames.get(page);
        if (list == null || lastFrame <= 0) {
            return 0;
        }
        int i = Arrays.binarySearch(list, lastFrame);
        if (i >= 0) {
            return list[i];
        }
        int insert = -i - 1;
        return insert == 0 ? 0 : list[insert - 1];
    }

    /** The largest page number any frame holds (0 for an empty WAL). */
    long largestPage() {
        return largestPage;
    }
}
