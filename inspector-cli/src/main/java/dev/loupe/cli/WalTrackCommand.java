package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Table;
import dev.loupe.wal.RowTrack;
import dev.loupe.wal.RowTracker;
import dev.loupe.wal.RowVersion;
import dev.loupe.wal.WalInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "track", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Every version of a row across the WAL's commits (commit 0 = the database file alone): at each "
                + "commit where the row appeared, changed, moved to another page or cell, or was deleted, its page, "
                + "cell and values (as loupe rows gives them).",
        footer = {"", "Examples:", "  loupe wal track app.db users 42",
                "  loupe wal track --format json app.db-wal users 42 | jq '.versions[].values'", "",
                "Only commits that wrote a page on the row's path (or of sqlite_schema) are examined.",
                "Exit codes: 0 ok, 1 the row is damaged at some commit, 2 unknown table or a rowid never present,"
                        + " 3 file unreadable."})
final class WalTrackCommand implements Callable<Integer> {

    /** Text values longer than this are cut in text output (JSON has them whole). */
    private static final int TEXT_VALUE_WIDTH = 40;
    private static final int WIDTH = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file or its -wal file.")
    Path file;

    @Parameters(index = "1", paramLabel = "TABLE", description = "Table name (case-insensitive).")
    String tableName;

    @Parameters(index = "2", paramLabel = "ROWID", description = "The rowid.")
    long rowid;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        try (WalInput in = WalFiles.resolve(file, wal, WalFiles.Reads.WAL).openInput()) {
            RowTrack t = new RowTracker(in).track(tableName, rowid);
            if (t.refusal() != null) {
                throw new UserError(ExitCode.USAGE, t.refusal());
            }
            if (!t.tableSeen()) {
                throw new UserError(ExitCode.USAGE, "no such table at any commit: " + tableName + tables(in));
            }
            if (!t.rowSeen()) {
                throw new UserError(ExitCode.USAGE, "rowid " + rowid + " is not in " + tableName
                        + " at any commit (0.." + t.commits() + ")");
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(in, t)));
            } else {
                text(out, in, t);
            }
            out.flush();
            boolean damaged = t.versions().stream().anyMatch(v -> !v.problems().isEmpty());
            return damaged ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    /** " (tables at the last commit: a, b)", read from the database as SQLite would see it. */
    private static String tables(WalInput in) throws IOException {
        try (Database db = in.openDatabase(in.commits().size())) {
            String names = db.schema().tables().stream().map(Table::name).collect(Collectors.joining(", "));
            return names.isEmpty() ? " (the schema has no tables)" : " (tables at the last commit: " + names + ")";
        }
    }

    private static void text(PrintWriter out, WalInput in, RowTrack t) {
        out.println("Row " + t.rowid() + " of " + t.table() + " across " + t.commits() + " commit"
                + (t.commits() == 1 ? "" : "s") + " of " + in.walPath().getFileName()
                + " (commit 0 = the database file alone; " + t.evaluated() + " examined):");
        out.println(String.format("%-7s %-7s %-14s %7s %5s  %s", "commit", "frame", "state", "page", "cell",
                "values"));
        for (RowVersion v : t.versions()) {
            boolean present = v.page() != 0;
            String row = String.format("%-7d %-7s %-14s %7s %5s  ", v.commit(), v.commit() == 0 ? "-"
                    : Integer.toString(v.lastFrame()), v.state().label(), present ? v.page() : "", present
                    ? v.cellIndex() : "");
            printValues(out, row, v.values());
            for (Problem p : v.problems()) {
                out.println("        problem: " + p.kind().code() + " " + p.span() + " " + p.message());
            }
        }
    }

    /** The values joined by '|', continued on further lines (aligned) so that no line passes 100 columns. */
    private static void printValues(PrintWriter out, String row, java.util.List<Value> values) {
        String indent = " ".repeat(row.length());
        StringBuilder line = new StringBuilder(row);
        for (int i = 0; i < values.size(); i++) {
            String piece = (i == 0 ? "" : "|") + shortLiteral(values.get(i));
            if (i > 0 && line.length() + piece.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent).append(piece);
            } else {
                line.append(piece);
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String shortLiteral(Value v) {
        String s = TextValues.literal(v);
        return s.length() <= TEXT_VALUE_WIDTH ? s : s.substring(0, TEXT_VALUE_WIDTH - 3) + "...";
    }

    private static ObjectNode json(WalInput in, RowTrack t) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("file", in.databasePath().toString());
        root.put("wal", in.walPath().toString());
        root.put("table", t.table());
        root.put("rowid", t.rowid());
        root.put("commits", t.commits());
        root.put("examinedCommits", t.evaluated());
        ArrayNode versions = root.putArray("versions");
        for (RowVersion v : t.versions()) {
            ObjectNode o = versions.addObject();
            o.put("commit", v.commit());
            o.put("lastFrame", v.lastFrame());
            o.put("state", v.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (v.page() != 0) {
                o.put("page", v.page());
                o.put("cell", v.cellIndex());
            } else {
                o.putNull("page");
                o.putNull("cell");
            }
            ArrayNode values = o.putArray("values");
            v.values().forEach(x -> values.add(JsonValues.value(x)));
            ArrayNode problems = o.putArray("problems");
            v.problems().forEach(p -> problems.add(JsonValues.problem(p)));
        }
        return root;
    }
}
