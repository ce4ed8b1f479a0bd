package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.repro.diff.DiffClass;
import dev.loupe.repro.diff.DiffOptions;
import dev.loupe.repro.diff.DiffText;
import dev.loupe.repro.diff.FileDiff;
import dev.loupe.repro.diff.FileDiffJson;
import dev.loupe.repro.diff.FileDiffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Structural diff of two database files (say the same SQL run by SQLite and by Turso), each"
                + " read by Loupe with its WAL applied: header fields, schema rows, every table's rows and every"
                + " index's entries (matched by rowid or key), tree shapes, page and cell placement, freelist,"
                + " pointer map, and the checker's findings on each file.",
                "Each difference is benign (layout and counters another correct engine may choose differently) or"
                        + " incompatible (other rows, values or encodings, settings the application reads back,"
                        + " structure one file gets wrong); docs/diff.md gives the class of each and why."},
        footer = {"", "Examples:", "  loupe diff sqlite.db turso.db", "  loupe diff --benign a.db b.db",
                "  loupe diff --format json a.db b.db | jq '.differences[] | select(.class == \"incompatible\")'",
                "", "Exit codes: 0 no incompatible difference, 1 incompatible differences, 2 usage error,"
                + " 3 a file unreadable or not a database."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first database file (the reference).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second database file.")
    Path b;

    @Option(names = "--benign", description = "List benign differences one by one (by default they are counted per"
            + " kind). JSON lists them always.")
    boolean benign;

    @Option(names = "--max", paramLabel = "N", defaultValue = "" + DiffOptions.DEFAULT_MAX_LISTED,
            description = "List at most N differences of each class; all are counted (default: ${DEFAULT-VALUE}).")
    int max;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        if (max < 1) {
            throw new UserError(ExitCode.USAGE, "--max must be at least 1");
        }
        OpenOptions options = wal.toOptions();
        if (options.wal() == OpenOptions.WalChoice.PATH) {
            throw new UserError(ExitCode.USAGE, "--wal PATH names the WAL of one database; diff reads two: use"
                    + " --wal auto (each file's own -wal) or --wal ignore");
        }
        PrintWriter out = spec.commandLine().getOut();
        FileDiff d;
        try (Database da = open(a, options); Database db = open(b, options);
             TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "loupe: diffing " + a
                     + " and " + b, !json)) {
            d = new FileDiffer(DiffOptions.defaults().withMaxListed(max).withProgress(progress)).diff(da, db);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(FileDiffJson.of(d, true)));
            } else {
                text(out, da, db, d);
            }
        }
        out.flush();
        return d.hasIncompatible() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * Opens a file that must be a database. An empty file is one (SQLite creates the file before writing any page,
     * and reads a zero-length file as an empty database); a file with neither the header string nor a valid page
     * size is refused.
     */
    private static Database open(Path file, OpenOptions options) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
            return Opener.open(file, options);
        }
        return Opener.openDatabase(file, options);
    }

    private void text(PrintWriter out, Database da, Database db, FileDiff d) {
        Style style = Style.of(spec);
        out.println("A: " + describe(da));
        out.println("B: " + describe(db));
        out.println();
        for (DiffText.Line line : DiffText.lines(d, benign)) {
            String t = line.text();
            if (line.heading()) {
                out.println(style.heading(t));
            } else if (line.diffClass() != null) {
                // colour the class word only; the text after it stays plain
                String word = line.diffClass().label();
                int at = t.indexOf(word);
                String styled = line.diffClass() == DiffClass.INCOMPATIBLE ? style.error(word) : style.dim(word);
                out.println(t.substring(0, at) + styled + t.substring(at + word.length()));
            } else {
                out.println(t);
            }
        }
    }

    private static String describe(Database db) {
        if (db.pageCount() == 0) {
            return db.name() + " (empty: no page written)";
        }
        return db.name() + " (" + db.pageCount() + (db.pageCount() == 1 ? " page" : " pages") + " of "
                + db.pageSize() + " bytes"
                + (db.appliedCommit() > 0 ? ", WAL applied up to commit " + db.appliedCommit() : "") + ")";
    }
}
