package dev.loupe.wal;

import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Walks b-trees alone (no page taken beforehand) as PageMap's {@link dev.loupe.format.btree.TreeCensus} walk does,
 * over {@link PageNode}s kept from one commit to the next: a page is decoded again only when a commit wrote it or
 * one of its cells' overflow pages, or when the size changed and its overflow chains met a problem. A walk depends
 * on nothing but the nodes it visits and the database size, so a commit whose pages all decode to the nodes they had
 * (a leaf that gained or lost cells without overflow pages, a row updated in place) changes no walk
 * ({@link #changed}). The walk follows {@link BTreeWalker}'s rules: a page out of range or already taken is not
 * entered; a page at the depth limit is taken but not read; the children and overflow pages are taken in the
 * walker's order.
 */
final class TreeWalks {

    private static final int NO_READER = -1;
    private static final int SHARED = -2;

    private final int usableSize;
    private PageNode[] nodes = new PageNode[1024];
    /** The page whose cells read each overflow page, or SHARED when several did (a damaged file). */
    private int[] chainReader = new int[1024];
    private final BitSet sizeDependent = new BitSet();
    /** During a walk, each page's kind ordinal + 1 (0: taken without a kind); cleared as the claim is built. */
    private byte[] kinds = new byte[1024];
    private long decoded;

    TreeWalks(int usableSize) {
        this.usableSize = usableSize;
        Arrays.fill(chainReader, NO_READER);
    }

    /** Pages decoded so far. */
    long decoded() {
        return decoded;
    }

    /**
     * Brings the kept nodes up to a commit that wrote {@code written} (frames) and cut off {@code cut} (a smaller
     * size), and returns the pages whose change can change a walk: every page cut off, and each page written whose
     * node (or, for an overflow page, its reader's node) now differs from the one kept, or that no kept node covers.
     */
    BitSet changed(PageSource view, BitSet written, BitSet cut) throws IOException {
        BitSet out = new BitSet();
        for (int p = cut.nextSetBit(0); p >= 0; p = cut.nextSetBit(p + 1)) {
            out.set(p);
            if (p < nodes.length) {
                if (chainReader[p] >= 0) {
                    forget(chainReader[p]);
                }
                forget(p);
            }
        }
        BitSet readersDone = new BitSet();
        BitSet readersChanged = new BitSet();
        for (int p = written.nextSetBit(0); p >= 0; p = written.nextSetBit(p + 1)) {
            if (cut.get(p)) {
                continue;
            }
            if (p >= nodes.length || p > view.pageCount()) {
                out.set(p);
                continue;
            }
            int reader = chainReader[p];
            if (reader == SHARED) {
                Arrays.fill(nodes, null);
                Arrays.fill(chainReader, NO_READER);
                sizeDependent.clear();
                out.or(written);
                return out;
            }
            // A page without a node is only an overflow page (its reader decides) or one no walk read.
            boolean same = nodes[p] != null ? sameAfterDecode(view, p) : reader != NO_READER;
            if (reader >= 0 && !written.get(reader)) {
                // Decoded once however many of its overflow pages the commit wrote.
                if (!readersDone.get(reader)) {
                    readersDone.set(reader);
                    readersChanged.set(reader, !sameAfterDecode(view, reader));
                }
                same &= !readersChanged.get(reader);
            }
            if (!same) {
                out.set(p);
            }
        }
        return out;
    }

    /** Decodes {@code pgno} again; true when it had a node and the new one leads a walk the same way. */
    private boolean sameAfterDecode(PageSource view, int pgno) throws IOException {
        PageNode old = nodes[pgno];
        forget(pgno);
        PageNode now = node(view, pgno);
        return old != null && old.sameWalk(now);
    }

    /** Drops the node of {@code pgno}, and its claim on the overflow pages it read. */
    private void forget(int pgno) {
        PageNode old = nodes[pgno];
        if (old == null) {
            return;
        }
        for (long o : old.overflowPages()) {
            if (chainReader[(int) o] == pgno) {
                chainReader[(int) o] = NO_READER;
            }
        }
        nodes[pgno] = null;
        sizeDependent.clear(pgno);
    }

    /** Forgets the pages whose overflow chains met a problem that the new database size can change. */
    void resized() {
        for (int p = sizeDependent.nextSetBit(0); p >= 0; p = sizeDependent.nextSetBit(p + 1)) {
            forget(p);
        }
    }

    /** The claim of the b-tree rooted at {@code root} in {@code view} (at most {@link PageClaims#MAX_PAGE} pages). */
    ClaimWalk walk(PageSource view, long root) throws IOException {
        Walk w = new Walk(view);
        w.visit(root, null, 0);
        int[] pages = new int[w.taken.cardinality()];
        byte[] pageKinds = new byte[pages.length];
        int i = 0;
        for (int p = w.taken.nextSetBit(0); p >= 0; p = w.taken.nextSetBit(p + 1), i++) {
            pages[i] = p;
            pageKinds[i] = (byte) (kinds[p] == 0 ? PageKind.ORPHAN.ordinal() : kinds[p] - 1);
            kinds[p] = 0;
        }
        return new ClaimWalk(new Claim(pages, pageKinds), w.taken, w.clean, true);
    }

    /** Makes room for page {@code pgno} in the per-page arrays. */
    private void room(int pgno) {
        if (pgno >= nodes.length) {
            int size = (int) Math.min(PageClaims.MAX_PAGE + 1L, Math.max(pgno + 1L, 2L * nodes.length));
            nodes = Arrays.copyOf(nodes, size);
            int old = chainReader.length;
            chainReader = Arrays.copyOf(chainReader, size);
            Arrays.fill(chainReader, old, size, NO_READER);
            kinds = Arrays.copyOf(kinds, size);
        }
    }

    private PageNode node(PageSource view, int pgno) throws IOException {
        room(pgno);
        PageNode node = nodes[pgno];
        if (node == null) {
            byte[] data = view.read(pgno);
            node = PageNode.decode(pgno, data == null ? new byte[view.pageSize()] : data, view, usableSize);
            decoded++;
            nodes[pgno] = node;
            for (long o : node.overflowPages()) {
                int at = (int) o; // a chain page is within the database, so within MAX_PAGE
                room(at);
                chainReader[at] = chainReader[at] == NO_READER || chainReader[at] == pgno ? pgno : SHARED;
            }
            if (node.sizeDependent()) {
                sizeDependent.set(pgno);
            }
        }
        return node;
    }

    /** One walk: the pages taken (BTreeWalker's visited set, shared with the overflow pages) and their kinds. */
    private final class Walk {
        final PageSource view;
        final long pageCount;
        final BitSet taken = new BitSet();
        boolean clean = true;

        Walk(PageSource view) {
            this.view = view;
            this.pageCount = Math.min(view.pageCount(), PageClaims.MAX_PAGE);
        }

        void visit(long pgno, Boolean expectTable, int depth) throws IOException {
            if (pgno < 1 || pgno > pageCount || taken.get((int) pgno)) {
                clean = false;
                return;
            }
            int p = (int) pgno;
            taken.set(p);
            if (depth >= BTreeWalker.MAX_DEPTH) {
                clean = false;
                return;
            }
            PageNode node = node(view, p);
            clean &= node.clean();
            PageType type = node.type();
            if (type == null) {
                if (node.unreadable()) {
                    kind(p, PageKind.UNREADABLE);
                }
                return;
            }
            kind(p, treeKind(type));
            if (expectTable != null && type.isTable() != expectTable) {
                clean = false;
            }
            Boolean childTable = expectTable != null ? expectTable : type.isTable();
            for (long step : node.steps()) {
                long target = step >>> 1;
                if ((step & 1) == 0) {
                    visit(target, childTable, depth + 1);
                } else if (target > PageClaims.MAX_PAGE || taken.get((int) target)) {
                    clean = false;
                } else {
                    taken.set((int) target);
                    kind((int) target, PageKind.OVERFLOW);
                }
            }
        }

        private void kind(int p, PageKind kind) {
            room(p);
            kinds[p] = (byte) (kind.ordinal() + 1);
        }
    }

    private static PageKind treeKind(PageType type) {
        return switch (type) {
            case INDEX_INTERIOR -> PageKind.INDEX_INTERIOR;
            case TABLE_INTERIOR -> PageKind.TABLE_INTERIOR;
            case INDEX_LEAF -> PageKind.INDEX_LEAF;
            case TABLE_LEAF -> PageKind.TABLE_LEAF;
        };
    }
}
