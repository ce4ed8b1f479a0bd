package dev.loupe.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file a command writes at the user's request (-o OUT): never an existing file unless --force, never one of the
 * command's input files (Loupe never writes to what it reads), and a parent directory that exists.
 */
final class OutputFile {

    private OutputFile() {
    }

    static OutputStream open(Path out, boolean force, Path input) throws IOException {
        if (Files.isDirectory(out)) {
            throw new UserError(ExitCode.USAGE, out + ": is a directory; give a file name to write");
        }
        if (input != null && Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input)) {
            throw new UserError(ExitCode.USAGE, out + ": is the input file; Loupe never writes to what it reads");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError(ExitCode.USAGE, parent + ": no such directory");
        }
        try {
            return force ? Files.newOutputStream(out) : Files.newOutputStream(out, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(ExitCode.USAGE, out + ": exists; use --force to overwrite it");
        }
    }
}
