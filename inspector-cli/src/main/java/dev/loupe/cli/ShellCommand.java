package dev.loupe.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Opens the database once and reads commands: the loupe commands without the file name"
                + " (page 8, cell 2, rows books --limit 5, tree books, ...), plus navigation (child I, up, next,"
                + " prev, back), tables, .format text|json, help, quit.",
                "On a terminal: a prompt with the current page, history in $LOUPE_HISTORY or ~/.loupe_history,"
                        + " Tab completion, Ctrl-C stops the running command, Ctrl-D quits. With stdin not a"
                        + " terminal, lines are read one by one and only results are printed."},
        footer = {"", "Examples:", "  loupe shell demo.db", "  printf 'page 1\\ntables\\n' | loupe shell demo.db",
                "", "Exit codes: the worst exit code of the commands run (0 ok, 1 problems found, 2 usage error,"
                + " 3 file unreadable); errors do not end the shell."})
final class ShellCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Mixin
    WalOption wal;

    /** Set by the shell's own factory: a shell inside a shell is refused. */
    boolean nested;

    @Override
    public Integer call() throws IOException {
        if (nested) {
            throw new UserError(ExitCode.USAGE, "already in a shell");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Session session = Session.open(file, wal.toOptions())) {
            if (System.console() == null) {
                Shell shell = new Shell(session, spec.commandLine().getOut(), err);
                return shell.runScript(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                // Colour as `loupe` itself would on this terminal, unless --no-color was given.
                Shell shell = new Shell(session, terminal.writer(), err, Style.of(spec));
                terminal.writer().println("loupe shell on " + file + " (" + session.database().pageCount()
                        + " pages). Type help for the commands, quit or Ctrl-D to leave.");
                return ShellConsole.interact(shell, terminal, ShellConsole.historyFile());
            }
        }
    }
}
