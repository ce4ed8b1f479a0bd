package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assembles a payload from its local part and its overflow chain (fileformat2 §1.6, overflow pages: u32 next page,
 * then U-4 content bytes). The chain is followed at most as far as the declared size needs, with a visited set;
 * memory grows only with the pages actually read, never with a damaged declared size.
 */
public final class PayloadReader {

    /** SQLite's hard upper bound for a string or blob (SQLITE_MAX_LENGTH limit), with room for a record header. */
    static final long MAX_PAYLOAD = Integer.MAX_VALUE - 16;

    /** The overflow pages of an all-local payload; shared, as an empty array cannot be changed. */
    private static final long[] NO_PAGES = new long[0];

    private final PageSource pages;
    private final int usableSize;

    public PayloadReader(PageSource pages, int usableSize) {
        this.pages = pages;
        this.usableSize = usableSize;
    }

    public Payload read(byte[] pageData, LocalPayload local) throws IOException {
        PayloadPiece localPiece = new PayloadPiece(0, local.localSpan());
        if (!local.overflows()) {
            return new Payload(pageData, local.localOffset(), local.localSize(), local.declaredSize(),
                    List.of(localPiece), NO_PAGES, List.of());
        }
        List<Problem> problems = new ArrayList<>(0);
        List<PayloadPiece> pieces = new ArrayList<>();
        pieces.add(localPiece);
        long declared = local.declaredSize();
        if (declared > MAX_PAYLOAD) {
            problems.add(new Problem(ProblemKind.PAYLOAD_SIZE, local.sizeVarintSpan(), "declared payload size "
                    + declared + " exceeds the largest payload SQLite can store; reading at most " + MAX_PAYLOAD));
            declared = MAX_PAYLOAD;
        }
        long expectedPages = (declared - local.localSize() + usableSize - 5) / (usableSize - 4);
        // Start with the local part only and grow as overflow pages are actually read: a damaged page can hold
        // thousands of garbage cells declaring huge payloads whose chains end at once.
        Assembly a = new Assembly(Arrays.copyOfRange(pageData, local.localOffset(),
                local.localOffset() + local.localSize()), declared, usableSize, pieces);
        OverflowChain.walk(pages, local, expectedPages, problems, a);
        return new Payload(a.buf, 0, a.have, declared, List.copyOf(pieces),
                a.chain.stream().mapToLong(Long::longValue).toArray(), List.copyOf(problems));
    }

    /** Appends each overflow page's content to the payload bytes, growing the buffer only as pages arrive. */
    private static final class Assembly implements OverflowChain.Step {
        private final long total;
        private final int usableSize;
        private final List<PayloadPiece> pieces;
        private final List<Long> chain = new ArrayList<>();
        private byte[] buf;
        private int have;

        Assembly(byte[] local, long total, int usableSize, List<PayloadPiece> pieces) {
            this.buf = local;
            this.have = local.length;
            this.total = total;
            this.usableSize = usableSize;
            this.pieces = pieces;
        }

        @Override
        public void page(long pgno, byte[] data, int index) {
            int n = (int) Math.min(usableSize - 4, total - have);
            if (have + n > buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(total, Math.max((long) buf.length * 2, have + (long) n)));
            }
            System.arraycopy(data, 4, buf, have, n);
            pieces.add(new PayloadPiece(have, Span.inPage(pgno, 4, n)));
            have += n;
            chain.add(pgno);
        }
    }

    /**
     * The overflow page numbers of a payload, following the chain only as far as the declared size needs, with a
     * visited set; the page contents are not copied.
     */
    public long[] overflowChain(LocalPayload local, List<Problem> problems) throws IOException {
        if (!local.overflows()) {
            return new long[0];
        }
        long declared = Math.min(local.declaredSize(), MAX_PAYLOAD);
        long need = (declared - local.localSize() + usableSize - 5) / (usableSize - 4);
        List<Long> chain = new ArrayList<>();
        OverflowChain.walk(pages, local, need, problems, (pgno, data, index) -> chain.add(pgno));
        return chain.stream().mapToLong(Long::longValue).toArray();
    }
}
