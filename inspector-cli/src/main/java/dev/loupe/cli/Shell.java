package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.Progress;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Table;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The commands of {@code loupe shell}: each line is split like a shell line, the database path is put after the
 * command name and the line runs through the loupe command line whose commands borrow the session's database.
 * Navigation ({@code child}, {@code up}, {@code next}, {@code prev}, {@code back}) moves the current page.
 */
final class Shell {

    /** The loupe commands that take the database file as their first argument. */
    static final List<String> FILE_COMMANDS = List.of("info", "header", "page", "cell", "rows", "tree", "find",
            "schema", "pages", "space", "freelist", "ptrmap", "hexdump", "overflow", "dbtotxt");
    /** The shell's own commands. */
    static final List<String> SHELL_COMMANDS = List.of("tables", "child", "up", "next", "prev", "back", ".format",
            "help", "quit", "exit");
    private static final Set<String> VALUE_OPTIONS = Set.of("--format", "--wal", "--limit", "--depth", "-o",
            "--output", "--offset", "--length", "--where", "--columns");

    private final Session session;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Style style;
    private final Parser parser = new DefaultParser();
    private final ShellPlace place = new ShellPlace();
    private String format = "text";
    private boolean quit;

    Shell(Session session, PrintWriter out, PrintWriter err) {
        this(session, out, err, Style.PLAIN);
    }

