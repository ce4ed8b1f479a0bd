package dev.loupe.repro.diff;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rewrites one record of a table leaf page in a copy of a database image, the way a different engine could have
 * written it, keeping the page well formed: the new cell is placed at the start of the cell content area (which
 * grows down into the unallocated space), its pointer and the content start are updated, and the old cell's bytes
 * become a freeblock (fileformat2 §1.6), so SQLite's integrity_check still passes.
 */
final class RecordPatch {

    private RecordPatch() {
    }

    /** A copy of {@code image} where column {@code column} of row {@code rowid} on leaf page {@code pgno} is re-encoded
     * as an integer of serial type {@code serialType} (1..6), with the same value. */
    static byte[] widenInteger(byte[] image, int pageSize, long pgno, long rowid, int column, int serialType) {
        byte[] img = image.clone();
        int base = (int) ((pgno - 1) * pageSize);
        int h = base + (pgno == 1 ? 100 : 0);
        if ((img[h] & 0xff) != 13) {
            throw new IllegalArgumentException("page " + pgno + " is not a table leaf");
        }
        int cells = u16(img, h + 3);
        for (int i = 0; i < cells; i++) {
            int ptrPos = h + 8 + 2 * i;
            int pos = base + u16(img, ptrPos);
            long[] v = new long[1];
            int p = pos + varint(img, pos, v);
            long payloadSize = v[0];
            int q = p + varint(img, p, v);
            if (v[0] != rowid) {
                continue;
            }
            byte[] payload = Arrays.copyOfRange(img, q, q + (int) payloadSize);
            byte[] rewritten = reencode(payload, column, serialType);
            ByteArrayOutputStream cell = new ByteArrayOutputStream();
            putVarint(cell, rewritten.length);
            putVarint(cell, rowid);
            cell.writeBytes(rewritten);
            byte[] newCell = cell.toByteArray();
            int oldSize = q + (int) payloadSize - pos;
            int contentStart = u16(img, h + 5);
            int newOffset = contentStart - newCell.length;
            if (newOffset < h - base + 8 + 2 * cells) {
                throw new IllegalArgumentException("no room on page " + pgno);
            }
            System.arraycopy(newCell, 0, img, base + newOffset, newCell.length);
            put16(img, ptrPos, newOffset);
            put16(img, h + 5, newOffset);
            freeblock(img, base, h, pos - base, oldSize);
            return img;
        }
        throw new IllegalArgumentException("no row " + rowid + " on page " + pgno);
    }

    /** A copy of {@code image} with the one-byte integer (serial type 1) of a column changed to {@code value}. */
    static byte[] changeInt8(byte[] image, int pageSize, long pgno, long rowid, int column, int value) {
        byte[] img = image.clone();
        int base = (int) ((pgno - 1) * pageSize);
        int h = base + (pgno == 1 ? 100 : 0);
        int cells = u16(img, h + 3);
        for (int i = 0; i < cells; i++) {
            int pos = base + u16(img, h + 8 + 2 * i);
            long[] v = new long[1];
            int p = pos + varint(img, pos, v);
            int q = p + varint(img, p, v);
            if (v[0] != rowid) {
                continue;
            }
            int hp = q + varint(img, q, v);
            int body = q + (int) v[0];
            for (int c = 0; hp < q + (int) v[0]; c++) {
                long[] t = new long[1];
                hp += varint(img, hp, t);
                if (c == column) {
                    if (t[0] != 1) {
                        throw new IllegalArgumentException("column " + column + " is serial type " + t[0]);
                    }
                    img[body] = (byte) value;
                    return img;
                }
                body += size(t[0]);
            }
        }
        throw new IllegalArgumentException("no row " + rowid + " on page " + pgno);
    }

    private static byte[] reencode(byte[] payload, int column, int serialType) {
        long[] v = new long[1];
        int hp = varint(payload, 0, v);
        int headerSize = (int) v[0];
        List<Long> types = new ArrayList<>();
        while (hp < headerSize) {
            hp += varint(payload, hp, v);
            types.add(v[0]);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = headerSize;
        for (int c = 0; c < types.size(); c++) {
            int len = size(types.get(c));
            if (c == column) {
                long value = integer(payload, at, types.get(c));
                int width = size(serialType);
                for (int k = width - 1; k >= 0; k--) {
                    body.write((int) (value >>> (8 * k)));
                }
                types.set(c, (long) serialType);
            } else {
                body.write(payload, at, len);
            }
            at += len;
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        for (long t : types) {
            putVarint(header, t);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putVarint(out, header.size() + 1); // one-byte header-size varint: records here are short
        out.writeBytes(header.toByteArray());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static long integer(byte[] b, int at, long type) {
        if (type == 8) {
            return 0;
        }
        if (type == 9) {
            return 1;
        }
        long v = b[at];
        for (int i = 1; i < size(type); i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    /** Inserts a freeblock for [offset, offset+size) into the page's ascending freeblock chain. */
    private static void freeblock(byte[] img, int base, int h, int offset, int size) {
        int prevLink = h + 1;
        int next = u16(img, prevLink);
        while (next != 0 && next < offset) {
            prevLink = base + next;
            next = u16(img, prevLink);
        }
        put16(img, base + offset, next);
        put16(img, base + offset + 2, size);
        put16(img, prevLink, offset);
    }

    private static int size(long type) {
        return switch ((int) type) {
            case 0, 8, 9 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> (int) ((type - 12) / 2);
        };
    }

    private static int varint(byte[] b, int pos, long[] out) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int x = b[pos + i] & 0xff;
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                out[0] = v;
                return i + 1;
            }
        }
        out[0] = (v << 8) | (b[pos + 8] & 0xff);
        return 9;
    }

    private static void putVarint(ByteArrayOutputStream out, long v) {
        if (v < 0 || v > 0x0fffffffL) {
            throw new IllegalArgumentException("varint too large for this helper: " + v);
        }
        int n = 1;
        while (n < 4 && (v >>> (7 * n)) != 0) {
            n++;
        }
        for (int i = n - 1; i >= 0; i--) {
            out.write((int) ((v >>> (7 * i)) & 0x7f) | (i > 0 ? 0x80 : 0));
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
