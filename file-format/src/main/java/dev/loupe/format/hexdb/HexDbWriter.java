package dev.loupe.format.hexdb;

import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Writes a database image as the text SQLite's {@code tool/dbtotxt.c} prints and the sqlite3 CLI reads back with
 * {@code .open --hexdb}. The layout is dbtotxt's, line for line:
 *
 * <pre>
 * | size &lt;file bytes&gt; pagesize &lt;page size&gt; filename &lt;name&gt;
 * | page &lt;N&gt; offset &lt;(N-1)*page size&gt;
 * |  &lt;offset in page, %5d&gt;: xx xx ... (16 bytes)   &lt;16 display characters&gt;
 * | end &lt;name&gt;
 * </pre>
 *
 * Sixteen-byte lines that are all zero are left out, and so is the {@code | page} line of a page that has no other
 * line. A last line that runs past the end of the file is padded with zero bytes, as dbtotxt pads it. Offsets are
 * printed as 64-bit numbers, so files over 2 GiB are written correctly (dbtotxt's 32-bit {@code %d} overflows
 * there, and the sqlite3 CLI cannot read such a text anyway).
 */
public final class HexDbWriter {

    /** Bytes per text line; the CLI's reader requires exactly this many on a line. */
    static final int BYTES_PER_LINE = 16;

    private HexDbWriter() {
    }

    /** Writes {@code image} (a whole file held in memory) as dbtotxt text. */
    public static void write(byte[] image, int pageSize, String name, Appendable out) throws IOException {
        checkPageSize(pageSize);
        checkName(name);
        long pageCount = (image.length + (long) pageSize - 1) / pageSize;
        writeText(pgno -> slice(image, (pgno - 1) * pageSize, pageSize), pageCount, image.length, pageSize, name,
                out);
    }

    /** The dbtotxt text of {@code image}, as a string. */
    public static String toText(byte[] image, int pageSize, String name) {
        StringBuilder sb = new StringBuilder();
        try {
            write(image, pageSize, name, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never throws
        }
        return sb.toString();
    }

    /**
     * Writes the pages of {@code pages} one at a time, so that a large file is never held whole in memory.
     * {@code fileSize} is what the {@code | size} line states and limits the bytes written; bytes past
     * {@code pages.pageCount()} pages are not available from a page source and are written as zeros (that is, left
     * out). Use {@link #write(ReadOnlyFile, int, String, Appendable)} for a file whose size is not a whole number of
     * pages.
     */
    public static void write(PageSource pages, long fileSize, String name, Appendable out) throws IOException {
        int pageSize = pages.pageSize();
        checkPageSize(pageSize);
        checkName(name);
        if (fileSize < 0) {
            throw new IllegalArgumentException("negative file size " + fileSize);
        }
        long pageCount = (fileSize + pageSize - 1) / pageSize;
        writeText(pgno -> pgno <= pages.pageCount() ? pages.read(pgno) : null, pageCount, fileSize, pageSize, name,
                out);
    }

    /**
     * Writes the whole of {@code file}, including a last partial page, page by page, as dbtotxt does for any file
     * (its page size is given, as dbtotxt's {@code --pagesize} option gives it, or taken from the header by the
     * caller).
     */
    public static void write(ReadOnlyFile file, int pageSize, String name, Appendable out) throws IOException {
        checkPageSize(pageSize);
        checkName(name);
        long fileSize = file.size();
        long pageCount = (fileSize + pageSize - 1) / pageSize;
        writeText(pgno -> file.readAt((pgno - 1) * pageSize, pageSize), pageCount, fileSize, pageSize, name, out);
    }

    /** The bytes of one page, or {@code null} / a short array where the page is missing or partial. */
    @FunctionalInterface
    private interface PageBytes {
        byte[] read(long pgno) throws IOException;
    }

    private static void writeText(PageBytes source, long pageCount, long fileSize, int pageSize, String name,
            Appendable out) throws IOException {
        out.append("| size ").append(Long.toString(fileSize))
                .append(" pagesize ").append(Integer.toString(pageSize))
                .append(" filename ").append(name).append('\n');
        char[] line = new char[HexDbLine.LENGTH];
        byte[] chunk = new byte[BYTES_PER_LINE];
        for (long pgno = 1; pgno <= pageCount; pgno++) {
            long pageStart = (pgno - 1) * pageSize;
            byte[] page = source.read(pgno);
            if (page == null) {
                continue;
            }
            int inFile = (int) Math.min(pageSize, fileSize - pageStart);
            int available = Math.min(inFile, page.length);
            boolean labelled = false;
            for (int off = 0; off < available; off += BYTES_PER_LINE) {
                int n = Math.min(BYTES_PER_LINE, available - off);
                if (allZero(page, off, n)) {
                    continue;
                }
                if (!labelled) {
                    out.append("| page ").append(Long.toString(pgno))
                            .append(" offset ").append(Long.toString(pageStart)).append('\n');
                    labelled = true;
                }
                System.arraycopy(page, off, chunk, 0, n);
                Arrays.fill(chunk, n, BYTES_PER_LINE, (byte) 0);
                HexDbLine.format(off, chunk, line);
                appendLine(out, line);
            }
        }
        out.append("| end ").append(name).append('\n');
    }

    /** Appends without the String a generic {@code Appendable.append(CharSequence)} would build per line. */
    private static void appendLine(Appendable out, char[] line) throws IOException {
        if (out instanceof Writer w) {
            w.write(line);
        } else if (out instanceof StringBuilder sb) {
            sb.append(line);
        } else {
            out.append(CharBuffer.wrap(line));
        }
    }

    private static boolean allZero(byte[] b, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (b[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] image, long start, int pageSize) {
        int from = (int) start;
        int to = (int) Math.min(image.length, start + pageSize);
        return Arrays.copyOfRange(image, from, to);
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size " + pageSize + " is not a power of two in 512..65536");
        }
    }

    /** The name ends the first and last lines; a line break in it would end them early. */
    private static void checkName(String name) {
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("file name contains a line break");
        }
    }
}
