package dev.loupe.cli;

/** Bytes as hex and as printable ASCII, the two columns of every dump. */
final class HexText {

    private HexText() {
    }

    /** Lowercase hex with a space between bytes: "53 51 4c". */
    static String spaced(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            appendByte(sb, b[off + i]);
        }
        return sb.toString();
    }

    /** Lowercase hex, bytes in pairs like xxd: "5351 4c69 7465". */
    static String paired(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0 && i % 2 == 0) {
                sb.append(' ');
            }
            appendByte(sb, b[off + i]);
        }
        return sb.toString();
    }

    /** Lowercase hex without separators, for JSON. */
    static String plain(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            appendByte(sb, b[off + i]);
        }
        return sb.toString();
    }

    /** Printable ASCII as itself, everything else as '.'. */
    static String ascii(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int c = b[off + i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return sb.toString();
    }

    static boolean allZero(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (b[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void appendByte(StringBuilder sb, byte x) {
        sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
}
