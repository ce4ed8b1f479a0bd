package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes record text in the database encoding and says whether the bytes were valid in it. SQLite stores and
 * returns text bytes as they are; invalid sequences are replaced here (U+FFFD) and reported by the caller.
 */
final class TextDecoder {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private TextDecoder() {
    }

    static String decode(byte[] b, int off, int len, TextEncoding enc) {
        if (enc == TextEncoding.UTF8) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        return new String(b, off, len & ~1, enc.charset());
    }

    /**
     * True when {@code b[off..off+len)}, already decoded by {@link #decode} into {@code decoded}, is well-formed in
     * {@code enc}. For UTF-8 this costs a scan of the string rather than of the bytes: the JDK's UTF-8 decoder
     * replaces exactly the ill-formed sequences (overlong forms, surrogates, code points above U+10FFFF, bad or
     * missing continuation bytes) with U+FFFD, so a string without U+FFFD came from well-formed bytes. A string
     * with U+FFFD may hold a genuine, well-formed U+FFFD: then the bytes are checked one by one.
     */
    static boolean valid(String decoded, byte[] b, int off, int len, TextEncoding enc) {
        if (enc == TextEncoding.UTF8 && decoded.indexOf('\uFFFD') < 0) {
            return true;
        }
        return valid(b, off, len, enc);
    }

    /** True when {@code b[off..off+len)} is well-formed in {@code enc}. */
    static boolean valid(byte[] b, int off, int len, TextEncoding enc) {
        return enc == TextEncoding.UTF8 ? validUtf8(b, off, len) : validUtf16(b, off, len, enc == TextEncoding.UTF16BE);
    }

    private static boolean validUtf8(byte[] b, int off, int len) {
        // Most text in most databases is ASCII: one branch-free pass ORs the bytes together, and only text with a
        // byte >= 0x80 is walked sequence by sequence
        int end = off + len;
        int j = off;
        long high = 0;
        for (; j + 8 <= end; j += 8) {
            high |= (long) LONGS.get(b, j);
        }
        int rest = end - j;
        if (rest > 0) {
            if (j + 8 <= b.length) {
                // the last bytes as one word, those past the value masked off (little-endian: the high ones)
                high |= (long) LONGS.get(b, j) & (-1L >>> (64 - 8 * rest));
            } else {
                for (; j < end; j++) {
                    high |= b[j];
                }
            }
        }
        if ((high & 0x8080808080808080L) == 0) {
            return true;
        }
        return validUtf8Sequences(b, off, len);
    }

    private static boolean validUtf8Sequences(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            // ASCII runs, the bulk of most text, eight bytes at a time
            while (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            // Unicode Table 3-7, well-formed UTF-8 byte sequences: the lead byte fixes the length and the range of
            // the second byte (which rules out overlong forms, surrogates and code points above U+10FFFF); every
            // other byte is 80..BF. No code point is assembled.
            if (c < 0xc2 || c > 0xf4) {
                return false;
            }
            if (c < 0xe0) {
                if (i + 1 >= end || (b[i + 1] & 0xc0) != 0x80) {
                    return false;
                }
                i += 2;
                continue;
            }
            int n = c < 0xf0 ? 2 : 3;
            if (i + n >= end) {
                return false; // the sequence runs past the end of the value
            }
            int second = b[i + 1] & 0xff;
            int lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
            int hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
            if (second < lo || second > hi || (b[i + 2] & 0xc0) != 0x80 || n == 3 && (b[i + 3] & 0xc0) != 0x80) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }

    private static boolean validUtf16(byte[] b, int off, int len, boolean bigEndian) {
        if ((len & 1) != 0) {
            return false;
        }
        for (int i = off; i < off + len; i += 2) {
            int u = bigEndian ? ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff) : ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
            if (u >= 0xd800 && u <= 0xdbff) {
                if (i + 3 >= off + len) {
                    return false;
                }
                int lo = bigEndian ? ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff) : ((b[i + 3] & 0xff) << 8) | (b[i + 2] & 0xff);
                if (lo < 0xdc00 || lo > 0xdfff) {
                    return false;
                }
                i += 2;
            } else if (u >= 0xdc00 && u <= 0xdfff) {
                return false;
            }
        }
        return true;
    }
}
