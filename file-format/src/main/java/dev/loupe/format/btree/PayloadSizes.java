package dev.loupe.format.btree;

/**
 * How much of a payload stays on the b-tree page (fileformat2 §1.6): with U the usable size and P the payload size,
 * X = U-35 on table leaves and ((U-12)*64/255)-23 on index pages, M = ((U-12)*32/255)-23,
 * K = M+((P-M) mod (U-4)); local = P if P <= X, else K if K <= X, else M.
 */
public final class PayloadSizes {

    private PayloadSizes() {
    }

    public static int maxLocal(int usableSize, boolean tableLeaf) {
        return tableLeaf ? usableSize - 35 : ((usableSize - 12) * 64 / 255) - 23;
    }

    public static int minLocal(int usableSize) {
        return ((usableSize - 12) * 32 / 255) - 23;
    }

    /** Bytes of a payload of {@code payloadSize} bytes stored on the page itself. */
    public static int localSize(long payloadSize, int usableSize, boolean tableLeaf) {
        int x = maxLocal(usableSize, tableLeaf);
        if (payloadSize <= x) {
            return (int) Math.max(payloadSize, 0);
        }
        int m = minLocal(usableSize);
        long k = m + ((payloadSize - m) % (usableSize - 4));
        return k <= x ? (int) k : m;
    }

    /** Overflow pages a payload needs: ceil((P - local) / (U - 4)). */
    public static long overflowPageCount(long payloadSize, int usableSize, boolean tableLeaf) {
        long rest = payloadSize - localSize(payloadSize, usableSize, tableLeaf);
        return rest <= 0 ? 0 : (rest + usableSize - 5) / (usableSize - 4);
    }
}
