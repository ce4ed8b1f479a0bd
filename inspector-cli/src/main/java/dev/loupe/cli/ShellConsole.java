package dev.loupe.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The interactive side of the shell: a JLine line reader with history and completion. Each command runs on a worker
 * thread so that Ctrl-C interrupts the command and not the shell.
 */
final class ShellConsole {

    private ShellConsole() {
    }

    /** Reads and runs lines until quit or Ctrl-D; returns the worst exit code of the commands. */
    static int interact(Shell shell, Terminal terminal, Path history) throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("loupe")
                .completer(new ShellCompleter(shell))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .build();
        int worst = ExitCode.OK;
        try {
            while (!shell.quitRequested()) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt clears the line
                } catch (EndOfFileException e) {
                    break;
                }
                worst = Math.max(worst, runInterruptibly(shell, terminal, line));
            }
        } finally {
            reader.getHistory().save();
        }
        return worst;
    }

    private static int runInterruptibly(Shell shell, Terminal terminal, String line) {
        int[] code = {ExitCode.OK};
        Thread worker = new Thread(() -> code[0] = shell.runLine(line), "loupe-shell-command");
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> worker.interrupt());
        worker.start();
        boolean interrupted = false;
        try {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    worker.interrupt();
                    interrupted = true;
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return code[0];
    }

    /** $LOUPE_HISTORY if set, else ~/.loupe_history. */
    static Path historyFile() {
        String env = System.getenv("LOUPE_HISTORY");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".loupe_history");
    }
}
