package dev.loupe.format.hexdb;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines (ended by {@code \n} or {@code \r\n}; the line break is dropped) while
 * keeping each line's number and character offset, and never holding more than {@code maxChars} characters of one
 * line: a damaged or hostile text may be one endless line.
 */
final class TextLines {

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int bufPos;
    private int bufLen;
    private long offset;

    private long lineNumber;
    private long lineStart;
    private long lineLength;

    TextLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its line break, or {@code null} at the end of the text. */
    String next() throws IOException {
        StringBuilder sb = new StringBuilder(80);
        long start = offset;
        long length = 0;
        boolean any = false;
        while (true) {
            if (bufPos == bufLen) {
                bufLen = in.read(buf, 0, buf.length);
                bufPos = 0;
                if (bufLen <= 0) {
                    bufLen = 0;
                    break;
                }
            }
            char c = buf[bufPos++];
            offset++;
            any = true;
            if (c == '\n') {
                break;
            }
            length++;
            if (sb.length() < maxChars) {
                sb.append(c);
            }
        }
        if (!any) {
            return null;
        }
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        lineNumber++;
        lineStart = start;
        lineLength = length;
        return sb.toString();
    }

    /** 1-based number of the line {@link #next()} returned last. */
    long lineNumber() {
        return lineNumber;
    }

    /** Character offset of that line's first character in the text. */
    long lineStart() {
        return lineStart;
    }

    /** Characters in that line without its {@code \n}, including any beyond {@code maxChars}. */
    long lineLength() {
        return lineLength;
    }

    /** Whether that line was longer than {@code maxChars} and was cut. */
    boolean lineCut() {
        return lineLength > maxChars;
    }

    /** Characters read so far. */
    long offset() {
        return offset;
    }
}
