package dev.loupe.format.layout;

import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cell whose overflow chain holds a given overflow page, and which payload bytes that page holds: an overflow
 * page alone does not say how much of it is payload (fileformat2 §1.6: U-4 bytes on every page of the chain but the
 * last, which holds the remainder).
 *
 * @param cellPage      the b-tree page of the cell
 * @param cellIndex     the cell's index on that page
 * @param position      1 for the first overflow page of the chain, 2 for the next, ...
 * @param chainLength   pages in the chain as read
 * @param payloadOffset offset in the payload of this page's first data byte
 * @param length        payload bytes on this page
 * @param declaredSize  the cell's payload size
 */
public record OverflowOwner(long cellPage, int cellIndex, int position, int chainLength, long payloadOffset,
                            int length, long declaredSize) {

    /**
     * Walks the tree at {@code root} (its cells and their overflow chains, each with a visited set and bounded by
     * the declared size) until a chain containing {@code overflowPage} is found.
     */
    public static Optional<OverflowOwner> find(PageSource pages, int usableSize, long root, long overflowPage)
            throws IOException {
        PayloadReader reader = new PayloadReader(pages, usableSize);
        OverflowOwner[] found = {null};
        try {
            new BTreeWalker(pages, usableSize).walk(root, new TreeVisitor() {
                @Override
                public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                    if (!(cell instanceof PayloadCell pc) || !pc.payload().overflows()) {
                        return;
                    }
                    LocalPayload local = pc.payload();
                    try {
                        long[] chain = reader.overflowChain(local, new ArrayList<Problem>());
                        for (int k = 0; k < chain.length; k++) {
                            if (chain[k] == overflowPage) {
                                long start = local.localSize() + (long) k * (usableSize - 4);
                                int len = (int) Math.max(0, Math.min(usableSize - 4, local.declaredSize() - start));
                                found[0] = new OverflowOwner(page.number(), cell.index(), k + 1, chain.length, start,
                                        len, local.declaredSize());
                                return;
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean stop() {
                    return found[0] != null;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Optional.ofNullable(found[0]);
    }
}
