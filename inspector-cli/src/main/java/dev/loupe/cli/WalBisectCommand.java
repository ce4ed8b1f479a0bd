package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.check.CheckOptions;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.report.FindingJson;
import dev.loupe.wal.BisectOptions;
import dev.loupe.wal.BisectResult;
import dev.loupe.wal.BisectStrategy;
import dev.loupe.wal.ChangedPage;
import dev.loupe.wal.WalBisect;
import dev.loupe.wal.WalPair;
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

@Command(name = "bisect", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Find the first WAL commit at which the database has a problem: runs the checker (as"
                + " 'loupe check') on the database file alone (commit 0) and then as of every valid commit, and"
                + " names the first commit with a finding of error severity (or with the finding --finding names),"
                + " the pages that commit wrote with their owners, and the findings.",
                "Incremental: each commit's record-level checks cover only the tables (with their indexes) whose"
                        + " pages or schema rows the commit changed; --naive checks everything at every commit"
                        + " (same answer, slower)."},
        footer = {"", "Examples:", "  loupe wal bisect app.db", "  loupe wal bisect --finding rowid-order app.db-wal",
                "  loupe wal bisect --format json app.db | jq .firstBad",
                "", "Exit codes: 0 no commit has the finding, 1 a commit has it, 2 usage error, 3 file unreadable."})
final class WalBisectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--finding", paramLabel = "CODE",
            description = "Look for this finding code (e.g. rowid-order; see docs/findings.md) instead of any error.")
    String finding;

    @Option(names = "--quick", description = "Structural checks only (no record-level checks).")
    boolean quick;

    @Option(names = "--naive", description = "Check the whole database at every commit (the reference answer).")
    boolean naive;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file or its -wal.")
    Path file;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        FindingCode code = null;
        if (finding != null) {
            code = FindingCode.byCode(finding);
            if (code == null) {
                throw new UserError(ExitCode.USAGE, "unknown finding code '" + finding
                        + "' (codes are listed in docs/findings.md, e.g. rowid-order, page-never-used)");
            }
        }
        BisectOptions options = new BisectOptions(code, CheckOptions.defaults().withThreads(1).withQuick(quick),
                naive ? BisectStrategy.NAIVE : BisectStrategy.INCREMENTAL);
        PrintWriter out = spec.commandLine().getOut();
        try (WalPair pair = WalFiles.resolve(file, wal, WalFiles.Reads.DATABASE).openPair()) {
            BisectResult r;
            try (CommitProgress progress = CommitProgress.of(spec.commandLine().getErr(), !json)) {
                r = WalBisect.run(pair, options, progress);
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(pair, r)));
            } else {
                text(out, pair, r);
            }
            out.flush();
            return r.found() ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    private void text(PrintWriter out, WalPair pair, BisectResult r) {
        String what = finding != null ? "finding " + finding : "a finding of error severity";
        out.printf("Bisect     %s%s: %d valid commits; looked for %s%n", pair.database(),
                pair.walPath() == null ? " (no WAL)" : " + " + pair.walPath(), r.commitCount(), what);
        if (!r.found()) {
            out.printf("Result     no commit has %s (commits 0..%d checked)%n", what, r.commitCount());
        } else if (r.firstBad() == 0) {
            out.printf("Result     the database file alone (commit 0, before any WAL commit) already has it:"
                    + " %,d pages%n", r.databaseSize());
        } else {
            out.printf("Result     first bad commit %d of %d (frames %d..%d), database %,d pages; commit %d is"
                    + " clean%n", r.firstBad(), r.commitCount(), r.firstFrame(), r.lastFrame(), r.databaseSize(),
                    r.firstBad() - 1);
            out.println();
            out.printf("Pages it wrote (%d)%n", r.changedPages().size());
            out.printf("  %8s %8s  %-16s %s%n", "page", "frame", "kind", "owner");
            for (ChangedPage p : r.changedPages()) {
                out.printf("  %8d %8d  %-16s %s%n", p.page(), p.frame(), p.kind(), p.owner() == null ? "-"
                        : p.owner());
            }
        }
        if (r.found()) {
            out.println();
            out.printf("Findings (%d)%n", r.findings().size());
            for (Finding f : r.findings()) {
                out.printf("  %-26s %-7s %s%n", f.code().code(), f.severity().code(), where(f));
                out.printf("    %s%n", f.message());
                if (f.sqlite() != null) {
                    out.printf("    sqlite: %s%n", f.sqlite());
                }
            }
            out.println();
            out.printf("Next       loupe wal checkout --commit %d -o bad.db %s   (and --commit %d for the last good"
                    + " one)%n", r.firstBad(), file, Math.max(0, r.firstBad() - 1));
        }
        out.printf("Checked    %d commits %s in %,d ms: %,d table checks, %,d commits structure-only%n", r.checked(),
                r.strategy() == BisectStrategy.NAIVE ? "naively" : "incrementally", r.millis(), r.tablesChecked(),
                r.quickCommits());
    }

    private static String where(Finding f) {
        StringBuilder s = new StringBuilder();
        if (f.object() != null) {
            s.append(f.object());
        }
        if (f.page() > 0) {
            s.append(s.isEmpty() ? "" : " ").append("page ").append(f.page());
        }
        if (f.cell() >= 0) {
            s.append(" cell ").append(f.cell());
        }
        return s.toString();
    }

    private ObjectNode json(WalPair pair, BisectResult r) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("database", pair.database().toString());
        o.put("wal", pair.walPath() == null ? null : pair.walPath().toString());
        o.put("finding", finding);
        o.put("commitCount", r.commitCount());
        o.put("checked", r.checked());
        if (r.found()) {
            o.put("firstBad", r.firstBad());
        } else {
            o.putNull("firstBad");
        }
        o.put("firstFrame", r.firstFrame());
        o.put("lastFrame", r.lastFrame());
        o.put("databaseSize", r.databaseSize());
        ArrayNode pages = o.putArray("changedPages");
        for (ChangedPage p : r.changedPages()) {
            pages.addObject().put("page", p.page()).put("frame", p.frame()).put("kind", p.kind())
                    .put("owner", p.owner());
        }
        ArrayNode findings = o.putArray("findings");
        r.findings().forEach(f -> findings.add(FindingJson.finding(f)));
        o.put("strategy", r.strategy().name().toLowerCase(java.util.Locale.ROOT));
        o.put("tablesChecked", r.tablesChecked());
        o.put("quickCommits", r.quickCommits());
        o.put("millis", r.millis());
        return o;
    }
}
