package dev.loupe.cli;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.CheckStats;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import dev.loupe.check.Verdict;
import dev.loupe.check.report.CheckedFile;
import dev.loupe.check.report.ReportFormat;
import dev.loupe.check.report.ReportSettings;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.Progress;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;
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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Check database files more deeply than PRAGMA integrity_check, without SQLite: b-trees,"
                + " page use, freelist, pointer map, header, records, constraints, indexes against their tables,"
                + " and the WAL. Each finding names its code (docs/findings.md), object, page, cell, bytes and"
                + " the line SQLite 3.40's integrity_check prints for the same problem.",
                "Directories are searched recursively for files starting with the SQLite header string"
                        + " (-wal, -shm and -journal files are skipped); files are checked in sorted order."},
        footer = {"", "Examples:", "  loupe check app.db", "  loupe check --quick --format jsonl fixtures/",
                "  loupe check --format sarif -o loupe.sarif db/        (GitHub code scanning)",
                "  loupe check --format junit -o loupe-junit.xml db/    (Jenkins, GitLab)",
                "  loupe check --table users --fail-on warning app.db",
                "", "JSONL: one line per file, {\"file\", \"verdict\": \"ok\"|\"corrupt\"|\"unreadable\","
                + " \"findings\": [{\"code\", \"severity\", \"page\", \"offset\", \"object\", \"message\", ...}]}.",
                "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage error, 3 a file could not"
                        + " be read at all (missing, no permission; wins over 1). A damaged header is a finding (1)."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Database files, or directories to search.")
    List<Path> paths;

    @Option(names = "--quick", description = "Structural checks only (b-trees, page use, freelist, pointer map,"
            + " header, WAL): no record, constraint or index-content checks. Like PRAGMA quick_check, but deeper.")
    boolean quick;

    @Option(names = "--table", paramLabel = "T", description = "Check the rows and indexes of table T only"
            + " (repeatable; case-insensitive). Structural checks of the whole file always run.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--max-findings", paramLabel = "N", description = "Report at most N findings per file"
            + " (default: ${DEFAULT-VALUE}).", defaultValue = "" + CheckOptions.DEFAULT_MAX_FINDINGS)
    int maxFindings;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores)."
            + " The report does not depend on it.")
    Integer threads;

    @Option(names = "--format", paramLabel = "text|json|jsonl|junit|sarif", defaultValue = "text",
            description = "text (for people), json (one document), jsonl (one line per file), junit (JUnit XML)"
                    + " or sarif (SARIF 2.1.0).")
    String format;

    @Option(names = "--fail-on", paramLabel = "error|warning", defaultValue = "error",
            description = "The least severe finding that makes the exit code 1 (and a JUnit failure):"
                    + " error (default) or warning.")
    String failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of"
            + " standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite the -o file if it exists.")
    boolean force;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        ReportFormat reportFormat = ReportFormat.parse(format);
        if (reportFormat == null) {
            Formats.require(format, "text", "json", "jsonl", "junit", "sarif");
        }
        Severity threshold = Severity.parse(failOn);
        if (threshold == null || threshold == Severity.INFO) {
            throw new UserError(ExitCode.USAGE, "--fail-on must be error or warning, not '" + failOn + "'");
        }
        CheckOptions options = options();
        List<Path> files = DatabaseFiles.expand(paths);
        if (files.isEmpty()) {
            throw new UserError(ExitCode.USAGE, "no SQLite database files found in " + joined(paths));
        }
        OpenOptions openOptions = wal.toOptions();
        if (openOptions.wal() == OpenOptions.WalChoice.PATH && files.size() > 1) {
            throw new UserError(ExitCode.USAGE, "--wal PATH names the WAL of one database; " + files.size()
                    + " files were given");
        }
        if (output != null) {
            refuseInputAsOutput(files);
        }
        Checker checker = Checker.standard(options);
        List<CheckedFile> checked = new ArrayList<>();
        boolean text = reportFormat == ReportFormat.TEXT && output == null;
        for (int i = 0; i < files.size(); i++) {
            String label = "loupe: checking " + files.get(i) + (files.size() > 1 ? " (" + (i + 1) + " of "
                    + files.size() + ")" : "");
            try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), label, text)) {
                checked.add(check(checker, files.get(i), openOptions, progress));
            }
        }
        write(reportFormat.reporter(ReportSettings.of(threshold, Version.number())), checked);
        return exitCode(checked, threshold);
    }

    private CheckOptions options() {
        if (maxFindings < 1) {
            throw new UserError(ExitCode.USAGE, "--max-findings must be at least 1");
        }
        if (threads != null && threads < 1) {
            throw new UserError(ExitCode.USAGE, "--threads must be at least 1");
        }
        CheckOptions o = CheckOptions.defaults().withQuick(quick).withMaxFindings(maxFindings)
                .withObjects(new LinkedHashSet<>(tables));
        return threads == null ? o : o.withThreads(threads);
    }

    /** Checks one file; a file that cannot be opened at all becomes an "unreadable" report, not an exception. */
    private static CheckedFile check(Checker checker, Path file, OpenOptions openOptions, Progress progress)
            throws IOException {
        String name = file.toString();
        if (!Files.exists(file)) {
            return unreadable(name, name + ": no such file");
        }
        if (Files.isDirectory(file)) {
            return unreadable(name, name + ": is a directory");
        }
        if (!Files.isReadable(file)) {
            return unreadable(name, name + ": permission denied");
        }
        Database db;
        try {
            db = Database.open(file, openOptions);
        } catch (NoSuchFileException e) {
            return unreadable(name, name + ": no such file");
        } catch (AccessDeniedException e) {
            return unreadable(name, name + ": permission denied");
        } catch (IOException e) {
            return unreadable(name, name + ": cannot read: " + e.getMessage());
        }
        try {
            CheckReport report = checker.check(db, progress);
            if (!report.file().equals(name)) {
                report = new CheckReport(name, report.verdict(), report.findings(), report.dropped(),
                        report.stats());
            }
            return new CheckedFile(report, db.pageSize(), objects(db));
        } finally {
            Opener.closeQuietly(db);
        }
    }

    private static CheckedFile unreadable(String file, String message) {
        Finding f = Finding.of(FindingCode.FILE_UNREADABLE, message).build();
        return CheckedFile.of(new CheckReport(file, Verdict.UNREADABLE, List.of(f), 0, CheckStats.NONE));
    }

    /** The b-trees a check covers, in schema order: sqlite_schema, then each table and its indexes. */
    private static List<String> objects(Database db) {
        List<String> names = new ArrayList<>();
        names.add("sqlite_schema");
        try {
            Schema schema = db.schema();
            for (Table t : schema.tables()) {
                if (!t.virtual()) {
                    names.add(t.name());
                }
            }
            for (Index i : schema.indexes()) {
                names.add(i.name());
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable schema is itself a finding of the check; the objects are then those findings name.
            return names;
        }
        return names;
    }

    private void refuseInputAsOutput(List<Path> files) throws IOException {
        if (!Files.exists(output)) {
            return;
        }
        for (Path f : files) {
            if (Files.exists(f) && Files.isSameFile(f, output)) {
                throw new UserError(ExitCode.USAGE, output + ": is an input file; Loupe never writes to what it"
                        + " reads");
            }
        }
    }

    private void write(dev.loupe.check.report.Reporter reporter, List<CheckedFile> checked) throws IOException {
        if (output == null) {
            reporter.write(checked, spec.commandLine().getOut());
            return;
        }
        try (OutputStream os = OutputFile.open(output, force, null);
             Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            reporter.write(checked, w);
        }
    }

    static int exitCode(List<CheckedFile> checked, Severity threshold) {
        boolean findings = false;
        for (CheckedFile f : checked) {
            if (f.report().verdict() == Verdict.UNREADABLE) {
                return ExitCode.UNREADABLE;
            }
            findings |= f.report().hasFindingAtLeast(threshold);
        }
        return findings ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private static String joined(List<Path> ps) {
        return String.join(", ", ps.stream().map(Path::toString).toList());
    }
}
