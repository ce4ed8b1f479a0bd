package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.Problem;
import dev.loupe.format.journal.JournalFile;
import dev.loupe.format.journal.JournalHeader;
import dev.loupe.format.journal.JournalRecord;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.wal.JournalReport;
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

@Command(name = "journal", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Decode a rollback journal: its headers, each page record with its checksum, and whether it"
                + " is hot -- which pages SQLite's next open would roll back.",
        footer = {"", "Examples:", "  loupe journal app.db-journal", "  loupe journal --records 10 app.db-journal",
                "  loupe journal --format json app.db-journal | jq .records", "",
                "Exit codes: 0 no problems, 1 problems (bad header, checksum mismatches), 2 usage error,"
                        + " 3 file unreadable."})
final class JournalCommand implements Callable<Integer> {

    private static final String SUFFIX = "-journal";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE-journal", description = "The rollback journal.")
    Path file;

    @Option(names = "--records", paramLabel = "N",
            description = "Text: show only the first N records (default: all). JSON has all.")
    Integer limit;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        if (limit != null && limit < 0) {
            throw new UserError(ExitCode.USAGE, "--records must be 0 or more, not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        JournalFile journal;
        try (ReadOnlyFile f = SideFiles.open(file, "journal")) {
            journal = JournalFile.read(f);
        }
        Path database = database();
        boolean exists = database != null && Files.isRegularFile(database) && Files.size(database) > 0;
        JournalReport report = JournalReport.of(journal, exists);
        if (json) {
            json(out, report, database);
        } else {
            text(out, report, database, limit == null ? Integer.MAX_VALUE : limit);
        }
        out.flush();
        return journal.problems().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private Path database() {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
                ? file.resolveSibling(name.substring(0, name.length() - SUFFIX.length())) : null;
    }

    private static String hotText(JournalReport r, Path database) {
        if (r.hot()) {
            return "HOT: the next open of " + database + " rolls back " + r.restored() + " pages and truncates it to "
                    + r.journal().initialDbSize() + " pages";
        }
        if (!r.journal().hotLooking()) {
            return "not hot: " + (r.journal().fileSize() == 0 ? "the journal is empty" : "its first byte is 0");
        }
        return "not hot: " + (database == null ? "no database beside it (name does not end in -journal)"
                : database + " is missing or empty");
    }

    private static void text(PrintWriter out, JournalReport r, Path database, int limit) {
        JournalFile j = r.journal();
        out.printf("Journal    %,d bytes, page size %d, initial database size %d pages%n", j.fileSize(),
                j.pageSize(), j.initialDbSize());
        out.printf("Verdict    %s%n", hotText(r, database));
        j.superJournal().ifPresent(s -> out.printf("Super-journal %s%n", s));
        out.println();
        out.printf("Headers    %d%n", j.headers().size());
        out.printf("  %3s %10s  %-16s %10s %10s %8s %7s %6s%n", "#", "offset", "magic", "nRec", "nonce", "initSize",
                "sector", "page");
        for (JournalHeader h : j.headers()) {
            out.printf("  %3d %10d  %016x %10s %10s %8d %7d %6d%s%n", h.index(), h.offset(), h.magic(),
                    h.nRec() == JournalHeader.NREC_TO_END ? "to-end" : Long.toString(h.nRec()),
                    SideFiles.hex32(h.nonce()), h.initialDbSize(), h.sectorSize(), h.pageSize(),
                    h.magicOk() ? "" : h.unsynced() ? "  (unsynced)" : "  (bad magic)");
        }
        out.println();
        out.printf("Records    %,d (%d checksum mismatches, %d would be restored)%n", r.records(), r.badChecksums(),
                r.restored());
        int shown = Math.min(limit, j.records().size());
        if (shown > 0) {
            out.printf("  %6s %4s %10s %8s %10s %10s %5s  %s%n", "record", "seg", "offset", "page", "checksum",
                    "computed", "ok", "restore");
        }
        for (int i = 0; i < shown; i++) {
            JournalRecord rec = j.records().get(i);
            out.printf("  %6d %4d %10d %8d %10s %10s %5s  %s%n", rec.index(), rec.segment(), rec.offset(),
                    rec.pageNumber(), SideFiles.hex32(rec.checksum()), SideFiles.hex32(rec.computedChecksum()),
                    rec.checksumOk() ? "ok" : "BAD", rec.wouldRestore() && r.hot() ? "yes" : "no");
        }
        if (shown < j.records().size()) {
            out.printf("  ... %,d more (--records)%n", j.records().size() - shown);
        }
        out.println();
        ProblemText.print(out, j.problems());
    }

    private static void json(PrintWriter out, JournalReport r, Path database) throws IOException {
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.useDefaultPrettyPrinter();
        JournalFile j = r.journal();
        g.writeStartObject();
        g.writeNumberField("fileSize", j.fileSize());
        g.writeStringField("database", database == null ? null : database.toString());
        g.writeBooleanField("databaseExists", r.databaseExists());
        g.writeBooleanField("hotLooking", j.hotLooking());
        g.writeBooleanField("hot", r.hot());
        g.writeNumberField("pageSize", j.pageSize());
        g.writeNumberField("initialDbSize", j.initialDbSize());
        g.writeStringField("superJournal", j.superJournal().orElse(null));
        g.writeArrayFieldStart("headers");
        for (JournalHeader h : j.headers()) {
            g.writeStartObject();
            g.writeNumberField("index", h.index());
            g.writeNumberField("offset", h.offset());
            g.writeStringField("magic", String.format("%016x", h.magic()));
            g.writeBooleanField("magicOk", h.magicOk());
            g.writeNumberField("nRec", h.nRec());
            g.writeNumberField("nonce", h.nonce());
            g.writeNumberField("initialDbSize", h.initialDbSize());
            g.writeNumberField("sectorSize", h.sectorSize());
            g.writeNumberField("pageSize", h.pageSize());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("recordCount", r.records());
        g.writeNumberField("badChecksums", r.badChecksums());
        g.writeNumberField("restored", r.restored());
        g.writeArrayFieldStart("problems");
        for (Problem p : j.problems()) {
            g.writeTree(JsonValues.problem(p));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("records");
        for (JournalRecord rec : j.records()) {
            g.writeStartObject();
            g.writeNumberField("record", rec.index());
            g.writeNumberField("segment", rec.segment());
            g.writeNumberField("offset", rec.offset());
            g.writeNumberField("page", rec.pageNumber());
            g.writeNumberField("checksum", rec.checksum());
            g.writeNumberField("computedChecksum", rec.computedChecksum());
            g.writeBooleanField("checksumOk", rec.checksumOk());
            g.writeBooleanField("restore", rec.wouldRestore() && r.hot());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
