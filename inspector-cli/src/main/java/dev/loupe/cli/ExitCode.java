package dev.loupe.cli;

/** Exit codes of every loupe command (docs/cli.md; the contract of DESIGN.md). */
public final class ExitCode {

    /** Success; for checking commands, nothing at or above the failure threshold. */
    public static final int OK = 0;
    /** The file was read and has problems (findings). */
    public static final int FINDINGS = 1;
    /** Usage error: bad option, unknown table, page number out of range. */
    public static final int USAGE = 2;
    /** A file could not be read at all: missing, a directory, no permission, not a database. */
    public static final int UNREADABLE = 3;
    /** The command was interrupted (Ctrl-C in the shell), as shells report SIGINT: 128 + 2. */
    public static final int INTERRUPTED = 130;
    /** An unexpected internal error (a bug in Loupe: please report it). */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
