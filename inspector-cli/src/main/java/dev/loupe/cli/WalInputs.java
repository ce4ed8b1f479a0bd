package dev.loupe.cli;

import dev.loupe.wal.WalInput;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens the database and WAL a {@code loupe wal} subcommand names: FILE is the database (its WAL is FILE-wal, or
 * the --wal PATH) or the WAL itself (its database is the name without -wal). Mistakes become one-line errors.
 */
final class WalInputs {

    private static final String SUFFIX = "-wal";

    private WalInputs() {
    }

    static WalInput open(Path file, WalOption option) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        Path db;
        Path wal;
        if ("ignore".equals(option.wal)) {
            throw new UserError(ExitCode.USAGE, "--wal ignore makes no sense here: this command reads the WAL");
        }
        if (!"auto".equals(option.wal)) {
            db = file;
            wal = Path.of(option.wal);
        } else if (name.endsWith(SUFFIX) && name.length() > SUFFIX.length()) {
            db = file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
            wal = file;
        } else {
            db = file;
            wal = file.resolveSibling(name + SUFFIX);
        }
        require(file, "no such file");
        require(db, "no such database file");
        require(wal, "no such WAL file (this command reads the WAL beside the database, or --wal PATH)");
        try {
            return WalInput.open(db, wal);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCode.UNREADABLE, e.getFile() + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError(ExitCode.UNREADABLE, e.getFile() + ": permission denied");
        } catch (IOException e) {
            throw new UserError(ExitCode.UNREADABLE, file + ": cannot read: " + e.getMessage());
        }
    }

    private static void require(Path p, String what) {
        if (Files.isDirectory(p)) {
            throw new UserError(ExitCode.UNREADABLE, p + ": is a directory");
        }
        if (!Files.isRegularFile(p)) {
            throw new UserError(ExitCode.UNREADABLE, p + ": " + what);
        }
    }

    /** {@code page} must be held by the database file or some frame. */
    static long requirePage(WalInput in, long page) {
        if (page < 1 || page > in.largestPage()) {
            throw new UserError(ExitCode.USAGE, "page " + page + " is out of range: " + in.databasePath().getFileName()
                    + " and its WAL hold pages 1.." + in.largestPage());
        }
        return page;
    }

    static void close(WalInput in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing read-only files: nothing to lose
        }
    }
}
