package dev.loupe.wal;

import dev.loupe.format.journal.JournalFile;
import dev.loupe.format.journal.JournalHeader;
import dev.loupe.format.journal.JournalRecord;

import java.util.List;

/**
 * A rollback journal and what SQLite's next open would do with it (pager.c hasHotJournal, pager_playback).
 *
 * @param journal        the decoded journal
 * @param databaseExists whether the database the journal belongs to exists and is not empty (a journal without its
 *                       database is not hot)
 * @param hot            the journal would be rolled back when the database is next opened: it looks hot (first byte
 *                       not 0) and its database exists and is not empty. A file alone cannot tell whether another
 *                       connection holds a RESERVED lock, which would make it not hot.
 * @param records        records decoded
 * @param badChecksums   records whose stored checksum differs from the computed one
 * @param restored       records a rollback would write back
 */
public record JournalReport(JournalFile journal, boolean databaseExists, boolean hot, int records, int badChecksums,
                            int restored) {

    public static JournalReport of(JournalFile journal, boolean databaseExists) {
        int bad = 0;
        int restored = 0;
        for (JournalRecord r : journal.records()) {
            bad += r.checksumOk() ? 0 : 1;
            restored += r.wouldRestore() ? 1 : 0;
        }
        boolean hot = journal.hotLooking() && databaseExists;
        return new JournalReport(journal, databaseExists, hot, journal.records().size(), bad, hot ? restored : 0);
    }

    public List<JournalHeader> headers() {
        return journal.headers();
    }
}
