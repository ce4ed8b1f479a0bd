package dev.loupe.format.freelist;

import dev.loupe.format.Span;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One freelist trunk page (fileformat2 §1.5): a 4-byte page number of the next trunk (0 on the last), a 4-byte
 * count L of leaf page numbers, then L 4-byte leaf page numbers.
 *
 * @param page          this trunk's page number
 * @param nextTrunk     the next trunk's page number as stored (0 = last trunk)
 * @param leafCount     the leaf count as stored
 * @param leaves        the leaf page numbers as stored, in order; empty when {@code leafCount} is larger than a
 *                      trunk can hold (usable size / 4 - 2), because then no count of them can be trusted
 * @param nextTrunkSpan where {@code nextTrunk} is (offset 0, 4 bytes)
 * @param leafCountSpan where {@code leafCount} is (offset 4, 4 bytes)
 * @param leafSpans     where each of {@code leaves} is (offset 8 + 4i, 4 bytes)
 */
public record FreelistTrunk(long page, long nextTrunk, long leafCount, long[] leaves, Span nextTrunkSpan,
        Span leafCountSpan, List<Span> leafSpans) {

    public FreelistTrunk {
        leaves = leaves.clone();
        leafSpans = List.copyOf(leafSpans);
    }

    @Override
    public long[] leaves() {
        return leaves.clone();
    }

    /** Records compare arrays by identity; a trunk is a value, so compare the leaves by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FreelistTrunk t && page == t.page && nextTrunk == t.nextTrunk
                && leafCount == t.leafCount && Arrays.equals(leaves, t.leaves) && nextTrunkSpan.equals(t.nextTrunkSpan)
                && leafCountSpan.equals(t.leafCountSpan) && leafSpans.equals(t.leafSpans);
    }

    @Override
    public int hashCode() {
        return Objects.hash(page, nextTrunk, leafCount, Arrays.hashCode(leaves), nextTrunkSpan, leafCountSpan,
                leafSpans);
    }

    @Override
    public String toString() {
        return "FreelistTrunk[page=" + page + ", nextTrunk=" + nextTrunk + ", leafCount=" + leafCount + ", leaves="
                + Arrays.toString(leaves) + "]";
    }

    /** Number of leaf page numbers read from this trunk. */
    public int leavesRead() {
        return leaves.length;
    }
}