    /** A shell whose commands style their text with {@code style} (unless a line says --no-color). */
    Shell(Session session, PrintWriter out, PrintWriter err, Style style) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.style = style;
    }

    boolean quitRequested() {
        return quit;
    }

    Session session() {
        return session;
    }

    ShellPlace place() {
        return place;
    }

    /** The prompt: the file name and the current page, e.g. {@code demo.db page 8> }. */
    String prompt() {
        String name = String.valueOf(session.file().getFileName());
        return place.page() == 0 ? name + "> " : name + " page " + place.page() + "> ";
    }

    /**
     * Runs the lines of a script (stdin that is not a terminal) until the end or {@code quit}, printing only results.
     * Returns the worst exit code of its commands.
     */
    int runScript(BufferedReader in) throws IOException {
        int worst = ExitCode.OK;
        String line;
        while (!quit && (line = in.readLine()) != null) {
            worst = Math.max(worst, runLine(line));
        }
        return worst;
    }

    /** Runs one line and returns its exit code; errors are printed as one line and never end the shell. */
    int runLine(String line) {
        List<String> words;
        try {
            words = new ArrayList<>(parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words());
        } catch (EOFError e) {
            return error(ExitCode.USAGE, "unfinished quote: " + e.getMessage());
        }
        words.removeIf(String::isEmpty);
        if (words.isEmpty() || words.get(0).startsWith("#")) {
            return ExitCode.OK;
        }
        try {
            int code = dispatch(words.get(0), words.subList(1, words.size()));
            out.flush();
            return code;
        } catch (UserError e) {
            out.flush();
            return error(e.exitCode(), e.getMessage());
        } catch (IOException e) {
            out.flush();
            return error(ExitCode.UNREADABLE, "I/O error: " + e.getMessage());
        }
    }

    private int dispatch(String command, List<String> args) throws IOException {
        switch (command) {
            case "quit", "exit" -> {
                quit = true;
                return ExitCode.OK;
            }
            case "help", "?" -> {
                help();
                return ExitCode.OK;
            }
            case ".format" -> {
                if (args.size() != 1) {
                    throw new UserError(ExitCode.USAGE, ".format takes text or json (now " + format + ")");
                }
                format = Formats.require(args.get(0), "text", "json");
                return ExitCode.OK;
            }
            case "tables" -> {
                tables();
                return ExitCode.OK;
            }
            case "child" -> {
                int i = intArg(command, args);
                return showPage(place.child(session.database(), i));
            }
            case "up" -> {
                return showPage(place.up(session.database(), session.pageMap(Progress.NONE)));
            }
            case "next", "prev" -> {
                return showPage(place.sibling(session.pageMap(Progress.NONE), command.equals("next") ? 1 : -1));
            }
            case "back" -> {
                return showPage(place.back());
            }
            case "shell" -> throw new UserError(ExitCode.USAGE, "already in a shell");
            default -> {
                if (!FILE_COMMANDS.contains(command)) {
                    throw new UserError(ExitCode.USAGE, "unknown command '" + command + "'; type help for the list");
                }
                return fileCommand(command, args);
            }
        }
    }

    private int fileCommand(String command, List<String> args) {
        List<String> positional = positionals(args);
        List<String> line = new ArrayList<>(args);
        boolean onCurrentPage = (command.equals("cell") || command.equals("overflow")) && positional.size() == 1;
        if (onCurrentPage) {
            if (place.page() == 0) {
                throw new UserError(ExitCode.USAGE, "no current page: use '" + command + " N I' or 'page N' first");
            }
            line.add(line.indexOf(positional.get(0)), Long.toString(place.page()));
        }
        int code = run(command, line);
        if (code <= ExitCode.FINDINGS) {
            List<String> now = positionals(line);
            if (command.equals("page") && !now.isEmpty()) {
                place.jump(Long.parseLong(now.get(0)));
            } else if (command.equals("cell") && now.size() == 2) {
                long pg = Long.parseLong(now.get(0));
                if (pg != place.page()) {
                    place.jump(pg);
                }
                place.selectCell(Integer.parseInt(now.get(1)));
            }
        }
        return code;
    }

    private int showPage(long pgno) {
        return run("page", List.of(Long.toString(pgno)));
    }

    /** Runs a loupe command with the database path inserted and the shell's default format added. */
    private int run(String command, List<String> args) {
        CommandLine cl = Main.commandLine(out, err, new SessionFactory(session), style);
        List<String> full = new ArrayList<>();
        full.add(command);
        full.add(session.file().toString());
        full.addAll(args);
        CommandLine sub = cl.getSubcommands().get(command);
        if (sub != null && sub.getCommandSpec().findOption("--format") != null && !args.contains("--format")
                && args.stream().noneMatch(a -> a.startsWith("--format="))) {
            full.add("--format");
            full.add(format);
        }
        int code = cl.execute(full.toArray(String[]::new));
        out.flush();
        err.flush();
        return code;
    }

    private static List<String> positionals(List<String> args) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && !a.matches("-\\d+")) {
                if (VALUE_OPTIONS.contains(a)) {
                    i++;
                }
            } else {
                p.add(a);
            }
        }
        return p;
    }

    private static int intArg(String command, List<String> args) {
        if (args.size() != 1) {
            throw new UserError(ExitCode.USAGE, command + " takes one number");
        }
        try {
            return Integer.parseInt(args.get(0));
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, command + ": '" + args.get(0) + "' is not a number");
        }
    }

    private void tables() throws IOException {
        Database db = session.database();
        out.printf("%-6s %-32s %-24s %s%n", "type", "name", "table", "root");
        for (Table t : db.schema().tables()) {
            out.printf("%-6s %-32s %-24s %d%n", "table", t.name(), t.name(), t.rootPage());
        }
        for (Index i : db.schema().indexes()) {
            out.printf("%-6s %-32s %-24s %d%n", "index", i.name(), i.tableName(), i.rootPage());
        }
    }

    private void help() {
        out.println("Commands (the loupe commands, without the file name; 'CMD --help' for each):");
        out.println("  info  header  schema  pages  space  freelist  ptrmap  dbtotxt");
        out.println("  page N [--hex] [--map]     show page N and make it the current page");
        out.println("  cell I | cell N I          cell I of the current page (or of page N)");
        out.println("  overflow I | overflow N I  the overflow chain of a cell");
        out.println("  rows TABLE [--limit N]  tree NAME [--depth K]  find TABLE ROWID  hexdump ...");
        out.println("Shell commands:");
        out.println("  tables                     tables and indexes with their root pages");
        out.println("  child I                    child I of the current interior page (I = cells: right child)");
        out.println("  up  next  prev  back       parent, next/previous leaf in key order, previous page");
        out.println("  .format text|json         default format of later commands (now " + format + ")");
        out.println("  help  quit  exit  (Ctrl-D) ");
    }

    private int error(int code, String message) {
        err.println("loupe: " + message);
        err.flush();
        return code;
    }
}
