package dev.loupe.cli;

import dev.loupe.format.OpenOptions;
import dev.loupe.wal.WalPair;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens the database and WAL a {@code loupe wal} subcommand names: FILE is the database or its {@code -wal}; the
 * {@code --wal} option still chooses another WAL ({@code PATH}) or none ({@code ignore}). Mistakes become one-line
 * errors.
 */
final class WalPairs {

    private WalPairs() {
    }

    static WalPair open(Path file, WalOption option) {
        Path db = WalPair.databaseOf(file);
        OpenOptions o = option.toOptions();
        if (Files.isDirectory(db)) {
            throw new UserError(ExitCode.UNREADABLE, db + ": is a directory, not a database file");
        }
        if (!Files.exists(db)) {
            throw new UserError(ExitCode.UNREADABLE, db + ": no such file" + (db.equals(file) ? ""
                    : " (the database of " + file + ")"));
        }
        Path wal = o.wal() == OpenOptions.WalChoice.PATH ? o.walPath() : db.equals(file) ? null : file;
        if (wal != null && !Files.isRegularFile(wal)) {
            throw new UserError(ExitCode.UNREADABLE, wal + ": no such WAL file");
        }
        try {
            return WalPair.open(db, wal, o.wal() != OpenOptions.WalChoice.IGNORE);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCode.UNREADABLE, e.getFile() + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError(ExitCode.UNREADABLE, e.getFile() + ": permission denied");
        } catch (IOException e) {
            throw new UserError(ExitCode.UNREADABLE, db + ": cannot read: " + e.getMessage());
        }
    }

    /** A commit argument: a number 0..commitCount or "latest". */
    static int commit(String arg, WalPair pair) {
        int n = pair.commitCount();
        if ("latest".equals(arg)) {
            return n;
        }
        int k;
        try {
            k = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, "commit '" + arg + "' is not a number (or 'latest')");
        }
        if (k < 0 || k > n) {
            throw new UserError(ExitCode.USAGE, "commit " + k + " out of range: " + (pair.walPath() == null
                    ? "there is no WAL, so only commit 0 (the database file) exists"
                    : "the WAL has " + n + " valid commits (0 = the database file alone, 1.." + n + ")"));
        }
        return k;
    }
}
