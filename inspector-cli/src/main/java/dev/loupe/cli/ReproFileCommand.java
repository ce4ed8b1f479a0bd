package dev.loupe.cli;

import dev.loupe.issue.IssueDraft;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.page.PageSource;
import dev.loupe.repro.engine.SqliteEngine;
import dev.loupe.repro.file.FileReducer;
import dev.loupe.repro.file.FileReduction;
import dev.loupe.repro.file.ReproducerWriter;
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
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "file", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Shrink a damaged database while a finding of the checker still appears: drop unrelated"
                + " tables and indexes, the freelist, subtrees, cells and overflow pages, then renumber the pages."
                + " Writes DIR/repro.db, DIR/repro.hexdb (for sqlite3's .open --hexdb) and DIR/reproducer.json.",
        footer = {"", "Examples:", "  loupe repro file broken.db -o repro/",
                "  loupe repro file --finding page-referenced-twice broken.db -o repro/",
                "  sqlite3 :memory: '.open --hexdb repro/repro.hexdb' 'PRAGMA integrity_check;'",
                "", "Exit codes: 0 reproducer written, 1 the file shows no such finding, 2 usage error,"
                + " 3 file unreadable."})
final class ReproFileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DB", description = "The damaged database file (never modified).")
    Path file;

    @Option(names = "--finding", paramLabel = "CODE",
            description = "The finding code to keep (default: the first error the checker reports).")
    String finding;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Directory for the reproducer (created if missing).")
    Path output;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time budget in seconds; the smallest file found so far is kept (default: ${DEFAULT-VALUE}).")
    int budget;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        if (budget < 1) {
            throw new UserError(ExitCode.USAGE, "--budget must be at least 1 second");
        }
        byte[] image = image();
        FileReduction r;
        try {
            r = new FileReducer(new FileReducer.Options(finding, Duration.ofSeconds(budget))).reduce(image);
        } catch (FileReducer.NothingToReduce e) {
            spec.commandLine().getErr().println("loupe: " + e.getMessage());
            return ExitCode.FINDINGS;
        }
        ReproducerWriter.write(r, Version.number(), new SqliteEngine().version(), output);
        // the issue draft goes next to the reproducer by default (issue.md, regression-test.sql)
        IssueDraft draft = ReproDraft.writeQuietly(output, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode n = mapper.createObjectNode();
            n.put("file", file.toString());
            n.put("output", output.toString());
            n.put("code", r.target().code());
            n.put("objectKind", r.target().objectKind());
            n.put("originalPages", r.originalPages());
            n.put("reducedPages", r.reducedPages());
            n.put("originalBytes", r.original().length);
            n.put("reducedBytes", r.reduced().length);
            n.put("steps", r.steps());
            n.put("millis", r.millis());
            n.put("sqliteFlagsOriginal", r.sqliteFlaggedOriginal());
            n.put("sqliteFlagsReduced", r.sqliteFlaggedReduced());
            n.put("issueDraft", draft == null ? null : output.resolve("issue.md").toString());
            out.println(mapper.writeValueAsString(n));
        } else {
            out.printf("Finding    %s (%s): %s%n", r.target().code(), r.target().objectKind(),
                    r.finding() == null ? "" : r.finding().message());
            out.printf("Reduced    %,d pages (%,d bytes) -> %,d pages (%,d bytes) in %,d steps, %,d ms%n",
                    r.originalPages(), r.original().length, r.reducedPages(), r.reduced().length, r.steps(),
                    r.millis());
            out.printf("SQLite     original: %s; reproducer: %s%n", verdict(r.sqliteOriginal()),
                    verdict(r.sqliteReduced()));
            out.printf("Wrote      %s (repro.db, repro.hexdb, reproducer.json%s)%n", output,
                    draft == null ? "" : ", issue.md, regression-test.sql");
            if (draft != null) {
                out.printf("Issue      %s%n", draft.title());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String verdict(java.util.List<String> lines) {
        if (lines.size() == 1 && lines.get(0).equals("ok")) {
            return "ok";
        }
        return "flagged (" + lines.get(0) + (lines.size() > 1 ? ", +" + (lines.size() - 1) + " more" : "") + ")";
    }

    /** The database as the reader sees it (its WAL applied unless --wal ignore), page by page. */
    private byte[] image() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError(ExitCode.UNREADABLE, "cannot read " + file + ": no such file");
        }
        try (DatabaseLease lease = wal.open(file)) {
            Database db = lease.db();
            if (db.wal().isEmpty()) {
                return Files.readAllBytes(file);
            }
            PageSource pages = db.pages();
            int ps = pages.pageSize();
            long count = pages.pageCount();
            byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 8, count * ps)];
            for (long p = 1; p <= count && p * ps <= out.length; p++) {
                byte[] data = pages.read(p);
                if (data != null) {
                    System.arraycopy(data, 0, out, (int) ((p - 1) * ps), Math.min(ps, data.length));
                }
            }
            return out;
        }
    }
}
