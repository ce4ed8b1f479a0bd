package dev.loupe.format.header;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The 100-byte database header (fileformat2 §1.3), every field decoded, with the validity rules of the format
 * document reported as problems. Decoding never fails: a short or garbled header decodes to what is there.
 */
public record DatabaseHeader(
        byte[] raw,
        boolean magicOk,
        int rawPageSize,
        int writeVersion,
        int readVersion,
        int reservedBytes,
        int maxPayloadFraction,
        int minPayloadFraction,
        int leafPayloadFraction,
        long fileChangeCounter,
        long databaseSizeInPages,
        long firstFreelistTrunkPage,
        long freelistPageCount,
        long schemaCookie,
        long schemaFormat,
        int defaultPageCacheSize,
        long largestRootPage,
        long textEncodingCode,
        int userVersion,
        long incrementalVacuum,
        int applicationId,
        long versionValidFor,
        long sqliteVersionNumber,
        List<Problem> problems) {

    public static final int SIZE = 100;
    public static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Smallest usable size the format allows (fileformat2 §1.3.4). */
    public static final int MIN_USABLE_SIZE = 480;

    /**
     * Decodes the header from the first bytes of a file.
     *
     * @param first    the file's first bytes (100 or more; fewer when the file is truncated)
     * @param fileSize the size of the database file, for the page-count rules
     */
    public static DatabaseHeader decode(byte[] first, long fileSize) {
        List<Problem> problems = new ArrayList<>();
        byte[] b = Arrays.copyOf(first, SIZE);
        if (first.length < SIZE) {
            problems.add(new Problem(ProblemKind.FILE_TRUNCATED, Span.inPage(1, first.length, SIZE - first.length),
                    "file is " + first.length + " bytes, shorter than the 100-byte database header"));
        }
        boolean magicOk = Arrays.equals(b, 0, 16, MAGIC, 0, 16);
        if (!magicOk) {
            problems.add(new Problem(ProblemKind.HEADER_MAGIC, Span.inPage(1, 0, 16),
                    "header string is not \"SQLite format 3\\0\": not a database file, or its first bytes are damaged"));
        }
        DatabaseHeader h = new DatabaseHeader(
                b, magicOk,
                BigEndian.u16(b, 16), BigEndian.u8(b, 18), BigEndian.u8(b, 19), BigEndian.u8(b, 20),
                BigEndian.u8(b, 21), BigEndian.u8(b, 22), BigEndian.u8(b, 23),
                BigEndian.u32(b, 24), BigEndian.u32(b, 28), BigEndian.u32(b, 32), BigEndian.u32(b, 36),
                BigEndian.u32(b, 40), BigEndian.u32(b, 44), BigEndian.i32(b, 48), BigEndian.u32(b, 52),
                BigEndian.u32(b, 56), BigEndian.i32(b, 60), BigEndian.u32(b, 64), BigEndian.i32(b, 68),
                BigEndian.u32(b, 92), BigEndian.u32(b, 96), Collections.unmodifiableList(problems));
        HeaderRules.check(h, fileSize, problems);
        return h;
    }

    /** True when @16 encodes a valid page size: a power of two 512..32768, or 1 meaning 65536. */
    public boolean pageSizeValid() {
        return rawPageSize == 1 || (rawPageSize >= 512 && rawPageSize <= 32768 && Integer.bitCount(rawPageSize) == 1);
    }

    /** The page size in bytes, or 0 when @16 is not a valid encoding. */
    public int pageSize() {
        if (!pageSizeValid()) {
            return 0;
        }
        return rawPageSize == 1 ? 65536 : rawPageSize;
    }

    /** Usable bytes per page: page size minus the reserved region (0 when the page size is invalid). */
    public int usableSize() {
        int ps = pageSize();
        return ps == 0 ? 0 : ps - reservedBytes;
    }

    /** The header's page count is trusted only when non-zero and @24 equals @92 (fileformat2 §1.3.9). */
    public boolean databaseSizeValid() {
        return databaseSizeInPages != 0 && fileChangeCounter == versionValidFor;
    }

    /**
     * The number of pages SQLite takes the database to have: the header's count when valid, else the file size
     * divided by the page size.
     */
    public long effectivePageCount(long fileSize) {
        int ps = pageSize();
        // SQLite's pager rounds a partial last page up (it reads its missing bytes as zeros)
        long filePages = ps == 0 ? 0 : (fileSize + ps - 1) / ps;
        return databaseSizeValid() ? databaseSizeInPages : filePages;
    }

    /** Text encoding, treating 0 (a database with no schema yet) as UTF-8, as SQLite does; null when invalid. */
    public TextEncoding textEncoding() {
        // sqlite3InitOne uses the low two bits only, and 0 as UTF-8 (so 4 reads as UTF-8 and 6 as UTF-16le)
        long code = textEncodingCode & 3;
        return code == 0 ? TextEncoding.UTF8 : TextEncoding.ofCode(code);
    }

    public boolean autoVacuum() {
        return largestRootPage != 0;
    }

    /** The reserved-for-expansion bytes 72..91, which must be zero. */
    public byte[] reservedForExpansion() {
        return Arrays.copyOfRange(raw, 72, 92);
    }

    /** Every field in file order, with spans and meanings, for dumps and JSON. */
    public List<HeaderField> fields() {
        return HeaderFields.describe(this);
    }
}
