package dev.loupe.wal;

/**
 * What {@link Checkout} wrote.
 *
 * @param commit        the commit written (0 = the database file without its WAL)
 * @param commitCount   valid commits in the WAL
 * @param lastFrame     the commit's last frame, 0 for commit 0
 * @param pageSize      bytes per page
 * @param pageCount     pages written: the commit's database size
 * @param pagesFromWal  of those, pages whose image came from a WAL frame
 * @param bytesWritten  pageSize * pageCount
 */
public record CheckoutResult(int commit, int commitCount, int lastFrame, int pageSize, long pageCount,
                             long pagesFromWal, long bytesWritten) {
}
