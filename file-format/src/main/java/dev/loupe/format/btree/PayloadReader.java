package dev.loupe.format.btree;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        byte[] buf = Arrays.copyOfRange(pageData, local.localOffset(), local.localOffset() + local.localSize());
        int have = local.localSize();
        List<Long> chain = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        long next = local.firstOverflow();
        Span pointer = local.overflowPointerSpan();
        while (have < declared) {
            if (next == 0) {
                problems.add(new Problem(ProblemKind.OVERFLOW_CHAIN, pointer, "overflow chain ends after "
                        + chain.size() + " pages; the payload of " + declared + " bytes needs " + expectedPages));
                break;
            }
            if (next < 1 || next > pages.pageCount()) {
                problems.add(new Problem(ProblemKind.OVERFLOW_CHAIN, pointer, "overflow page " + next
                        + " is out of range 1.." + pages.pageCount()));
                break;
            }
            if (!visited.add(next)) {
                problems.add(new Problem(ProblemKind.OVERFLOW_LOOP, pointer, "overflow chain loops back to page " + next));
                break;
            }
            byte[] ov = pages.read(next);
            if (ov == null) {
                problems.add(new Problem(ProblemKind.PAGE_UNREADABLE, pointer, "overflow page " + next + " cannot be read"));
                break;
            }
            chain.add(next);
            int n = (int) Math.min(usableSize - 4, declared - have);
            if (have + n > buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(declared, Math.max((long) buf.length * 2, have + (long) n)));
            }
            System.arraycopy(ov, 4, buf, have, n);
            pieces.add(new PayloadPiece(have, Span.inPage(next, 4, n)));
            have += n;
            pointer = Span.inPage(next, 0, 4);
            next = BigEndian.u32(ov, 0);
        }
        if (have == declared && next != 0) {
            problems.add(new Problem(ProblemKind.OVERFLOW_CHAIN, pointer, "last overflow page " + chain.get(chain.size() - 1)
                    + " points to page " + next + " instead of 0: the chain is longer than the payload needs"));
        }
        long[] pagesRead = chain.stream().mapToLong(Long::longValue).toArray();
        return new Payload(buf, 0, have, declared, List.copyOf(pieces), pagesRead, List.copyOf(problems));
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
        Set<Long> visited = new HashSet<>();
        long next = local.firstOverflow();
        Span pointer = local.overflowPointerSpan();
        while (chain.size() < need) {
            if (next < 1 || next > pages.pageCount()) {
                problems.add(new Problem(ProblemKind.OVERFLOW_CHAIN, pointer, next == 0
                        ? "overflow chain ends after " + chain.size() + " pages; the payload needs " + need
                        : "overflow page " + next + " is out of range 1.." + pages.pageCount()));
                break;
            }
            if (!visited.add(next)) {
                problems.add(new Problem(ProblemKind.OVERFLOW_LOOP, pointer, "overflow chain loops back to page " + next));
                break;
            }
            byte[] ov = pages.read(next);
            if (ov == null) {
                problems.add(new Problem(ProblemKind.PAGE_UNREADABLE, pointer, "overflow page " + next + " cannot be read"));
                break;
            }
            chain.add(next);
            pointer = Span.inPage(next, 0, 4);
            next = BigEndian.u32(ov, 0);
        }
        return chain.stream().mapToLong(Long::longValue).toArray();
    }
}
