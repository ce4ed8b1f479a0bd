package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.hexdb.HexDbWriter;
import dev.loupe.format.page.ReadOnlyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "dbtotxt", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Write a database as the text of SQLite's dbtotxt tool, which the sqlite3 shell loads with"
                + " '.open --hexdb' (and 'loupe hexdb' turns back into a file): a size line, then every non-zero"
                + " 16-byte line of every page. With a WAL applied (the default when one is beside the file), the"
                + " pages are those SQLite would read.",
        footer = {"", "Examples:", "  loupe dbtotxt app.db > app.txt", "  loupe dbtotxt -o app.txt app.db",
                "  loupe dbtotxt app.db | sqlite3 -cmd '.open --hexdb' ... (or: .open --hexdb app.txt)",
                "", "Exit codes: 0 written, 2 usage error (OUT exists without --force), 3 file unreadable."})
final class DbToTxtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite OUT if it exists.")
    boolean force;

    @Option(names = "--format", paramLabel = "text", defaultValue = "text",
            description = "text (the dbtotxt text; the only format).")
    String format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text")) {
            throw new UserError(ExitCode.USAGE, "--format must be text (the dbtotxt text), not '" + format + "'");
        }
        try (DatabaseLease lease = wal.open(file)) {
            Database db = lease.db();
            String name = file.getFileName().toString();
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                write(db, name, out);
                out.flush();
            } else {
                try (OutputStream os = OutputFile.open(output, force, file);
                     Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                    write(db, name, w);
                }
            }
            return ExitCode.OK;
        }
    }

    private void write(Database db, String name, Appendable out) throws IOException {
        if (db.appliedCommit() > 0) {
            // the WAL's pages: the file as SQLite sees it, pageCount whole pages
            HexDbWriter.write(db.pages(), db.pageCount() * db.pageSize(), name, out);
        } else {
            try (ReadOnlyFile f = ReadOnlyFile.open(file)) {
                HexDbWriter.write(f, db.pageSize(), name, out);
            }
        }
    }
}
