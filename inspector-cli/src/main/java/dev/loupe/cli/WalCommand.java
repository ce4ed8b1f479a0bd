package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.Problem;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.format.wal.WalHeader;
import dev.loupe.wal.CheckpointState;
import dev.loupe.wal.FrameRow;
import dev.loupe.wal.IgnoredFrames;
import dev.loupe.wal.LostCommits;
import dev.loupe.wal.WalSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "wal", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = {WalCommitsCommand.class, WalHistoryCommand.class, WalDiffCommand.class, WalTrackCommand.class,
                WalCheckoutCommand.class, WalBisectCommand.class},
        description = "Summarize a WAL: its header, a row per frame (page, commit size, salts, checksum, whether"
                + " SQLite uses it, its commit), and the verdict: the commits and frames SQLite uses, the frames"
                + " it ignores and exactly why, the committed frames it drops, and the -shm's checkpoint state.",
        footer = {"", "Examples:", "  loupe wal app.db                  (reads app.db-wal, and app.db-shm if present)",
                "  loupe wal app.db-wal --frames 20  (the first 20 frames in the table)",
                "  loupe wal --format json app.db | jq .ignored",
                "  loupe wal commits app.db          (each commit: frames, pages changed and their owners)",
                "", "Exit codes: 0 SQLite uses every frame, 1 frames ignored or other problems, 2 usage error,"
                + " 3 file unreadable."})
