package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Progress;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.page.PageSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The walk behind {@link TreeCensus#of}. Interior pages go through the usual per-cell path. On a leaf, a cell whose
 * payload lies wholly on the page (fileformat2 §1.6: payload size P at most X, so no overflow page) is only counted:
 * its payload-size varint (and rowid varint on a table leaf) is read to know that, and nothing is decoded. Any other
 * cell (one that overflows, or whose varints or payload run off the page) is decoded exactly as
 * {@link BTreePage#cell} does, so its problems and overflow chain are reported as before.
 */
final class CensusWalk implements TreeVisitor, LeafCellScan {

    private final PageSource source;
    private final PageSet claimed;
    private final Progress progress;
    private final PayloadReader payloads;
    private final LocalLeafCell local = new LocalLeafCell();
    long interior;
    long leaves;
    long overflowPages;
    long entries;
    int depth;
    final LongList pages = new LongList();
    final LongList overflow = new LongList();
    final ByteArrayOutputStream types = new ByteArrayOutputStream();
    final List<Problem> problems = new ArrayList<>();

    CensusWalk(PageSource source, int usableSize, PageSet claimed, Progress progress) {
        this.source = source;
        this.claimed = claimed;
        this.progress = progress;
        this.payloads = new PayloadReader(source, usableSize);
    }

    @Override
    public boolean page(BTreePage page, List<PathStep> path, int d) {
        pages.add(page.number());
        if ((pages.size() & 1023) == 0) {
            progress.pages(claimed.size(), source.pageCount());
        }
        types.write(page.type().ordinal());
        if (page.type().isLeaf()) {
            leaves++;
        } else {
            interior++;
        }
        depth = Math.max(depth, d + 1);
        return true;
    }

    @Override
    public void leafCells(BTreePage page, List<PathStep> path) {
        byte[] data = page.data();
        int limit = page.usableSize(); // already clipped to the page's length, as CellDecoder's limit is
        boolean tableLeaf = page.type() == PageType.TABLE_LEAF;
        int n = page.cellCount();
        for (int i = 0; i < n; i++) {
            if (!page.cellPointerValid(i)) {
                continue; // page.cell(i) is null: the walker skips it, its pointer problem is the page's
            }
            if (local.read(data, page.cellPointer(i), limit, tableLeaf)) {
                entries++;
                continue;
            }
            LeafCellScan.asWalked(page, i, path, this);
        }
    }

    @Override
    public void cell(BTreePage page, Cell cell, List<PathStep> path) {
        if (!(cell instanceof TableInteriorCell)) {
            entries++;
        }
        if (cell instanceof PayloadCell pc && pc.payload().overflows()) {
            try {
                for (long ov : payloads.overflowChain(pc.payload(), problems)) {
                    if (claimed.add(ov)) {
                        overflow.add(ov);
                        overflowPages++;
                    } else {
                        problems.add(new Problem(ProblemKind.TREE_LOOP, Span.inPage(ov, 0, 4), "2nd reference to page "
                                + ov + " (overflow of cell " + cell.index() + " on page " + page.number() + ")"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void problem(Problem p) {
        problems.add(p);
    }

    /** A growable list of page numbers without boxing. */
    static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
