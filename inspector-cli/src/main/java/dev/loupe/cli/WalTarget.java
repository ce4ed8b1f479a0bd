package dev.loupe.cli;

import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.ShmFile;
import dev.loupe.format.wal.WalFile;
import dev.loupe.wal.WalPaths;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The WAL a {@code loupe wal} command reads: FILE is the database or its -wal; {@code --wal PATH} names the WAL
 * explicitly. Holds the open WAL file (the caller closes this) and the -shm beside the database, decoded, if any.
 */
final class WalTarget implements Closeable {

    final WalPaths paths;
    final ReadOnlyFile walFile;
    final WalFile wal;
    final Optional<ShmFile> shm;

    private WalTarget(WalPaths paths, ReadOnlyFile walFile, WalFile wal, Optional<ShmFile> shm) {
        this.paths = paths;
        this.walFile = walFile;
        this.wal = wal;
        this.shm = shm;
    }

    static WalTarget open(Path file, WalOption option) {
        if (!Files.exists(file)) {
            throw new UserError(ExitCode.UNREADABLE, file + ": no such file");
        }
        WalPaths paths = WalPaths.of(file);
        if ("ignore".equals(option.wal)) {
            throw new UserError(ExitCode.USAGE, "--wal ignore: this command reads the WAL itself");
        }
        if (!"auto".equals(option.wal)) {
            paths = new WalPaths(paths.database(), Path.of(option.wal), paths.shm());
        }
        if (!Files.exists(paths.wal())) {
            throw new UserError(ExitCode.UNREADABLE, paths.wal() + ": no such WAL file (the database has no WAL)");
        }
        ReadOnlyFile f = SideFiles.open(paths.wal(), "WAL");
        try {
            WalFile wal = WalFile.read(f);
            Optional<ShmFile> shm = Optional.empty();
            if (paths.shm().isPresent()) {
                try (ReadOnlyFile s = SideFiles.open(paths.shm().get(), "-shm")) {
                    shm = Optional.of(ShmFile.read(s));
                }
            }
            return new WalTarget(paths, f, wal, shm);
        } catch (IOException | RuntimeException e) {
            closeQuietly(f);
            if (e instanceof UserError u) {
                throw u;
            }
            throw new UserError(ExitCode.UNREADABLE, paths.wal() + ": cannot read: " + e.getMessage());
        }
    }

    private static void closeQuietly(ReadOnlyFile f) {
        try {
            f.close();
        } catch (IOException e) {
            // closing a read-only file: nothing to lose
        }
    }

    @Override
    public void close() throws IOException {
        walFile.close();
    }
}
