package dev.loupe.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the {@code loupe} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Output is buffered and flushed at the end (rows can be millions of lines); errors go out at once.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // Colour only when stdout, which `out` writes to, is a terminal (see Style.forTerminal).
        System.exit(run(args, out, err, Style.forTerminal(System.getenv(), System.console() != null)));
    }

    /** Runs one command line with the given streams and returns its exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Style.PLAIN);
    }

    /** As above, with the style text output takes unless --no-color is given (tests force {@link Style#ANSI}). */
    static int run(String[] args, PrintWriter out, PrintWriter err, Style terminalStyle) {
        int code = commandLine(out, err, CommandLine.defaultFactory(), terminalStyle, named(args)).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The loupe command line, writing to the given streams, with one-line errors and documented exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /** As above, with the factory that creates commands and mixins (the shell's hands them its open database). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        return commandLine(out, err, factory, Style.PLAIN);
    }

    /** As above; text output is styled with {@code terminalStyle} unless --no-color is given. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory,
                                   Style terminalStyle) {
        return commandLine(out, err, factory, terminalStyle, null);
    }

    /**
     * As above, with only the subcommand named {@code only} when there is one by that name (a command line that
     * names it), else every subcommand, and every one for {@code completion}, whose script covers them all.
     * Picocli builds each added command's model up front from its annotations (some 25 ms for all of them, measured
     * with async-profiler on a one-file check).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory,
                                   Style terminalStyle, String only) {
        LoupeCommand top = new LoupeCommand();
        top.terminalStyle = terminalStyle;
        CommandLine cl = new CommandLine(top, factory);
        List<Class<?>> named = only == null || only.equals("completion") ? List.of()
                : LoupeCommand.SUBCOMMANDS.stream().filter(c -> names(c).contains(only)).toList();
        for (Class<?> c : named.isEmpty() ? LoupeCommand.SUBCOMMANDS : named) {
            cl.addSubcommand(c);
        }
        if (named.isEmpty()) {
            completion(cl, factory);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof java.io.UncheckedIOException u) {
                cause = u.getCause();
            }
            if (cause instanceof UserError u) {
                commandLine.getErr().println("loupe: " + u.getMessage());
                return u.exitCode();
            }
            if (cause instanceof java.io.InterruptedIOException) {
                commandLine.getErr().println("loupe: interrupted");
                return ExitCode.INTERRUPTED;
            }
            if (cause instanceof java.io.IOException io) {
                commandLine.getErr().println("loupe: I/O error: " + io.getMessage());
                return ExitCode.UNREADABLE;
            }
            commandLine.getErr().println("loupe: internal error (" + cause + "); please report it with the"
                    + " command line and, if you can, the file. Set LOUPE_DEBUG=1 for a stack trace.");
            if (System.getenv("LOUPE_DEBUG") != null) {
                cause.printStackTrace(commandLine.getErr());
            }
            return ExitCode.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("loupe: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        return cl;
    }

    /** `loupe completion` prints a bash/zsh completion script (source it, or put it in bash_completion.d). */
    private static void completion(CommandLine cl, CommandLine.IFactory factory) {
        CommandLine generate = new CommandLine(new AutoComplete.GenerateCompletion(), factory);
        generate.getCommandSpec().name("completion");
        cl.addSubcommand("completion", generate);
        CommandLine.Model.UsageMessageSpec completion = cl.getSubcommands().get("completion").getCommandSpec()
                .usageMessage();
        completion.hidden(false);
        // picocli's own text names the command "generate-completion"; here it is "completion"
        completion.description("Print a bash/zsh completion script for loupe.", "Run the following command to give"
                + " `loupe` TAB completion in the current shell:", "", "  source <(loupe completion)", "");
    }

    /** The first argument that is not an option: the subcommand a command line names, if any (null if none). */
    static String named(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static List<String> names(Class<?> command) {
        CommandLine.Command c = command.getAnnotation(CommandLine.Command.class);
        List<String> names = new ArrayList<>(List.of(c.aliases()));
        names.add(c.name());
        return names;
    }
}
