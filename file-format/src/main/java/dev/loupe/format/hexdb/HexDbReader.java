package dev.loupe.format.hexdb;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads dbtotxt text (see {@link HexDbWriter}) back into the bytes the sqlite3 CLI's {@code .open --hexdb} would
 * load, reporting whatever is wrong with the text instead of failing.
 *
 * <p>Lines are matched as the CLI's reader matches them ({@code shell.c.in}, {@code readHexDb}): the first line is
 * {@code | size %d pagesize %d}; the image is that size rounded up to whole pages and starts all zero;
 * {@code | page %d offset %d} sets the base offset (only the offset counts; the page number is not used);
 * {@code | %d: %x ... %x} with sixteen values stores sixteen bytes at base + offset, when they fit in the image;
 * a line starting {@code | end } ends the text. The CLI silently skips every other line, a data line with fewer
 * than sixteen values, and a data line outside the image; this reader skips the same lines and so builds the same
 * bytes, but reports each as a {@link ProblemKind#HEXDB_SYNTAX} problem naming the line number. It also reports
 * what the CLI accepts without complaint but a dbtotxt text would never contain (a page line whose offset is not
 * (page-1) * page size, a byte value with more than two hex digits, the same bytes given twice, a missing
 * {@code | end} line).
 *
 * <p>Unlike the CLI, lines before the size line are skipped (one problem says so), so that text pasted from a bug
 * report or a Tcl test still loads; a single {@code .open} line right before it, as {@code dbtotxt --for-cli} and
 * scripts write, is not a problem. Lines after {@code | end} (the SQL of a script) are ignored.
 *
 * <p>Problem spans point into the text: {@code Span.inFile(charOffsetOfLine, lineLength)}.
 *
 * <p>Bounded: the image is never larger than {@code maxBytes} (a larger size is a problem and no image is built),
 * a line is read to at most {@value #MAX_LINE_CHARS} characters, and at most {@value #MAX_PROBLEMS} problems are
 * listed.
 */
public final class HexDbReader {

    /** Default limit on the image size: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    /** A dbtotxt line has 77 characters; anything far longer is not one. */
    static final int MAX_LINE_CHARS = 4096;

    static final int MAX_PROBLEMS = 1000;

    private final TextLines lines;
    private final long maxBytes;
    private final List<Problem> problems = new ArrayList<>();
    private long problemsLeftOut;

    private HexDbReader(Reader in, long maxBytes) {
        this.lines = new TextLines(in, MAX_LINE_CHARS);
        this.maxBytes = maxBytes;
    }

    public static HexDbImage read(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader never throws
        }
    }

    public static HexDbImage read(Reader in) throws IOException {
        return read(in, DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxBytes the largest image to build (at most {@code Integer.MAX_VALUE - 8}); a text stating a larger
     *                 size gives an empty image and a problem
     */
    public static HexDbImage read(Reader in, long maxBytes) throws IOException {
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes " + maxBytes);
        }
        return new HexDbReader(in, maxBytes).parse();
    }

    private HexDbImage parse() throws IOException {
        String line = skipToSizeLine();
        if (line == null) {
            problem(Span.inFile(lines.offset(), 0),
                    "no '| size N pagesize P' line: this is not dbtotxt text");
            return finish(new byte[0], 0, "");
        }
        LineScanner s = new LineScanner(line);
        if (!(s.literal("| size ") && s.decimal())) {
            problem(lineSpan(), lineLabel() + "malformed size line; expected '| size N pagesize P filename NAME'");
            return finish(new byte[0], 0, "");
        }
        long size = s.value();
        if (!(s.literal(" pagesize ") && s.decimal())) {
            problem(lineSpan(), lineLabel() + "the size line gives no page size; expected '| size N pagesize P'");
            return finish(new byte[0], 0, "");
        }
        long pageSize = s.value();
        String name = s.literal(" filename ") ? s.rest() : "";
        if (pageSize < 512 || pageSize > 65536 || Long.bitCount(pageSize) != 1) {
            problem(lineSpan(), lineLabel() + "page size " + pageSize
                    + " is not a power of two from 512 to 65536; the sqlite3 CLI rejects the text");
            return finish(new byte[0], 0, name);
        }
        int pgsz = (int) pageSize;
        if (size < 0) {
            problem(lineSpan(), lineLabel() + "negative size " + size + "; the sqlite3 CLI rejects the text");
            return finish(new byte[0], pgsz, name);
        }
        // The CLI rounds the size up to a whole number of pages (readHexDb).
        long imageSize = size > maxBytes ? size : (size + pgsz - 1) / pgsz * pgsz;
        if (imageSize > maxBytes) {
            problem(lineSpan(), lineLabel() + "size " + size + " exceeds the limit of " + maxBytes
                    + " bytes; no image was built");
            return finish(new byte[0], pgsz, name);
        }
        if (size % pgsz != 0) {
            problems.add(new Problem(ProblemKind.FILE_SIZE_NOT_PAGE_MULTIPLE, lineSpan(), lineLabel() + "size "
                    + size + " is not a multiple of the page size " + pgsz + "; the image is rounded up to "
                    + imageSize + " bytes as the sqlite3 CLI rounds it"));
        }
        byte[] image = new byte[(int) imageSize];
        readBody(image, pgsz);
        return finish(image, pgsz, name);
    }

    /** Returns the size line, reporting the lines before it; null when there is none. */
    private String skipToSizeLine() throws IOException {
        long firstSkipped = 0;
        long lastSkipped = 0;
        long skippedStart = 0;
        boolean lastWasOpen = false;
        String line;
        while ((line = lines.next()) != null) {
            if (new LineScanner(line).literal("| size")) {
                break;
            }
            if (firstSkipped == 0) {
                firstSkipped = lines.lineNumber();
                skippedStart = lines.lineStart();
            }
            lastSkipped = lines.lineNumber();
            lastWasOpen = line.startsWith(".open");
        }
        if (line != null && firstSkipped != 0 && !(firstSkipped == lastSkipped && lastWasOpen)) {
            long length = lines.lineStart() - skippedStart;
            problem(Span.inFile(skippedStart, (int) Math.min(Integer.MAX_VALUE, length)),
                    (firstSkipped == lastSkipped ? "line " + firstSkipped : "lines " + firstSkipped + "-" + lastSkipped)
                            + " before the '| size' line skipped; the sqlite3 CLI requires the size line first");
        }
        return line;
    }

    private void readBody(byte[] image, int pageSize) throws IOException {
        long base = 0;
        BitSet given = new BitSet();
        boolean ended = false;
        String line;
        while ((line = lines.next()) != null) {
            if (lines.lineCut()) {
                problem(lineSpan(), lineLabel() + "longer than " + MAX_LINE_CHARS
                        + " characters; only the start was read");
            }
            LineScanner s = new LineScanner(line);
            if (s.literal("| page ") && s.decimal()) {
                long pgno = s.value();
                if (s.literal(" offset ") && s.decimal()) {
                    base = s.value();
                    checkPageLine(pgno, base, pageSize);
                } else {
                    problem(lineSpan(), lineLabel() + "page line without an offset; ignored, as the sqlite3 CLI"
                            + " ignores it");
                }
                continue;
            }
            if (line.startsWith("| end ") || line.strip().equals("| end")) {
                ended = true;
                break;
            }
            readDataLine(line, base, image, pageSize, given);
        }
        if (!ended) {
            problem(Span.inFile(lines.offset(), 0), "no '| end' line: the text may have been cut short");
        }
    }

    private void checkPageLine(long pgno, long offset, int pageSize) {
        if (pgno < 1 || offset != (pgno - 1) * pageSize) {
            problem(lineSpan(), lineLabel() + "page " + pgno + " should start at offset "
                    + Math.max(0, pgno - 1) * pageSize + ", not " + offset
                    + "; the sqlite3 CLI uses the offset and ignores the page number");
        }
    }

    private void readDataLine(String line, long base, byte[] image, int pageSize, BitSet given) {
        LineScanner s = new LineScanner(line);
        if (!(s.literal("| ") && s.decimal())) {
            if (!line.isBlank()) {
                problem(lineSpan(), lineLabel() + "not a dbtotxt line; ignored");
            }
            return;
        }
        long offsetInPage = s.value();
        if (!s.literal(":")) {
            problem(lineSpan(), lineLabel() + "no ':' after the offset; line ignored, as the sqlite3 CLI ignores it");
            return;
        }
        byte[] bytes = new byte[HexDbWriter.BYTES_PER_LINE];
        boolean oddValue = false;
        for (int i = 0; i < bytes.length; i++) {
            if (!(s.literal(" ") && s.hex())) {
                problem(lineSpan(), lineLabel() + "expected 16 byte values, found " + i
                        + "; line ignored, as the sqlite3 CLI ignores it");
                return;
            }
            oddValue |= s.digits() > 2 || s.value() < 0 || s.value() > 0xff;
            bytes[i] = (byte) s.value(); // the CLI keeps the low eight bits
        }
        if (oddValue) {
            problem(lineSpan(), lineLabel() + "a byte value is not one or two hex digits; its low 8 bits are used,"
                    + " as the sqlite3 CLI uses them");
        }
        if (offsetInPage < 0 || offsetInPage % HexDbWriter.BYTES_PER_LINE != 0
                || offsetInPage > pageSize - HexDbWriter.BYTES_PER_LINE) {
            problem(lineSpan(), lineLabel() + "offset " + offsetInPage + " is not the start of a 16-byte line in a "
                    + pageSize + "-byte page");
        }
        long at = base + offsetInPage;
        if (at < 0 || at > image.length - (long) HexDbWriter.BYTES_PER_LINE) {
            problem(lineSpan(), lineLabel() + "bytes at file offset " + at + " lie outside the " + image.length
                    + "-byte image; line ignored, as the sqlite3 CLI ignores it");
            return;
        }
        if (at % HexDbWriter.BYTES_PER_LINE == 0) {
            int lineIndex = (int) (at / HexDbWriter.BYTES_PER_LINE);
            if (given.get(lineIndex)) {
                problem(lineSpan(), lineLabel() + "bytes at file offset " + at
                        + " were given before; this later line wins, as in the sqlite3 CLI");
            }
            given.set(lineIndex);
        }
        System.arraycopy(bytes, 0, image, (int) at, bytes.length);
    }

    private HexDbImage finish(byte[] image, int pageSize, String name) {
        if (problemsLeftOut > 0) {
            problems.add(new Problem(ProblemKind.HEXDB_SYNTAX, Span.inFile(lines.offset(), 0),
                    problemsLeftOut + " more problems in the text were not listed"));
        }
        return new HexDbImage(image, pageSize, name, problems);
    }

    private void problem(Span span, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(ProblemKind.HEXDB_SYNTAX, span, message));
        } else {
            problemsLeftOut++;
        }
    }

    private Span lineSpan() {
        return Span.inFile(lines.lineStart(), (int) Math.min(Integer.MAX_VALUE, lines.lineLength()));
    }

    private String lineLabel() {
        return "line " + lines.lineNumber() + ": ";
    }
}
