package dev.loupe.issue;

/**
 * A hex dump of the bytes a finding names, read from the reproducer's database: whole 16-byte rows around them,
 * with file offsets, as {@code hexdump -C} prints (so readers can check with {@code xxd -s}).
 */
public final class HexExcerpt {

    /** At most this many bytes of the finding are shown; the excerpt says when it shows fewer. */
    static final int MAX_BYTES = 128;
    /** Bytes shown when a finding names a page but no offset: the start of the b-tree page header. */
    static final int PAGE_START_BYTES = 16;

    private HexExcerpt() {
    }

    /**
     * The excerpt for {@code finding} in {@code db}, or null when it names no bytes inside the file. The page size
     * is the header's (fileformat2 1.3.2: offset 16, big-endian, 1 meaning 65536).
     */
    public static String of(byte[] db, Finding finding) {
        if (db == null || finding == null || db.length < 100) {
            return null;
        }
        int raw = ((db[16] & 0xff) << 8) | (db[17] & 0xff);
        long pageSize = raw == 1 ? 65536 : raw;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
            return null;
        }
        long start;
        long length;
        String where;
        if (finding.page() <= 0) {
            if (finding.offset() < 0) {
                return null;
            }
            start = finding.offset();
            length = finding.length();
            where = "file offset " + start;
        } else {
            long base = (finding.page() - 1) * pageSize;
            long inPage = finding.offset() >= 0 ? finding.offset() : (finding.page() == 1 ? 100 : 0);
            start = base + inPage;
            length = finding.offset() >= 0 ? finding.length() : PAGE_START_BYTES;
            where = "page " + finding.page() + " offset " + inPage + " (file offset " + start + ")";
        }
        if (start >= db.length) {
            return null;
        }
        long shown = Math.min(Math.min(Math.max(length, 1), MAX_BYTES), db.length - start);
        StringBuilder b = new StringBuilder();
        b.append("# ").append(length).append(length == 1 ? " byte" : " bytes").append(" at ").append(where);
        if (shown < length) {
            b.append(", first ").append(shown).append(" shown");
        }
        b.append('\n');
        long from = start / 16 * 16;
        long to = Math.min(db.length, (start + shown + 15) / 16 * 16);
        for (long row = from; row < to; row += 16) {
            b.append(String.format("%08x ", row));
            StringBuilder ascii = new StringBuilder();
            for (long i = row; i < row + 16; i++) {
                if (i % 8 == 0) {
                    b.append(' ');
                }
                if (i < db.length) {
                    int v = db[(int) i] & 0xff;
                    b.append(String.format("%02x ", v));
                    ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    b.append("   ");
                }
            }
            b.append(" |").append(ascii).append("|\n");
        }
        return b.toString();
    }
}
