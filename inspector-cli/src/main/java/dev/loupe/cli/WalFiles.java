package dev.loupe.cli;

import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.ShmFile;
import dev.loupe.format.wal.WalFile;
import dev.loupe.wal.WalInput;
import dev.loupe.wal.WalPair;
import dev.loupe.wal.WalPaths;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files a {@code loupe wal} command or {@code loupe shm} reads, found from FILE and {@code --wal} by one set of
 * rules, every mistake one error line (docs/cli.md, "loupe wal subcommands"):
 * <ul>
 *   <li>FILE is the database (its WAL is FILE-wal), its -wal (the database is the name without -wal) or, for
 *       {@code loupe shm}, its -shm (the database is the name without -shm). FILE must exist.</li>
 *   <li>{@code --wal PATH} names the WAL, which must exist; the database is still the one FILE names.</li>
 *   <li>{@code --wal ignore} means no WAL: a command that reads the WAL refuses it (usage error); checkout and
 *       bisect see commit 0 (the database file alone); shm checks its hash tables against no WAL.</li>
 *   <li>No WAL beside the database: an error for a command that reads the WAL; none for the others.</li>
 *   <li>A -wal given without its database: a command that reads the WAL reads the database as empty (a page no
 *       frame holds reads as zeros); checkout and bisect, which read the database file, refuse.</li>
 * </ul>
 *
 * @param database       the database file (it may not exist: see {@code databaseExists})
 * @param databaseExists whether it does
 * @param wal            the WAL to read, null for none
 * @param shm            the -shm: FILE for {@code loupe shm}, else the one beside the database when it exists
 */
record WalFiles(Path database, boolean databaseExists, Path wal, Optional<Path> shm) {

    /** What a command reads. */
    enum Reads {
        /** The WAL, with the database when it exists (wal, commits, history, diff, track). */
        WAL,
        /** The database file, with its WAL when it has one (checkout, bisect). */
        DATABASE,
        /** A -shm file, with the WAL when there is one (shm). */
        SHM
    }

    /** Resolves FILE and {@code --wal} for a command that reads {@code reads}, or throws the error line. */
    static WalFiles resolve(Path file, WalOption option, Reads reads) {
        boolean isWal = reads != Reads.SHM && WalPaths.namesWal(file);
        requireFile(file, reads == Reads.SHM ? "-shm" : isWal ? "WAL" : "database");
        WalPaths names = reads == Reads.SHM ? WalPaths.ofShm(file) : WalPaths.of(file);
        Path database = names.database();
        if (Files.isDirectory(database)) {
            throw new UserError(ExitCode.UNREADABLE, database + ": is a directory, not a database file");
        }
        boolean databaseExists = Files.exists(database);
        if (reads == Reads.DATABASE && !databaseExists) {
            throw new UserError(ExitCode.UNREADABLE, database + ": no such database file (" + file.getFileName()
                    + " is its WAL; this command reads the database file)");
        }
        Path wal;
        if ("ignore".equals(option.wal)) {
            if (reads == Reads.WAL) {
                throw new UserError(ExitCode.USAGE, "--wal ignore makes no sense here: this command reads the WAL");
            }
            wal = null;
        } else if (!"auto".equals(option.wal)) {
            wal = Path.of(option.wal);
            requireWal(wal, "no such WAL file");
        } else {
            wal = names.wal();
            if (reads == Reads.WAL) {
                requireWal(wal, "no such WAL file (the database has no WAL; name one with --wal PATH)");
            } else if (!Files.isRegularFile(wal)) {
                wal = null;
            }
        }
        Path shm = names.shm();
        return new WalFiles(database, databaseExists, wal,
                reads == Reads.SHM || Files.isRegularFile(shm) ? Optional.of(shm) : Optional.empty());
    }

    /** The database and WAL opened for reading any version of any page (the caller closes it). */
    WalInput openInput() {
        try {
            return WalInput.open(database, databaseExists, wal);
        } catch (IOException e) {
            throw unreadable(e, wal);
        }
    }

    /** The database file with its WAL, if any, opened for reading the database as of any commit. */
    WalPair openPair() {
        try {
            return WalPair.open(database, wal, wal != null);
        } catch (IOException e) {
            throw unreadable(e, database);
        }
    }

    /** The WAL decoded (its file closed again); empty when there is no WAL. */
    Optional<WalFile> readWal() {
        if (wal == null) {
            return Optional.empty();
        }
        try (ReadOnlyFile f = ReadOnlyFile.open(wal)) {
            return Optional.of(WalFile.read(f));
        } catch (IOException e) {
            throw unreadable(e, wal);
        }
    }

    /** The -shm decoded; empty when there is none. */
    Optional<ShmFile> readShm() {
        if (shm.isEmpty()) {
            return Optional.empty();
        }
        try (ReadOnlyFile f = ReadOnlyFile.open(shm.get())) {
            return Optional.of(ShmFile.read(f));
        } catch (IOException e) {
            throw unreadable(e, shm.get());
        }
    }

    private static void requireFile(Path p, String what) {
        if (Files.isDirectory(p)) {
            throw new UserError(ExitCode.UNREADABLE, p + ": is a directory, not a " + what + " file");
        }
        if (!Files.exists(p)) {
            throw new UserError(ExitCode.UNREADABLE, p + ": no such file");
        }
    }

    private static void requireWal(Path wal, String missing) {
        if (Files.isDirectory(wal)) {
            throw new UserError(ExitCode.UNREADABLE, wal + ": is a directory, not a WAL file");
        }
        if (!Files.exists(wal)) {
            throw new UserError(ExitCode.UNREADABLE, wal + ": " + missing);
        }
    }

    private static UserError unreadable(IOException e, Path fallback) {
        if (e instanceof NoSuchFileException n) {
            return new UserError(ExitCode.UNREADABLE, (n.getFile() != null ? n.getFile() : fallback)
                    + ": no such file");
        }
        if (e instanceof AccessDeniedException a) {
            return new UserError(ExitCode.UNREADABLE, (a.getFile() != null ? a.getFile() : fallback)
                    + ": permission denied");
        }
        return new UserError(ExitCode.UNREADABLE, fallback + ": cannot read: " + e.getMessage());
    }
}
