package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.HeaderField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "header", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show every field of the 100-byte database header: offset, size, raw bytes, value and"
                + " meaning (like showdb's dbheader), and what is wrong with it.",
        footer = {"", "Examples:", "  loupe header app.db", "  loupe header --format json app.db | jq '.fields[1]'",
                "", "Exit codes: 0 header well formed, 1 problems found, 3 file unreadable."})
final class HeaderCommand implements Callable<Integer> {

    /** Bytes shown per line in the raw-bytes column; longer fields continue on the next lines. */
    private static final int BYTES_PER_LINE = 4;
    /** Width of the meaning column, so that a line fits in 100 columns. */
    private static final int MEANING_WIDTH = 32;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseLease lease = wal.open(file)) {
            Database db = lease.db();
            DatabaseHeader h = db.header();
            List<Problem> problems = h.problems();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(db, h, problems)));
            } else {
                text(out, db, h, problems);
            }
            out.flush();
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static void text(PrintWriter out, Database db, DatabaseHeader h, List<Problem> problems) {
        out.printf("Database header of %s (page 1, bytes 0..99)%n", db.name());
        out.printf("  %6s %4s  %-26s %-11s %12s  %s%n", "offset", "size", "field", "bytes", "value", "meaning");
        byte[] raw = h.raw();
        for (HeaderField f : h.fields()) {
            int off = (int) f.span().offset();
            int len = f.span().length();
            List<String> bytes = new ArrayList<>();
            for (int k = 0; k < len; k += BYTES_PER_LINE) {
                bytes.add(HexText.spaced(raw, off + k, Math.min(BYTES_PER_LINE, len - k)));
            }
            List<String> meaning = wrap(f.meaning(), MEANING_WIDTH);
            for (int line = 0; line < Math.max(bytes.size(), meaning.size()); line++) {
                String b = line < bytes.size() ? bytes.get(line) : "";
                String m = line < meaning.size() ? meaning.get(line) : "";
                String row = line == 0
                        ? String.format("  %6d %4d  %-26s %-11s %12d  %s", off, len, f.name(), b, f.raw(), m)
                        : String.format("  %6s %4s  %-26s %-11s %12s  %s", "", "", "", b, "", m);
                out.println(row.stripTrailing());
            }
        }
        out.println();
        ProblemText.print(out, problems);
    }

    /** Splits {@code s} at spaces into lines of at most {@code width} characters (longer words stay whole). */
    static List<String> wrap(String s, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.add(line.toString());
        return out;
    }

    private static ObjectNode json(Database db, DatabaseHeader h, List<Problem> problems) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("file", db.name());
        ArrayNode fields = root.putArray("fields");
        byte[] raw = h.raw();
        for (HeaderField f : h.fields()) {
            ObjectNode o = fields.addObject();
            o.put("name", f.name());
            o.put("offset", f.span().offset());
            o.put("length", f.span().length());
            o.put("hex", HexText.plain(raw, (int) f.span().offset(), f.span().length()));
            o.put("value", f.raw());
            o.put("meaning", f.meaning());
        }
        ArrayNode ps = root.putArray("problems");
        problems.forEach(p -> ps.add(JsonValues.problem(p)));
        return root;
    }
}
