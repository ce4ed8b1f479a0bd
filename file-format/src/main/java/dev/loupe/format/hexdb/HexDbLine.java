package dev.loupe.format.hexdb;

/**
 * One data line of the dbtotxt text: {@code "|  %5d:"}, sixteen {@code " %02x"} bytes, three spaces and sixteen
 * display characters, then a line break.
 */
final class HexDbLine {

    /** Characters of a line including its line break: 9 + 16 * 3 + 3 + 16 + 1. */
    static final int LENGTH = 77;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HexDbLine() {
    }

    /**
     * The character dbtotxt shows for byte {@code b}: printable ASCII itself, except the four characters
     * {@code { } " \} (which would need quoting in the Tcl test scripts the text is embedded in) and everything
     * else as {@code '.'}.
     */
    static char display(byte b) {
        int c = b & 0xff;
        if (c < ' ' || c > '~' || c == '{' || c == '}' || c == '"' || c == '\\') {
            return '.';
        }
        return (char) c;
    }

    /** Fills {@code line} (length {@link #LENGTH}) with the line for the 16 bytes at offset {@code off} of a page. */
    static void format(int off, byte[] bytes16, char[] line) {
        line[0] = '|';
        line[1] = ' ';
        line[2] = ' ';
        // %5d, right-aligned; offsets in a page are below 65536, so five digits always suffice
        int v = off;
        for (int i = 7; i >= 3; i--) {
            if (v == 0 && i < 7) {
                line[i] = ' ';
            } else {
                line[i] = (char) ('0' + v % 10);
                v /= 10;
            }
        }
        line[8] = ':';
        int p = 9;
        for (int i = 0; i < 16; i++) {
            int b = bytes16[i] & 0xff;
            line[p++] = ' ';
            line[p++] = HEX[b >>> 4];
            line[p++] = HEX[b & 0xf];
        }
        line[p++] = ' ';
        line[p++] = ' ';
        line[p++] = ' ';
        for (int i = 0; i < 16; i++) {
            line[p++] = display(bytes16[i]);
        }
        line[p] = '\n';
    }
}
