package dev.loupe.repro.file;

import dev.loupe.format.record.SerialType;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadSizes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Shortens an overflowing payload by rewriting it (fileformat2 §1.6, "cell payload overflow pages"; §2.1, record
 * format): text and blob values of the record, the largest first, are cut until the payload needs at most
 * {@code k} overflow pages (0, 1 or 2), and the cell (payload-size varint, record header, local part) and the
 * first {@code k} pages of its chain are written afresh. The last page kept links on to wherever the chain's last
 * page linked, so a chain that ran on into another page still does; the rest of the chain becomes unreferenced.
 * The payload size, serial types and local size all follow from the new value lengths whatever their varints'
 * lengths, so a chain can shrink from any length; the page holding the cell is rebuilt around the resized cell.
 * Only a payload whose chain can be read to its declared length and whose record header accounts for every byte
 * is rewritten: damage inside the payload itself is never touched.
 */
final class PayloadEdits {
    /** Overflow pages the rewritten payload may keep, fewest first. */
    private static final int[] TARGETS = {0, 1, 2};

    private PayloadEdits() {
    }

    /** A payload read whole: its bytes, the chain pages it used and the link out of the last one. */
    private record Chain(byte[] payload, long[] pages, long tail) {
    }

    /** A record header: its size, each column's serial type and where each value starts in the payload. */
    private record Header(long size, long[] types, long[] offsets) {
    }

    static List<Supplier<DbImage>> candidates(DbImage img, Layout layout) {
        List<Supplier<DbImage>> out = new ArrayList<>();
        Edits.overflowingCells(img, layout, (page, i, payload) -> add(img, page, i, payload, out));
        return out;
    }

    private static void add(DbImage img, BTreePage page, int cellIndex, LocalPayload lp,
                            List<Supplier<DbImage>> out) {
        boolean tableLeaf = page.type() == PageType.TABLE_LEAF;
        Chain chain = read(img, page, lp, tableLeaf);
        if (chain == null) {
            return;
        }
        Header h = header(chain.payload());
        if (h == null) {
            return;
        }
        int u = img.usableSize();
        for (int k : TARGETS) {
            if (k >= chain.pages().length) {
                break;
            }
            // a payload of M + k(U-4) bytes keeps the smallest local part (M) and needs exactly k pages
            long target = PayloadSizes.minLocal(u) + (long) k * (u - 4);
            long[] lengths = cut(img, chain.payload(), h, target);
            if (lengths != null
                    && PayloadSizes.overflowPageCount(payloadSize(h, lengths), u, tableLeaf) <= k) {
                out.add(() -> rewrite(img, page, cellIndex, lp, chain, h, lengths, tableLeaf));
            }
        }
    }

    /** The payload with its whole overflow chain, or null when the chain cannot be read to the declared size. */
    private static Chain read(DbImage img, BTreePage page, LocalPayload lp, boolean tableLeaf) {
        int u = img.usableSize();
        long size = lp.declaredSize();
        long n = PayloadSizes.overflowPageCount(size, u, tableLeaf);
        if (n < 1 || n > img.pageCount() || lp.localSize() != lp.expectedLocalSize()) {
            return null;
        }
        byte[] payload = new byte[(int) size];
        System.arraycopy(page.data(), lp.localOffset(), payload, 0, lp.localSize());
        long[] pages = new long[(int) n];
        Set<Long> seen = new HashSet<>();
        long p = lp.firstOverflow();
        int have = lp.localSize();
        for (int i = 0; i < n; i++) {
            if (!img.hasPage(p) || !seen.add(p) || p == 1 || (img.autoVacuum() && img.isPtrmapPosition(p))) {
                return null;
            }
            pages[i] = p;
            int take = Math.min(u - 4, payload.length - have);
            System.arraycopy(img.bytes(), img.start(p) + 4, payload, have, take);
            have += take;
            p = img.u32(p, 0);
        }
        return new Chain(payload, pages, p);
    }

