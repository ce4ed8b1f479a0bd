package dev.loupe.repro.file;

import dev.loupe.check.Finding;

import java.util.List;

/**
 * The outcome of reducing a database file.
 *
 * @param original        the input image
 * @param reduced         the smallest image found that still shows the finding (the input if none was smaller)
 * @param pageSize        the page size of both
 * @param target          the finding kept (code and object kind)
 * @param finding         that finding as the checker reports it on the reduced image
 * @param sqliteOriginal  PRAGMA integrity_check (sqlite-jdbc) on the original: "ok" alone when it found nothing
 * @param sqliteReduced   the same on the reduced image
 * @param steps           candidates tried
 * @param millis          time spent
 */
public record FileReduction(byte[] original, byte[] reduced, int pageSize, FindingTarget target, Finding finding,
                            List<String> sqliteOriginal, List<String> sqliteReduced, int steps, long millis) {

    public FileReduction {
        sqliteOriginal = List.copyOf(sqliteOriginal);
        sqliteReduced = List.copyOf(sqliteReduced);
    }

    public long originalPages() {
        return original.length / pageSize;
    }

    public long reducedPages() {
        return reduced.length / pageSize;
    }

    /** True if SQLite reported something (or refused the file) for the original. */
    public boolean sqliteFlaggedOriginal() {
        return flagged(sqliteOriginal);
    }

    public boolean sqliteFlaggedReduced() {
        return flagged(sqliteReduced);
    }

    private static boolean flagged(List<String> lines) {
        return !(lines.size() == 1 && lines.get(0).equals("ok"));
    }
}
