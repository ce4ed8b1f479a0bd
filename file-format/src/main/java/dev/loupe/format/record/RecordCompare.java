package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;

import java.util.Arrays;

/**
 * {@link ValueOrder} over the bytes of two {@link RecordView}s, without decoding: the same order (NULL, numbers by
 * exact value, text by collation, blobs by memcmp then length), the same results. Text needs no decoding because a
 * sound view's text is well formed: memcmp of well-formed UTF-8 is code point order, memcmp of UTF-16 bytes is what
 * SQLite's BINARY does in a UTF-16 database, and NOCASE folds ASCII bytes only. NOCASE and RTRIM in a UTF-16
 * database compare as UTF-8 (SQLite converts), so those few decode.
 */
public final class RecordCompare {

    private RecordCompare() {
    }

    /** Negative, zero or positive as value {@code i} of {@code a} sorts before, with or after value {@code j} of {@code b}. */
    public static int compare(RecordView a, int i, RecordView b, int j, Collation collation) {
        long ta = a.serialType(i);
        long tb = b.serialType(j);
        int ra = rank(ta);
        int rb = rank(tb);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 0 -> 0;
            case 1 -> numeric(a, i, ta, b, j, tb);
            case 2 -> text(a, i, b, j, collation);
            default -> Integer.signum(Arrays.compareUnsigned(a.bytes(), a.offset(i), a.offset(i) + a.size(i),
                    b.bytes(), b.offset(j), b.offset(j) + b.size(j)));
        };
    }

    /** 0 NULL, 1 number, 2 text, 3 blob. */
    private static int rank(long t) {
        if (t == 0) {
            return 0;
        }
        if (t < 12) {
            return 1;
        }
        return (t & 1) == 1 ? 2 : 3;
    }

    private static int numeric(RecordView a, int i, long ta, RecordView b, int j, long tb) {
        if (ta != 7 && tb != 7) {
            return Long.compare(a.integer(i), b.integer(j));
        }
        if (ta == 7 && tb == 7) {
            return Double.compare(a.real(i) + 0.0, b.real(j) + 0.0);
        }
        if (ta != 7) {
            return ValueOrder.integerVersusReal(a.integer(i), b.real(j));
        }
        return -ValueOrder.integerVersusReal(b.integer(j), a.real(i));
    }

    private static int text(RecordView a, int i, RecordView b, int j, Collation collation) {
        byte[] x = a.bytes();
        byte[] y = b.bytes();
        int xs = a.offset(i);
        int xe = xs + a.size(i);
        int ys = b.offset(j);
        int ye = ys + b.size(j);
        if (collation == Collation.BINARY) {
            return Integer.signum(Arrays.compareUnsigned(x, xs, xe, y, ys, ye));
        }
        if (a.encoding() != TextEncoding.UTF8) {
            return collation.compare(a.text(i), b.text(j), a.encoding());
        }
        if (collation == Collation.RTRIM) {
            while (xe > xs && x[xe - 1] == ' ') {
                xe--;
            }
            while (ye > ys && y[ye - 1] == ' ') {
                ye--;
            }
            return Integer.signum(Arrays.compareUnsigned(x, xs, xe, y, ys, ye));
        }
        // NOCASE: sqlite3StrICmp folds A-Z only; bytes of multi-byte sequences are all >= 0x80 and stay as they are
        int n = Math.min(xe - xs, ye - ys);
        for (int k = 0; k < n; k++) {
            int cx = x[xs + k] & 0xff;
            int cy = y[ys + k] & 0xff;
            if (cx != cy) {
                cx = cx >= 'A' && cx <= 'Z' ? cx + 32 : cx;
                cy = cy >= 'A' && cy <= 'Z' ? cy + 32 : cy;
                if (cx != cy) {
                    return cx < cy ? -1 : 1;
                }
            }
        }
        return Integer.signum(Integer.compare(xe - xs, ye - ys));
    }
}