    /** The record header when it is well formed and its serial types account for exactly the payload's bytes. */
    private static Header header(byte[] payload) {
        int hLen = Varint.length(payload, 0, payload.length);
        if (hLen == 0) {
            return null;
        }
        long size = Varint.value(payload, 0);
        if (size < hLen || size > payload.length) {
            return null;
        }
        List<Long> types = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long body = size;
        int at = hLen;
        while (at < size) {
            int len = Varint.length(payload, at, (int) size);
            if (len == 0) {
                return null;
            }
            long t = Varint.value(payload, at);
            if (t == 10 || t == 11 || t < 0) {
                return null;
            }
            types.add(t);
            offsets.add(body);
            body += bodyLength(t);
            at += len;
        }
        if (at != size || body != payload.length) {
            return null;
        }
        return new Header(size, types.stream().mapToLong(Long::longValue).toArray(),
                offsets.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * New lengths of the record's values so that the payload takes at most {@code target} bytes: text and blob
     * values are emptied, the largest first, and the last one touched is cut only as far as needed (whole
     * characters of a text). Null when no value can be cut or cutting them all is not enough.
     */
    private static long[] cut(DbImage img, byte[] payload, Header h, long target) {
        int n = h.types().length;
        long[] lengths = new long[n];
        List<Integer> cuttable = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            lengths[f] = bodyLength(h.types()[f]);
            if (h.types()[f] >= 12 && lengths[f] > 0) {
                cuttable.add(f);
            }
        }
        cuttable.sort(Comparator.comparingLong((Integer f) -> -lengths[f]).thenComparing(f -> f));
        boolean changed = false;
        for (int f : cuttable) {
            if (payloadSize(h, lengths) <= target) {
                break;
            }
            long old = lengths[f];
            lengths[f] = 0;
            changed = true;
            if (payloadSize(h, lengths) > target) {
                continue;
            }
            long lo = 0;
            long hi = old - 1;
            while (lo < hi) {
                long mid = (lo + hi + 1) >>> 1;
                lengths[f] = mid;
                if (payloadSize(h, lengths) <= target) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            lengths[f] = charBoundary(img, payload, h.offsets()[f], lo, h.types()[f]);
        }
        return changed && payloadSize(h, lengths) <= target ? lengths : null;
    }

    /** Bytes of the payload with values of {@code lengths}: its record header sized for the new serial types. */
    private static long payloadSize(Header h, long[] lengths) {
        long types = 0;
        long body = 0;
        for (int f = 0; f < lengths.length; f++) {
            types += Varint.sizeOf(typeFor(h.types()[f], lengths[f]));
            body += lengths[f];
        }
        return headerSize(types) + body;
    }

    /** The serial type of a value of {@code length} bytes of the same kind as {@code type}. */
    private static long typeFor(long type, long length) {
        if (type < 12 || length == bodyLength(type)) {
            return type;
        }
        return (type % 2 == 0 ? 12 : 13) + 2 * length;
    }

    /** A record header's size, its own varint included, for serial types taking {@code typesLength} bytes. */
    private static long headerSize(long typesLength) {
        long size = typesLength + 1;
        while (typesLength + Varint.sizeOf(size) != size) {
            size = typesLength + Varint.sizeOf(size);
        }
        return size;
    }

    /** A text cut whole characters at a time: no partial UTF-8 sequence, an even length in UTF-16. */
    private static long charBoundary(DbImage img, byte[] payload, long bodyOffset, long length, long type) {
        if (type % 2 == 0) {
            return length;
        }
        long enc = img.header32(56);
        if (enc == 2 || enc == 3) {
            return length & ~1L;
        }
        long l = length;
        while (l > 0 && (payload[(int) (bodyOffset + l)] & 0xc0) == 0x80) {
            l--;
        }
        return l;
    }

    private static DbImage rewrite(DbImage img, BTreePage page, int cellIndex, LocalPayload lp, Chain chain,
                                   Header h, long[] lengths, boolean tableLeaf) {
        byte[] payload = newPayload(chain.payload(), h, lengths);
        int u = img.usableSize();
        int per = u - 4;
        int local = PayloadSizes.localSize(payload.length, u, tableLeaf);
        long needed = PayloadSizes.overflowPageCount(payload.length, u, tableLeaf);
        byte[] d = page.data();
        Cell cell = page.cell(cellIndex);
        ByteArrayOutputStream cellBytes = new ByteArrayOutputStream();
        cellBytes.write(d, cell.offset(), lp.sizeVarintOffset() - cell.offset()); // an interior cell's left child
        byte[] size = new byte[9];
        cellBytes.write(size, 0, Varint.write(payload.length, size, 0));
        int afterSize = lp.sizeVarintOffset() + lp.sizeVarintLength();
        cellBytes.write(d, afterSize, lp.localOffset() - afterSize); // a table leaf cell's rowid
        cellBytes.write(payload, 0, local);
        if (needed > 0) {
            cellBytes.write(be32(chain.pages()[0]), 0, 4);
        }
        List<byte[]> cells = new ArrayList<>();
        for (int i = 0; i < page.cellCount(); i++) {
            cells.add(i == cellIndex ? cellBytes.toByteArray() : PageBuilder.cellBytes(page, page.cell(i)));
        }
        byte[] rebuilt = PageBuilder.build(page, page.type().flag(), cells, page.header().rightChild());
        if (rebuilt == null) {
            return null;
        }
        DbImage out = img.copy();
        out.setPage(page.number(), rebuilt);
        for (int i = 0; i < needed; i++) {
            long p = chain.pages()[i];
            byte[] data = img.page(p);
            Arrays.fill(data, 0, u, (byte) 0);
            System.arraycopy(be32(i + 1 < needed ? chain.pages()[i + 1] : chain.tail()), 0, data, 0, 4);
            int from = local + i * per;
            System.arraycopy(payload, from, data, 4, Math.min(per, payload.length - from));
            out.setPage(p, data);
        }
        if (needed > 0 && img.autoVacuum()) {
            relinkTail(out, chain, (int) needed);
        }
        return out;
    }

    /** In an auto-vacuum file, the entry (4, old last page) of the page the chain links on to, made (4, new last). */
    private static void relinkTail(DbImage out, Chain chain, int needed) {
        long tail = chain.tail();
        long oldLast = chain.pages()[chain.pages().length - 1];
        long newLast = chain.pages()[needed - 1];
        if (!out.hasPage(tail) || tail < 3 || out.isPtrmapPosition(tail) || oldLast == newLast) {
            return;
        }
        long map = out.ptrmapPageFor(tail);
        int at = 5 * (int) (tail - map - 1);
        if ((out.bytes()[out.start(map) + at] & 0xff) == 4 && out.u32(map, at + 1) == oldLast) {
            out.put32(map, at + 1, newLast);
        }
    }

    private static byte[] newPayload(byte[] old, Header h, long[] lengths) {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] v = new byte[9];
        for (int f = 0; f < lengths.length; f++) {
            types.write(v, 0, Varint.write(typeFor(h.types()[f], lengths[f]), v, 0));
            body.write(old, (int) h.offsets()[f], (int) lengths[f]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(v, 0, Varint.write(headerSize(types.size()), v, 0));
        out.writeBytes(types.toByteArray());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] be32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** Bytes of a value of serial type {@code type} (fileformat2 §2.1); 0 for the reserved 10 and 11. */
    static long bodyLength(long type) {
        return Math.max(0, SerialType.contentSize(type));
    }
}
