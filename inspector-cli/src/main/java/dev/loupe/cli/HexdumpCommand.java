package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "hexdump", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Plain hex and ASCII dump, 16 bytes a line with decimal offsets, of one page or of a byte range"
                + " of the database (as viewed: its -wal applied unless --wal ignore).",
        footer = {"", "Examples:", "  loupe hexdump --page 2 app.db", "  loupe hexdump --offset 0 --length 100 app.db"
                + "     (the database header)", "  loupe hexdump --format json --page 2 app.db | jq -r '.hex'",
                "", "Exit codes: 0 dumped, 2 page or range outside the database, 3 file unreadable."})
final class HexdumpCommand implements Callable<Integer> {

    private static final int PER_LINE = 16;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--page", paramLabel = "N", required = true, description = "Dump page N (offsets in the page).")
        Long page;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--offset", paramLabel = "O", required = true, description = "First byte (file offset).")
        long offset;

        @Option(names = "--length", paramLabel = "L", required = true, description = "Number of bytes.")
        long length;
    }

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
            int ps = db.pageSize();
            long size = db.pageCount() * ps;
            long start;
            long length;
            long base; // what printed offsets count from
            if (target.page != null) {
                PageArgs.requirePage(db, target.page);
                start = (target.page - 1) * ps;
                length = ps;
                base = start;
            } else {
                start = target.range.offset;
                length = target.range.length;
                if (start < 0 || length < 0 || start >= size) {
                    throw new UserError(ExitCode.USAGE, "offset " + start + " is outside " + db.name() + " (bytes 0.."
                            + (size - 1) + " as viewed)");
                }
                length = Math.min(length, size - start);
                base = 0;
            }
            if (json) {
                json(out, db, start, length, base);
            } else {
                text(out, db, start, length, base);
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private void text(PrintWriter out, Database db, long start, long length, long base) throws IOException {
        out.printf("%s: %s, %d bytes from file offset %d%n", db.name(), target.page != null ? "page " + target.page
                + " (offsets in the page)" : "bytes", length, start);
        new Lines(db, start, length).forEach((off, b, n) -> out.printf("%8d  %-47s  |%s|%n", off - base,
                HexText.spaced(b, 0, n), HexText.ascii(b, 0, n)));
    }

    private void json(PrintWriter out, Database db, long start, long length, long base) throws IOException {
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("file", db.name());
        if (target.page != null) {
            g.writeNumberField("page", target.page);
        }
        g.writeNumberField("fileOffset", start);
        g.writeNumberField("length", length);
        StringBuilder hex = new StringBuilder();
        g.writeArrayFieldStart("lines");
        new Lines(db, start, length).forEach((off, b, n) -> {
            g.writeStartObject();
            g.writeNumberField("offset", off - base);
            g.writeStringField("hex", HexText.plain(b, 0, n));
            g.writeStringField("ascii", HexText.ascii(b, 0, n));
            g.writeEndObject();
            hex.append(HexText.plain(b, 0, n));
        });
        g.writeEndArray();
        g.writeStringField("hex", hex.toString());
        g.writeEndObject();
        g.flush();
        out.println();
    }

    /** Reads the range page by page (never all at once) and hands out 16-byte lines. */
    private record Lines(Database db, long start, long length) {

        interface LineSink {
            void line(long offset, byte[] bytes, int n) throws IOException;
        }

        void forEach(LineSink sink) throws IOException {
            int ps = db.pageSize();
            byte[] line = new byte[PER_LINE];
            long end = start + length;
            long pgno = -1;
            byte[] page = null;
            for (long at = start; at < end; at += PER_LINE) {
                int n = (int) Math.min(PER_LINE, end - at);
                for (int k = 0; k < n; k++) {
                    long pos = at + k;
                    long p = pos / ps + 1;
                    if (p != pgno) {
                        pgno = p;
                        page = db.pages().read(p);
                    }
                    int o = (int) (pos % ps);
                    line[k] = page == null || o >= page.length ? 0 : page[o];
                }
                sink.line(at, line, n);
            }
        }
    }
}
