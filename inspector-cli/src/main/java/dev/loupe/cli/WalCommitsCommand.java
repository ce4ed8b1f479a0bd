package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.wal.CommitPage;
import dev.loupe.wal.CommitInfo;
import dev.loupe.format.wal.WalFile;
import dev.loupe.wal.WalCommits;
import dev.loupe.wal.WalInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "commits", sortOptions = false, mixinStandardHelpOptions = true,
        description = "List the WAL's valid commits: their frames, the pages each wrote with what those pages are"
                + " as of that commit (table, index, overflow, freelist), and the database size after it.",
        footer = {"", "Examples:", "  loupe wal commits app.db", "  loupe wal commits --format json app.db-wal",
                "", "Exit codes: 0 ok, 1 the WAL has frames SQLite ignores, 2 usage error, 3 file unreadable."})
final class WalCommitsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database (its -wal is read) or the -wal file.")
    Path file;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        try (WalInput in = WalFiles.resolve(file, wal, WalFiles.Reads.WAL).openInput()) {
            List<CommitInfo> commits = WalCommits.of(in);
            if (json) {
                json(out, in, commits);
            } else {
                text(out, in, commits);
            }
            out.flush();
            return in.wal().problems().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static void text(PrintWriter out, WalInput in, List<CommitInfo> commits) {
        WalFile w = in.wal();
        out.printf("WAL        %s: %d valid commits, frames 1..%d%n", in.walPath(), commits.size(),
                w.validFrameCount());
        if (!in.hasDatabaseFile()) {
            out.println("Database   none beside the WAL: pages not in the WAL read as zeros");
        }
        if (w.frames().size() > w.validFrameCount()) {
            out.printf("           %,d frames after frame %d are ignored by SQLite (see 'loupe wal')%n",
                    w.frames().size() - w.validFrameCount(), w.validFrameCount());
        }
        out.println();
        out.printf("  %6s  %-15s %-13s  %s%n", "commit", "frames", "pages", "pages written (by owner)");
        for (CommitInfo c : commits) {
            String size = c.previousSize() == c.databaseSize() ? Long.toString(c.databaseSize())
                    : c.previousSize() + " -> " + c.databaseSize();
            out.printf("  %6d  %-15s %-13s  %s%n", c.number(), c.firstFrame() + ".." + c.lastFrame() + " ("
                    + c.frameCount() + ")", size, byOwner(c.pages()));
        }
    }

    /** "ledger: 4 5 (table-leaf), 16 (table-interior); freelist-trunk: 9". */
    static String byOwner(List<CommitPage> pages) {
        Map<String, Map<String, List<Long>>> groups = new LinkedHashMap<>();
        for (CommitPage p : pages) {
            String owner = p.owner() != null ? p.owner() : p.kind();
            String kind = p.owner() != null ? p.kind() : "";
            groups.computeIfAbsent(owner, k -> new LinkedHashMap<>()).computeIfAbsent(kind, k -> new ArrayList<>())
                    .add(p.page());
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Map<String, List<Long>>> g : groups.entrySet()) {
            b.append(b.length() == 0 ? "" : "; ").append(g.getKey()).append(':');
            boolean first = true;
            for (Map.Entry<String, List<Long>> k : g.getValue().entrySet()) {
                b.append(first ? " " : ", ");
                first = false;
                k.getValue().forEach(p -> b.append(p).append(' '));
                b.setLength(b.length() - 1);
                if (!k.getKey().isEmpty()) {
                    b.append(" (").append(k.getKey()).append(')');
                }
            }
        }
        return b.toString();
    }

    private static void json(PrintWriter out, WalInput in, List<CommitInfo> commits) throws IOException {
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("wal", in.walPath().toString());
        g.writeStringField("database", in.hasDatabaseFile() ? in.databasePath().toString() : null);
        g.writeNumberField("validFrames", in.wal().validFrameCount());
        g.writeArrayFieldStart("commits");
        for (CommitInfo c : commits) {
            g.writeStartObject();
            g.writeNumberField("commit", c.number());
            g.writeNumberField("firstFrame", c.firstFrame());
            g.writeNumberField("lastFrame", c.lastFrame());
            g.writeNumberField("frames", c.frameCount());
            g.writeNumberField("databaseSize", c.databaseSize());
            g.writeNumberField("previousSize", c.previousSize());
            g.writeArrayFieldStart("pages");
            for (CommitPage p : c.pages()) {
                g.writeStartObject();
                g.writeNumberField("page", p.page());
                g.writeStringField("kind", p.kind());
                g.writeStringField("ownerType", p.ownerType());
                g.writeStringField("owner", p.owner());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
