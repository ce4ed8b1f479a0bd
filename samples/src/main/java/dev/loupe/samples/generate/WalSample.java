package dev.loupe.samples.generate;

import dev.loupe.samples.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database in WAL mode whose last 29 commits live only in the -wal file. The file pair is copied while the
 * connection is still open: on close SQLite would checkpoint the WAL into the database and delete it.
 * The database file itself holds only what was written before the switch to WAL mode (plus header bytes 18/19 = 2).
 */
final class WalSample {
    private static final long SEED = 0x3A1L;
    static final String WAL_SUFFIX = "-wal";
    /** Commits made after the switch to WAL mode (the SampleTest counts them in the WAL's commit frames). */
    static final int WAL_COMMITS = 29;

    private WalSample() {
    }

    static void write(Sample sample, Path workDir) throws IOException, SQLException {
        Path building = workDir.resolve("building-" + sample.fileName());
        TextSource source = new TextSource(SEED);
        try (SqliteFile db = SqliteFile.create(building, sample)) {
            db.exec("CREATE TABLE accounts(id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance INTEGER NOT NULL)",
                    "CREATE TABLE ledger(id INTEGER PRIMARY KEY, account INTEGER NOT NULL, amount INTEGER NOT NULL,"
                            + " memo TEXT)");
            db.transaction(() -> {
                db.insert("INSERT INTO accounts(owner, balance) VALUES (?, ?)", accounts(source));
                db.insert("INSERT INTO ledger(account, amount, memo) VALUES (?, ?, ?)", ledger(source, 60));
            });
            db.exec("PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0");
            int commits = 0;
            for (int n = 0; n < 8; n++) {                        // growth: ledger pages appended
                List<Object[]> batch = ledger(source, 25);
                db.transaction(() -> db.insert("INSERT INTO ledger(account, amount, memo) VALUES (?, ?, ?)", batch));
                commits++;
            }
            for (int n = 0; n < 6; n++) {                        // the same accounts pages, version after version
                int delta = source.between(-50, 50);
                db.exec("UPDATE accounts SET balance = balance + " + delta + " WHERE id % 4 = " + (n % 4));
                commits++;
            }
            db.exec("CREATE TABLE wal_only(id INTEGER PRIMARY KEY, note TEXT NOT NULL, data BLOB)");
            commits++;
            for (int n = 0; n < 5; n++) {
                List<Object[]> notes = new ArrayList<>();
                for (int k = 0; k < 6; k++) {
                    notes.add(new Object[] {"commit " + (commits + 1) + " note " + k + ": " + source.words(6),
                        source.blob(source.between(0, 120))});
                }
                db.transaction(() -> db.insert("INSERT INTO wal_only(note, data) VALUES (?, ?)", notes));
                commits++;
            }
            db.exec("CREATE INDEX ledger_account ON ledger(account, amount)");
            commits++;
            db.exec("DELETE FROM ledger WHERE id % 7 = 3");
            commits++;
            db.exec("UPDATE ledger SET memo = upper(memo) WHERE account = 3");
            commits++;
            db.exec("DELETE FROM wal_only WHERE id IN (2, 9)");
            commits++;
            for (int n = 0; n < 4; n++) {
                db.exec("UPDATE accounts SET balance = balance - 1 WHERE id = " + (1 + n));
                commits++;
            }
            db.exec("INSERT INTO wal_only(note) VALUES ('last commit')");
            commits++;
            if (commits != WAL_COMMITS) {
                throw new IllegalStateException("made " + commits + " WAL commits, expected " + WAL_COMMITS);
            }
            Files.copy(building, workDir.resolve(sample.fileName()));
            Files.copy(workDir.resolve(building.getFileName() + WAL_SUFFIX),
                    workDir.resolve(sample.fileName() + WAL_SUFFIX));
        }
    }

    private static List<Object[]> accounts(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 80; n++) {
            rows.add(new Object[] {source.capitalized() + " " + source.capitalized(), (long) source.between(0, 10000)});
        }
        return rows;
    }

    private static List<Object[]> ledger(TextSource source, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            rows.add(new Object[] {(long) source.between(1, 80), (long) source.between(-5000, 5000),
                source.chance(0.2) ? null : source.words(source.between(2, 7))});
        }
        return rows;
    }
}