final class WalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The database (its -wal is read) or the -wal file itself.")
    Path file;

    @Option(names = "--frames", paramLabel = "N",
            description = "Text: show only the first N frames of the frame table (default: all). JSON has all.")
    Integer frames;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        if (file == null) {
            throw new UserError(ExitCode.USAGE, "wal: missing FILE (the database or its -wal)");
        }
        if (frames != null && frames < 0) {
            throw new UserError(ExitCode.USAGE, "--frames must be 0 or more, not " + frames);
        }
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        WalFiles files = WalFiles.resolve(file, wal, WalFiles.Reads.WAL);
        WalSummary summary = WalSummary.of(files.readWal().orElseThrow(), files.readShm());
        if (json) {
            json(out, files, summary);
        } else {
            text(out, files, summary, frames == null ? Integer.MAX_VALUE : frames);
        }
        out.flush();
        boolean disagree = summary.checkpoint().map(c -> !c.agreesWithWal()).orElse(false);
        return summary.problems().isEmpty() && summary.ignored().isEmpty() && !disagree
                ? ExitCode.OK : ExitCode.FINDINGS;
    }

    // ---- text ----

    private static void text(PrintWriter out, WalFiles t, WalSummary s, int limit) {
        out.printf("WAL        %s (%,d bytes)%n", t.wal(), s.wal().fileSize());
        out.printf("Database   %s%n", t.databaseExists() ? t.database() : "none beside the WAL");
        out.println();
        if (s.header().isEmpty()) {
            out.println("Header     none: the file is shorter than the 32-byte header");
        } else {
            WalHeader h = s.header().get();
            out.printf("Header (bytes 0..31)%s%n", s.headerUsable() ? "" : "  UNUSABLE: SQLite ignores the whole WAL");
            out.printf("  %6s %4s  %-19s %12s  %s%n", "offset", "size", "field", "value", "meaning");
            field(out, h.magicSpan().offset(), "magic", SideFiles.hex32(h.magic()), !h.magicOk() ? "bad magic"
                    : h.bigEndianChecksum() ? "checksums over big-endian words" : "checksums over little-endian words");
            field(out, 4, "formatVersion", Long.toString(h.formatVersion()), h.versionOk() ? "ok" : "expected 3007000");
            field(out, 8, "pageSize", Long.toString(h.pageSize()), h.pageSizeOk() ? "ok" : "bad page size");
            field(out, 12, "checkpointSequence", Long.toString(h.checkpointSequence()), "");
            field(out, 16, "salt1", SideFiles.hex32(h.salt1()), "");
            field(out, 20, "salt2", SideFiles.hex32(h.salt2()), "");
            field(out, 24, "checksum1", SideFiles.hex32(h.checksum1()), h.headerChecksumOk() ? "ok" : "BAD");
            field(out, 28, "checksum2", SideFiles.hex32(h.checksum2()), h.headerChecksumOk() ? "ok" : "BAD");
        }
        out.println();
        frameTable(out, s, limit);
        out.println();
        verdict(out, s);
        s.checkpoint().ifPresent(c -> checkpoint(out, t, c));
        out.println();
        ProblemText.print(out, s.problems());
    }

    private static void field(PrintWriter out, long offset, String name, String value, String meaning) {
        out.printf("  %6d %4d  %-19s %12s  %s%n", offset, 4, name, value, meaning);
    }

    private static void frameTable(PrintWriter out, WalSummary s, int limit) {
        int n = s.frameCount();
        out.printf("Frames     %,d%s%n", n, n > limit ? String.format(" (first %,d shown; --frames)", limit) : "");
        if (n == 0 || limit == 0) {
            return;
        }
        out.printf("  %8s %12s %8s %11s %5s %5s  %-12s %6s%n", "frame", "offset", "page", "commit-size", "salt",
                "cksum", "status", "commit");
        List<FrameRow> rows = s.rows();
        int shown = Math.min(n, limit);
        // Built by hand rather than with printf: a WAL can hold millions of frames.
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < shown; i++) {
            FrameRow r = rows.get(i);
            WalFrame f = r.frame();
            String commit = r.commit() > 0 ? Integer.toString(r.commit())
                    : r.lostCommit() > 0 ? "lost " + r.lostCommit() : "-";
            line.setLength(0);
            line.append("  ");
            pad(line, Integer.toString(f.index()), 8).append(' ');
            pad(line, Long.toString(f.offset()), 12).append(' ');
            pad(line, Long.toString(f.pageNumber()), 8).append(' ');
            pad(line, f.commitSize() == 0 ? "-" : Long.toString(f.commitSize()), 11).append(' ');
            pad(line, f.saltOk() ? "ok" : "BAD", 5).append(' ');
            pad(line, f.checksumOk() ? "ok" : "BAD", 5).append("  ");
            String status = r.status().code();
            line.append(status).append(" ".repeat(Math.max(0, 12 - status.length()))).append(' ');
            pad(line, commit, 6);
            out.println(line);
        }
    }

    /** Right-aligns {@code s} in {@code width} columns. */
    private static StringBuilder pad(StringBuilder b, String s, int width) {
        for (int k = s.length(); k < width; k++) {
            b.append(' ');
        }
        return b.append(s);
    }

    private static void verdict(PrintWriter out, WalSummary s) {
        out.printf("Verdict    %d commits, %,d valid frames of %,d; SQLite ignores %s%n", s.commitCount(),
                s.validFrames(), s.frameCount(), s.ignored().isEmpty() ? "nothing"
                        : String.format("%,d frames", s.ignoredFrameCount()));
        for (IgnoredFrames g : s.ignored()) {
            out.printf("  %-18s %s%n", g.reason().code(), g.message());
        }
        s.lostCommits().ifPresent(l -> out.printf("  %-18s commits %d..%d (frames %d..%d) were committed but SQLite"
                + " drops them%n", "DROPPED", l.firstCommit(), l.lastCommit(), l.firstFrame(), l.lastFrame()));
    }

    private static void checkpoint(PrintWriter out, WalFiles t, CheckpointState c) {
        out.println();
        out.printf("Checkpoint %s: mxFrame %d, nPage %d, nBackfill %d (attempted %d), read marks %s%n",
                t.shm().map(Path::toString).orElse("-shm"), c.mxFrame(), c.nPage(), c.nBackfill(),
                c.nBackfillAttempted(), readMarks(c.readMarks()));
        out.printf("  %s; %s%n", c.headerTrusted() ? "header copies agree and check out"
                : "header copies disagree or fail their checksum (SQLite would recover from the WAL)",
                c.agreesWithWal() ? "agrees with the WAL" : "DISAGREES with the WAL:");
        c.disagreements().forEach(d -> out.printf("    %s%n", d));
    }

    static String readMarks(long[] marks) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < marks.length; i++) {
            b.append(i == 0 ? "" : " ").append(marks[i] == 0xffffffffL ? "-" : Long.toString(marks[i]));
        }
        return b.toString();
    }

    // ---- json ----

    private static void json(PrintWriter out, WalFiles t, WalSummary s) throws IOException {
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("wal", t.wal().toString());
        g.writeStringField("database", t.databaseExists() ? t.database().toString() : null);
        g.writeNumberField("fileSize", s.wal().fileSize());
        if (s.header().isPresent()) {
            WalHeader h = s.header().get();
            g.writeObjectFieldStart("header");
            g.writeNumberField("magic", h.magic());
            g.writeBooleanField("bigEndianChecksum", h.bigEndianChecksum());
            g.writeNumberField("formatVersion", h.formatVersion());
            g.writeNumberField("pageSize", h.pageSize());
            g.writeNumberField("checkpointSequence", h.checkpointSequence());
            g.writeNumberField("salt1", h.salt1());
            g.writeNumberField("salt2", h.salt2());
            g.writeNumberField("checksum1", h.checksum1());
            g.writeNumberField("checksum2", h.checksum2());
            g.writeBooleanField("checksumOk", h.headerChecksumOk());
            g.writeEndObject();
        } else {
            g.writeNullField("header");
        }
        g.writeBooleanField("headerUsable", s.headerUsable());
        g.writeNumberField("frameCount", s.frameCount());
        g.writeNumberField("validFrames", s.validFrames());
        g.writeNumberField("commits", s.commitCount());
        g.writeNumberField("ignoredFrames", s.ignoredFrameCount());
        g.writeArrayFieldStart("ignored");
        for (IgnoredFrames i : s.ignored()) {
            g.writeStartObject();
            g.writeStringField("reason", i.reason().code());
            g.writeNumberField("firstFrame", i.firstFrame());
            g.writeNumberField("lastFrame", i.lastFrame());
            g.writeNumberField("frames", i.frameCount());
            g.writeFieldName("span");
            g.writeTree(JsonValues.span(i.span()));
            g.writeStringField("message", i.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (s.lostCommits().isPresent()) {
            LostCommits l = s.lostCommits().get();
            g.writeObjectFieldStart("lostCommits");
            g.writeNumberField("firstCommit", l.firstCommit());
            g.writeNumberField("lastCommit", l.lastCommit());
            g.writeNumberField("firstFrame", l.firstFrame());
            g.writeNumberField("lastFrame", l.lastFrame());
            g.writeEndObject();
        } else {
            g.writeNullField("lostCommits");
        }
        if (s.checkpoint().isPresent()) {
            checkpointJson(g, t, s.checkpoint().get());
        } else {
            g.writeNullField("checkpoint");
        }
        g.writeArrayFieldStart("problems");
        for (Problem p : s.problems()) {
            g.writeTree(JsonValues.problem(p));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("frames");
        for (FrameRow r : s.rows()) {
            frameJson(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void frameJson(JsonGenerator g, FrameRow r) throws IOException {
        WalFrame f = r.frame();
        g.writeStartObject();
        g.writeNumberField("frame", f.index());
        g.writeNumberField("offset", f.offset());
        g.writeNumberField("page", f.pageNumber());
        g.writeNumberField("commitSize", f.commitSize());
        g.writeNumberField("salt1", f.salt1());
        g.writeNumberField("salt2", f.salt2());
        g.writeNumberField("checksum1", f.checksum1());
        g.writeNumberField("checksum2", f.checksum2());
        g.writeBooleanField("saltOk", f.saltOk());
        g.writeBooleanField("checksumOk", f.checksumOk());
        g.writeBooleanField("valid", f.valid());
        g.writeStringField("status", r.status().code());
        g.writeNumberField("commit", r.commit());
        g.writeNumberField("lostCommit", r.lostCommit());
        g.writeEndObject();
    }

    private static void checkpointJson(JsonGenerator g, WalFiles t, CheckpointState c) throws IOException {
        g.writeObjectFieldStart("checkpoint");
        g.writeStringField("shm", t.shm().map(Path::toString).orElse(null));
        g.writeNumberField("mxFrame", c.mxFrame());
        g.writeNumberField("nPage", c.nPage());
        g.writeNumberField("nBackfill", c.nBackfill());
        g.writeNumberField("nBackfillAttempted", c.nBackfillAttempted());
        g.writeArrayFieldStart("readMarks");
        for (long m : c.readMarks()) {
            g.writeNumber(m);
        }
        g.writeEndArray();
        g.writeBooleanField("headerTrusted", c.headerTrusted());
        g.writeBooleanField("agreesWithWal", c.agreesWithWal());
        g.writeArrayFieldStart("disagreements");
        for (String d : c.disagreements()) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
