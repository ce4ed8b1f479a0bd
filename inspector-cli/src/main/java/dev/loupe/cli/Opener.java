package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.ProblemKind;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a database for a command, turning what the user can get wrong into one-line errors with exit codes. */
final class Opener {

    private Opener() {
    }

    static Database open(Path path, OpenOptions options) {
        if (Files.isDirectory(path)) {
            throw new UserError(ExitCode.UNREADABLE, path + ": is a directory, not a database file");
        }
        if (!Files.exists(path)) {
            throw new UserError(ExitCode.UNREADABLE, path + ": no such file");
        }
        if (options.wal() == OpenOptions.WalChoice.PATH && !Files.isRegularFile(options.walPath())) {
            throw new UserError(ExitCode.UNREADABLE, options.walPath() + ": no such WAL file");
        }
        try {
            return Database.open(path, options);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCode.UNREADABLE, path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError(ExitCode.UNREADABLE, path + ": permission denied");
        } catch (IOException e) {
            throw new UserError(ExitCode.UNREADABLE, path + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Opens a file whose contents must be a database (commands that read tables): a file with neither the SQLite
     * header string nor anything resembling a database is refused.
     */
    static Database openDatabase(Path path, OpenOptions options) {
        Database db = open(path, options);
        boolean badMagic = db.problems().stream().anyMatch(p -> p.kind() == ProblemKind.HEADER_MAGIC);
        if (badMagic && db.header().pageSize() == 0) {
            closeQuietly(db);
            throw new UserError(ExitCode.UNREADABLE, path + ": not an SQLite database (no SQLite header, no valid page size)");
        }
        return db;
    }

    static void closeQuietly(Database db) {
        try {
            db.close();
        } catch (IOException e) {
            // closing a read-only file: nothing to lose
        }
    }
}
