package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Problem;
import dev.loupe.format.hexdb.HexDbImage;
import dev.loupe.format.hexdb.HexDbReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "hexdb", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Turn dbtotxt text (from 'loupe dbtotxt', SQLite's dbtotxt tool, a bug report or a Tcl test)"
                + " back into a database file, building the same bytes the sqlite3 shell's '.open --hexdb' would"
                + " load, and report every line the shell would silently skip.",
        footer = {"", "Examples:", "  loupe hexdb app.txt -o app.db", "  pbpaste | loupe hexdb - -o repro.db",
                "  loupe hexdb --force --format json report.txt -o repro.db",
                "", "Exit codes: 0 written, no problems; 1 written but the text has problems, or no database in the"
                + " text (nothing written); 2 usage error (OUT exists without --force); 3 TEXT unreadable."})
final class HexDbCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The dbtotxt text file, or - for standard input.")
    Path text;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.db", required = true, description = "The database file to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite OUT.db if it exists.")
    boolean force;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal; // accepted for uniformity: a text has no WAL

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        boolean stdin = text.toString().equals("-");
        if (!stdin) {
            if (Files.isDirectory(text)) {
                throw new UserError(ExitCode.UNREADABLE, text + ": is a directory, not a text file");
            }
            if (!Files.isReadable(text)) {
                throw new UserError(ExitCode.UNREADABLE, text + (Files.exists(text) ? ": permission denied"
                        : ": no such file"));
            }
        }
        if (Files.exists(output) && !force) {
            throw new UserError(ExitCode.USAGE, output + ": exists; use --force to overwrite it");
        }
        HexDbImage image;
        try (Reader in = stdin ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(text, StandardCharsets.ISO_8859_1)) {
            image = HexDbReader.read(in);
        }
        boolean written = image.hasPages() && image.bytes().length > 0;
        if (written) {
            try (OutputStream os = OutputFile.open(output, force, stdin ? null : text)) {
                os.write(image.bytes());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Problem> problems = image.problems();
        if (json) {
            ObjectNode o = JsonValues.NODES.objectNode();
            o.put("text", text.toString());
            o.put("output", written ? output.toString() : null);
            o.put("bytes", written ? image.bytes().length : 0);
            o.put("pageSize", image.pageSize());
            o.put("pages", image.pageSize() == 0 ? 0 : image.bytes().length / image.pageSize());
            o.put("name", image.name());
            ArrayNode ps = o.putArray("problems");
            problems.forEach(p -> ps.add(JsonValues.problem(p)));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } else {
            if (written) {
                out.printf("Wrote %s: %,d bytes, %d pages of %d bytes%s%n", output, image.bytes().length,
                        image.bytes().length / image.pageSize(), image.pageSize(),
                        image.name().isEmpty() ? "" : " (from " + image.name() + ")");
            } else {
                out.printf("Nothing written: the text holds no database (no valid '| size N pagesize P' line)%n");
            }
            if (!problems.isEmpty()) {
                out.printf("Problems   %d (lines the sqlite3 shell skips or a dbtotxt text never has)%n",
                        problems.size());
                for (Problem p : problems) {
                    out.printf("  %-16s text %-16s %s%n", p.kind().code(), "@" + p.span().offset() + "+"
                            + p.span().length(), p.message());
                }
            }
        }
        out.flush();
        return written && problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
