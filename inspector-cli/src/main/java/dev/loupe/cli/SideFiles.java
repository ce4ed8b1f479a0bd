package dev.loupe.cli;

import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a WAL, -shm or journal file read-only, turning what the user can get wrong into one-line errors. */
final class SideFiles {

    private SideFiles() {
    }

    /** Opens {@code path}; {@code what} names the file in errors ("WAL", "-shm", "journal"). */
    static ReadOnlyFile open(Path path, String what) {
        if (Files.isDirectory(path)) {
            throw new UserError(ExitCode.UNREADABLE, path + ": is a directory, not a " + what + " file");
        }
        if (!Files.exists(path)) {
            throw new UserError(ExitCode.UNREADABLE, path + ": no such " + what + " file");
        }
        try {
            return ReadOnlyFile.open(path);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCode.UNREADABLE, path + ": no such " + what + " file");
        } catch (AccessDeniedException e) {
            throw new UserError(ExitCode.UNREADABLE, path + ": permission denied");
        } catch (IOException e) {
            throw new UserError(ExitCode.UNREADABLE, path + ": cannot read: " + e.getMessage());
        }
    }

    static String hex32(long v) {
        return String.format("0x%08x", v);
    }
}
