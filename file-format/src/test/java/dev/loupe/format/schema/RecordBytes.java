package dev.loupe.format.schema;

import dev.loupe.format.Varint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: the values of the first cell's record on a leaf page of a small, healthy UTF-8 database file
 * (fileformat2 §1.6 cells, §2.1 records). Deliberately minimal: no overflow, no validation.
 */
final class RecordBytes {

    private RecordBytes() {
    }

    static List<Object> firstRecord(byte[] file, int pageSize, long page) {
        int base = (int) ((page - 1) * pageSize);
        int header = base + (page == 1 ? 100 : 0);
        int type = file[header] & 0xff;
        if (type != 13 && type != 10) {
            throw new IllegalStateException("page " + page + " is not a leaf: type " + type);
        }
        int cell = base + (((file[header + 8] & 0xff) << 8) | (file[header + 9] & 0xff));
        int p = cell;
        long payload = Varint.value(file, p);
        p += Varint.length(file, p, file.length);
        if (type == 13) {
            p += Varint.length(file, p, file.length); // rowid
        }
        if (payload > pageSize / 4) {
            throw new IllegalStateException("payload too large for this helper: " + payload);
        }
        int start = p;
        long headerSize = Varint.value(file, p);
        p += Varint.length(file, p, file.length);
        List<Long> serialTypes = new ArrayList<>();
        while (p < start + headerSize) {
            serialTypes.add(Varint.value(file, p));
            p += Varint.length(file, p, file.length);
        }
        List<Object> values = new ArrayList<>();
        int body = (int) (start + headerSize);
        for (long st : serialTypes) {
            int len = length(st);
            values.add(value(file, body, st, len));
            body += len;
        }
        return values;
    }

    private static int length(long st) {
        if (st >= 12) {
            return (int) ((st - 12) / 2);
        }
        return new int[] {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0}[(int) st];
    }

    private static Object value(byte[] b, int off, long st, int len) {
        if (st == 0) {
            return null;
        }
        if (st == 8 || st == 9) {
            return st - 8;
        }
        if (st >= 1 && st <= 6) {
            long v = b[off];
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (b[off + i] & 0xff);
            }
            return v;
        }
        if (st == 7) {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (b[off + i] & 0xff);
            }
            return Double.longBitsToDouble(bits);
        }
        byte[] data = Arrays.copyOfRange(b, off, off + len);
        return st % 2 == 0 ? data : new String(data, StandardCharsets.UTF_8);
    }
}
