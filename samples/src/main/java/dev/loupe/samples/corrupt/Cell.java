package dev.loupe.samples.corrupt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A b-tree cell located in an {@link Image} (fileformat2 §1.6), all positions absolute file offsets.
 *
 * @param payloadSize -1 for table interior cells (no payload)
 * @param key         the rowid (table cells), else 0
 * @param localSize   payload bytes stored on the page
 * @param overflowPos position of the 4-byte first-overflow page number, or -1
 * @param size        bytes the cell occupies on its page
 */
public record Cell(Image image, int page, int index, int pos, int type, long leftChild, long payloadSize,
                   int payloadSizePos, long key, int keyPos, int keyLength, int payloadStart, int localSize,
                   int overflowPos, int size) {

    static Cell parse(Image img, int page, int index) {
        byte[] b = img.db();
        int type = img.type(page);
        int pos = img.cellPos(page, index);
        int p = pos;
        long left = 0;
        if (type == 2 || type == 5) {
            left = img.u32(p);
            p += 4;
        }
        if (type == 5) {
            long rowid = Varints.value(b, p);
            int kl = Varints.length(b, p);
            return new Cell(img, page, index, pos, type, left, -1, -1, rowid, p, kl, p + kl, 0, -1, 4 + kl);
        }
        int sizePos = p;
        long payload = Varints.value(b, p);
        p += Varints.length(b, p);
        long key = 0;
        int keyPos = -1;
        int keyLength = 0;
        if (type == 13) {
            key = Varints.value(b, p);
            keyPos = p;
            keyLength = Varints.length(b, p);
            p += keyLength;
        }
        int u = img.usableSize();
        long x = type == 13 ? u - 35 : ((u - 12) * 64L / 255) - 23;
        long m = ((u - 12) * 32L / 255) - 23;
        long local;
        if (payload <= x) {
            local = payload;
        } else {
            long k = m + ((payload - m) % (u - 4));
            local = k <= x ? k : m;
        }
        int overflow = payload > local ? p + (int) local : -1;
        int size = p - pos + (int) local + (overflow >= 0 ? 4 : 0);
        return new Cell(img, page, index, pos, type, left, payload, sizePos, key, keyPos, keyLength, p,
                (int) local, overflow, Math.max(size, 4));
    }

    public long overflowPage() {
        return overflowPos < 0 ? 0 : image.u32(overflowPos);
    }

    /** Overflow pages in chain order. */
    public List<Integer> overflowChain() {
        List<Integer> out = new ArrayList<>();
        long p = overflowPage();
        while (p != 0 && out.size() < image.pageCount()) {
            out.add((int) p);
            p = image.u32(image.pageStart((int) p));
        }
        return out;
    }

    /** The record's values, parsed from the header in the local payload. */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        if (payloadSize < 0) {
            return out;
        }
        byte[] b = image.db();
        long headerSize = Varints.value(b, payloadStart);
        int h = payloadStart + Varints.length(b, payloadStart);
        int body = payloadStart + (int) headerSize;
        while (h < payloadStart + headerSize && h < payloadStart + localSize) {
            long st = Varints.value(b, h);
            int sl = Varints.length(b, h);
            int len = bodyLength(st);
            out.add(new Field(h, sl, st, body, len));
            body += len;
            h += sl;
        }
        return out;
    }

    public String text(Field f) {
        if (!f.isText() || f.bodyPos() + f.bodyLength() > payloadStart + localSize) {
            return null;
        }
        long enc = image.u32(56);
        java.nio.charset.Charset cs = enc == 2 ? StandardCharsets.UTF_16LE
                : enc == 3 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8;
        return new String(image.db(), f.bodyPos(), f.bodyLength(), cs);
    }

    public long integer(Field f) {
        if (f.serialType() == 8) {
            return 0;
        }
        if (f.serialType() == 9) {
            return 1;
        }
        long v = image.db()[f.bodyPos()];
        for (int i = 1; i < f.bodyLength(); i++) {
            v = (v << 8) | (image.db()[f.bodyPos() + i] & 0xff);
        }
        return v;
    }

    /** Rewrites the serial type of {@code f} in place, keeping its varint length. */
    public void setSerialType(Field f, long serialType) {
        Varints.put(image.db(), f.serialTypePos(), f.serialTypeLength(), serialType);
    }

    /** Rewrites the rowid (table cells) keeping its varint length. */
    public void setKey(long rowid) {
        Varints.put(image.db(), keyPos, keyLength, rowid);
    }

    /** Rewrites the payload size keeping its varint length. */
    public void setPayloadSize(long p) {
        Varints.put(image.db(), payloadSizePos, Varints.length(image.db(), payloadSizePos), p);
    }

    public int payloadSizeLength() {
        return Varints.length(image.db(), payloadSizePos);
    }

    static int bodyLength(long serialType) {
        if (serialType >= 12) {
            return (int) ((serialType - 12) / 2);
        }
        return switch ((int) serialType) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> 0;
        };
    }
}
