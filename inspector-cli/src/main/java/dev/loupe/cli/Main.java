package dev.loupe.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point of the {@code loupe} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams and returns its exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The loupe command line, writing to the given streams, with one-line errors and documented exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new LoupeCommand());
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
}
