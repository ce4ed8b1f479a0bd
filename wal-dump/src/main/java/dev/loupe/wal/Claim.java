package dev.loupe.wal;

import dev.loupe.format.map.PageKind;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The pages one claimant (a b-tree with its overflow pages, the freelist, or the pointer-map and lock-byte pages)
 * takes, each with the kind {@link dev.loupe.format.map.PageMap} gives it when no other claimant took it first.
 * A page the claimant takes without giving it a kind (a b-tree page whose type byte is unknown and not reported as
 * such) has kind {@link PageKind#ORPHAN} and no owner.
 *
 * @param pages ascending page numbers, each at most {@link PageClaims#MAX_PAGE}
 * @param kinds the {@link PageKind} ordinal of each page
 */
record Claim(int[] pages, byte[] kinds) {

    private static final PageKind[] KINDS = PageKind.values();

    /** The kind of {@code page} in this claim, or null when the claim does not hold it. */
    PageKind kindOf(long page) {
        int i = page > PageClaims.MAX_PAGE ? -1 : Arrays.binarySearch(pages, (int) page);
        return i < 0 ? null : KINDS[kinds[i]];
    }

    /** A claim of every page in {@code pages}, all of kind ORPHAN until {@link Builder#mark marked}. */
    static Builder of(BitSet pages) {
        return new Builder(pages.stream().toArray());
    }

    /** Gives the pages of a claim their kinds. */
    static final class Builder {
        private final int[] pages;
        private final byte[] kinds;
        private boolean complete = true;

        private Builder(int[] pages) {
            this.pages = pages;
            this.kinds = new byte[pages.length];
            Arrays.fill(kinds, (byte) PageKind.ORPHAN.ordinal());
        }

        /** Sets the kind of {@code page}; a page outside the claim makes it incomplete. */
        void mark(long page, PageKind kind) {
            int i = page < 1 || page > PageClaims.MAX_PAGE ? -1 : Arrays.binarySearch(pages, (int) page);
            if (i < 0) {
                complete = false;
            } else {
                kinds[i] = (byte) kind.ordinal();
            }
        }

        /** Sets the kind of {@code page} only if it has none yet. */
        void markIfOrphan(long page, PageKind kind) {
            int i = page < 1 || page > PageClaims.MAX_PAGE ? -1 : Arrays.binarySearch(pages, (int) page);
            if (i < 0) {
                complete = false;
            } else if (kinds[i] == PageKind.ORPHAN.ordinal()) {
                kinds[i] = (byte) kind.ordinal();
            }
        }

        /** False when a page was marked that the claim does not hold: the claim then misses pages. */
        boolean complete() {
            return complete;
        }

        Claim build() {
            return new Claim(pages, kinds);
        }
    }
}
