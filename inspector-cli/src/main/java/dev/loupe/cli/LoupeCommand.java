package dev.loupe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "loupe", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads SQLite database and WAL files byte by byte, without SQLite, to diagnose corruption.",
        footer = {"", "Start with: loupe demo", "Exit codes: 0 ok, 1 problems found, 2 usage error,"
                + " 3 file unreadable. Docs: docs/cli.md"})
final class LoupeCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them. Not in the annotation: {@link Main} adds only the one a
     * command line names (picocli reads every added command's annotations up front), and all of them when the line
     * names none it knows (help, usage errors, completion, the shell).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(InfoCommand.class, HeaderCommand.class, RowsCommand.class,
            PagesCommand.class, PageCommand.class, CellCommand.class, TreeCommand.class, FindCommand.class,
            OverflowCommand.class, SchemaCommand.class, SpaceCommand.class, FreelistCommand.class,
            PtrmapCommand.class, HexdumpCommand.class, DbToTxtCommand.class, HexDbCommand.class, ShellCommand.class,
            DemoCommand.class, CheckCommand.class, WalCommand.class, ShmCommand.class, JournalCommand.class,
            EnginesCommand.class, GuiCommand.class, IssueCommand.class, ReproCommand.class, DiffCommand.class);

    @Spec
    CommandSpec spec;

    // Inherited: `loupe --no-color page ...`, `loupe page --no-color ...` and shell lines all set this field.
    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour in text output. Colour is used only when stdout is a terminal and NO_COLOR is"
                    + " unset; never in JSON, DOT or files.")
    boolean noColor;

    /** The style stdout takes without --no-color: set by {@link Main} (ANSI only when stdout is a terminal). */
    Style terminalStyle = Style.PLAIN;

    Style style() {
        return noColor ? Style.PLAIN : terminalStyle;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}
