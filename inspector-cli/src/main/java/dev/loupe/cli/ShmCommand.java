package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.Problem;
import dev.loupe.format.wal.ShmFile;
import dev.loupe.format.wal.WalCheckpointInfo;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalIndexHeader;
import dev.loupe.wal.CheckpointState;
import dev.loupe.wal.ShmReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "shm", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Decode a wal-index (-shm) file: both header copies and whether they agree, the checkpoint"
                + " information and read marks, and the hash tables checked against the WAL beside it.",
        footer = {"", "Examples:", "  loupe shm app.db-shm", "  loupe shm --format json app.db-shm | jq .hashCheck",
                "", "The -shm exists only while a connection has the database open; copy it (and the -wal) then.",
                "", "Exit codes: 0 consistent, 1 problems or disagreement with the WAL, 2 usage error,"
                + " 3 file unreadable."})
final class ShmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE-shm", description = "The -shm file.")
    Path file;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        WalFiles files = WalFiles.resolve(file, wal, WalFiles.Reads.SHM);
        ShmFile shm = files.readShm().orElseThrow();
        Optional<WalFile> walFile = files.readWal();
        Path walPath = files.wal();
        ShmReport report = ShmReport.of(shm, walFile);
        if (json) {
            json(out, report, walFile.isPresent() ? walPath : null);
        } else {
            text(out, report, walFile.isPresent() ? walPath : null);
        }
        out.flush();
        boolean disagree = report.checkpoint().map(c -> !c.agreesWithWal()).orElse(false);
        return report.problems().isEmpty() && !disagree ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static final List<String> FIELDS = List.of("iVersion", "iChange", "isInit", "bigEndCksum", "szPage",
            "mxFrame", "nPage", "aFrameCksum[0]", "aFrameCksum[1]", "aSalt[0]", "aSalt[1]", "aCksum[0]", "aCksum[1]");
    private static final List<Function<WalIndexHeader, String>> VALUES = List.of(h -> Long.toString(h.iVersion()),
            h -> Long.toString(h.iChange()), h -> Integer.toString(h.isInit()), h -> Integer.toString(h.bigEndCksum()),
            h -> h.szPage() + (h.szPage() == 1 ? " (65536)" : ""), h -> Long.toString(h.mxFrame()),
            h -> Long.toString(h.nPage()), h -> SideFiles.hex32(h.frameCksum1()), h -> SideFiles.hex32(h.frameCksum2()),
            h -> SideFiles.hex32(h.salt1()), h -> SideFiles.hex32(h.salt2()), h -> SideFiles.hex32(h.cksum1()),
            h -> SideFiles.hex32(h.cksum2()));
    private static final int[] OFFSETS = {0, 8, 12, 13, 14, 16, 20, 24, 28, 32, 36, 40, 44};

    private static void text(PrintWriter out, ShmReport r, Path walPath) {
        ShmFile shm = r.shm();
        out.printf("-shm       %,d bytes, %s-endian, %d hash blocks; WAL %s%n", shm.fileSize(),
                shm.bigEndian() ? "big" : "little", shm.hashBlocks().size(), walPath == null ? "not found" : walPath);
        out.println();
        List<WalIndexHeader> hs = r.headers();
        out.printf("Header copies (bytes 0..47 and 48..95): %s%n", r.copiesAgree() ? "identical" : "DIFFER");
        out.printf("  %6s  %-16s %14s %14s%n", "offset", "field", "copy 1", "copy 2");
        for (int i = 0; i < FIELDS.size(); i++) {
            String a = hs.size() > 0 ? VALUES.get(i).apply(hs.get(0)) : "-";
            String b = hs.size() > 1 ? VALUES.get(i).apply(hs.get(1)) : "-";
            out.printf("  %6d  %-16s %14s %14s%s%n", OFFSETS[i], FIELDS.get(i), a, b, a.equals(b) ? "" : "  differ");
        }
        out.printf("  %6s  %-16s %14s %14s%n", "", "checksum", hs.size() > 0 ? ok(hs.get(0).checksumOk()) : "-",
                hs.size() > 1 ? ok(hs.get(1).checksumOk()) : "-");
        out.println();
        Optional<WalCheckpointInfo> info = r.checkpointInfo();
        if (info.isPresent()) {
            WalCheckpointInfo c = info.get();
            out.printf("Checkpoint (bytes 96..135): nBackfill %d, nBackfillAttempted %d, read marks %s%n",
                    c.nBackfill(), c.nBackfillAttempted(), WalCommand.readMarks(c.aReadMark()));
        } else {
            out.println("Checkpoint none: the file is shorter than 136 bytes");
        }
        r.checkpoint().ifPresent(c -> out.printf("  %s%n", c.agreesWithWal() ? "agrees with the WAL"
                : "DISAGREES with the WAL: " + String.join("; ", c.disagreements())));
        var h = r.hashCheck();
        out.printf("Hash tables frames 1..%d checked: %s%n", h.framesChecked(), h.ok() ? "every frame found"
                : h.pgnoMismatches() + " page-number mismatches, " + h.hashMisses() + " frames not reachable");
        out.println();
        ProblemText.print(out, r.problems());
    }

    private static String ok(boolean ok) {
        return ok ? "ok" : "BAD";
    }

    private static void json(PrintWriter out, ShmReport r, Path walPath) throws IOException {
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.useDefaultPrettyPrinter();
        ShmFile shm = r.shm();
        g.writeStartObject();
        g.writeNumberField("fileSize", shm.fileSize());
        g.writeBooleanField("bigEndian", shm.bigEndian());
        g.writeStringField("wal", walPath == null ? null : walPath.toString());
        g.writeArrayFieldStart("headers");
        for (WalIndexHeader h : r.headers()) {
            g.writeStartObject();
            g.writeNumberField("copy", h.copy());
            g.writeNumberField("offset", h.span().offset());
            g.writeNumberField("iVersion", h.iVersion());
            g.writeNumberField("iChange", h.iChange());
            g.writeNumberField("isInit", h.isInit());
            g.writeNumberField("bigEndCksum", h.bigEndCksum());
            g.writeNumberField("szPage", h.szPage());
            g.writeNumberField("pageSize", h.pageSize());
            g.writeNumberField("mxFrame", h.mxFrame());
            g.writeNumberField("nPage", h.nPage());
            g.writeNumberField("frameCksum1", h.frameCksum1());
            g.writeNumberField("frameCksum2", h.frameCksum2());
            g.writeNumberField("salt1", h.salt1());
            g.writeNumberField("salt2", h.salt2());
            g.writeNumberField("cksum1", h.cksum1());
            g.writeNumberField("cksum2", h.cksum2());
            g.writeBooleanField("checksumOk", h.checksumOk());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("copiesAgree", r.copiesAgree());
        if (r.checkpointInfo().isPresent()) {
            WalCheckpointInfo c = r.checkpointInfo().get();
            g.writeObjectFieldStart("checkpointInfo");
            g.writeNumberField("nBackfill", c.nBackfill());
            g.writeArrayFieldStart("readMarks");
            for (long m : c.aReadMark()) {
                g.writeNumber(m);
            }
            g.writeEndArray();
            g.writeNumberField("nBackfillAttempted", c.nBackfillAttempted());
            g.writeEndObject();
        } else {
            g.writeNullField("checkpointInfo");
        }
        if (r.checkpoint().isPresent()) {
            CheckpointState c = r.checkpoint().get();
            g.writeObjectFieldStart("walCheck");
            g.writeBooleanField("agrees", c.agreesWithWal());
            g.writeArrayFieldStart("disagreements");
            for (String d : c.disagreements()) {
                g.writeString(d);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        var h = r.hashCheck();
        g.writeObjectFieldStart("hashCheck");
        g.writeNumberField("framesChecked", h.framesChecked());
        g.writeNumberField("pgnoMismatches", h.pgnoMismatches());
        g.writeNumberField("hashMisses", h.hashMisses());
        g.writeBooleanField("ok", h.ok());
        g.writeEndObject();
        g.writeArrayFieldStart("problems");
        for (Problem p : r.problems()) {
            g.writeTree(JsonValues.problem(p));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
