package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell's payload as assembled from its page and overflow chain. {@code bytes[start .. start+length)} holds the
 * bytes that could be read; it is shorter than {@link #declaredSize()} when the chain is broken.
 * For an all-local payload the array is the page itself (no copy).
 */
public record Payload(byte[] bytes, int start, int length, long declaredSize, List<PayloadPiece> pieces,
                      long[] overflowPages, List<Problem> problems) {

    /** True when every declared byte was read. */
    public boolean complete() {
        return length == declaredSize;
    }

    /** The spans holding payload bytes {@code [offset, offset+len)}: one per page they fall on. */
    public List<Span> spans(long offset, int len) {
        List<Span> out = new ArrayList<>(1);
        long end = offset + len;
        for (PayloadPiece p : pieces) {
            long a = Math.max(offset, p.payloadOffset());
            long b = Math.min(end, p.payloadEnd());
            if (a < b) {
                Span s = p.span();
                out.add(new Span(s.page(), s.offset() + (a - p.payloadOffset()), (int) (b - a)));
            } else if (len == 0 && offset >= p.payloadOffset() && offset <= p.payloadEnd()) {
                Span s = p.span();
                out.add(new Span(s.page(), s.offset() + (offset - p.payloadOffset()), 0));
                break;
            }
        }
        return out;
    }
}
