package dev.loupe.cli;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.report.CheckedFile;
import dev.loupe.check.report.TextReporter;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import dev.loupe.samples.corrupt.Image;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show what Loupe does on a bundled sample database: its summary, its rows, its WAL, and"
                + " what happens when its bytes are damaged, and what loupe check finds in a damaged copy. Copies the samples to a temporary directory and"
                + " deletes them afterwards.")
final class DemoCommand implements Callable<Integer> {

    /** The catalogue cases section 5 applies to one copy of demo.db, in this order. */
    private static final List<String> DAMAGE = List.of("not-null-holds-null", "text-invalid-utf8");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("loupe-demo");
        try {
            Path demo = Samples.copyTo(Sample.DEMO, dir);
            section(out, "1. A database, read without SQLite: loupe info " + demo.getFileName());
            run(out, "info", demo.toString());

            section(out, "2. Rows exactly as SQLite returns them: loupe rows --limit 5 demo.db books");
            run(out, "rows", "--limit", "5", demo.toString(), "books");
            section(out, "   ... and as JSON lines for tools: loupe rows --format jsonl --limit 3 demo.db authors");
            run(out, "rows", "--format", "jsonl", "--limit", "3", demo.toString(), "authors");

            Path wal = Samples.copyTo(Sample.WAL, dir);
            section(out, "3. A database in WAL mode: its -wal is applied as SQLite would (loupe info wal.db, summary)");
            String walInfo = capture("info", wal.toString());
            walInfo.lines().filter(l -> l.startsWith("File") || l.startsWith("Pages  ") || l.startsWith("WAL"))
                    .forEach(out::println);
            out.println();
            out.println("   The same file with --wal ignore shows the database file alone:");
            capture("info", "--wal", "ignore", wal.toString()).lines()
                    .filter(l -> l.startsWith("Pages  ") || l.startsWith("WAL")).forEach(out::println);

            section(out, "4. Damage: in a copy of demo.db, the root page of books gets a child pointer that"
                    + " leads back to itself (a loop), as a bad write could leave it");
            Path damaged = dir.resolve("damaged.db");
            Files.write(damaged, loopFirstChild(Files.readAllBytes(demo), "books"));
            out.println("$ loupe info damaged.db   (the problems)");
            capture("info", damaged.toString()).lines().dropWhile(l -> !l.startsWith("Problems")).limit(8)
                    .forEach(out::println);
            out.println();
            out.println("$ loupe rows damaged.db books | wc -l   (the rows that can still be read, and what was lost)");
            String rows = capture("rows", damaged.toString(), "books");
            out.println("  " + (rows.lines().count() - 1) + " of 540 rows read; stderr says:");
            rows.lines().filter(l -> l.startsWith("loupe:") || l.startsWith("  ")).limit(4)
                    .forEach(l -> out.println("  " + l));
            Path checked = checkDamaged(out, dir);
            reproduce(out, checked, dir.resolve("repro"));
            out.println();
            out.println("Next: loupe info YOUR.db, loupe rows YOUR.db TABLE, loupe check YOUR.db, loupe --help.");
            out.flush();
            return ExitCode.OK;
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Section 5: two cases of the corruption catalogue applied to one copy of demo.db, the check report, and what
     * SQLite 3.40 would say about each finding (its line comes from {@link Finding#sqlite()}; no SQLite runs here).
     */
    private static Path checkDamaged(PrintWriter out, Path dir) throws IOException {
        section(out, "5. Check: a copy of demo.db damaged by two cases of the corruption catalogue"
                + " (docs/corruption-catalogue.md)");
        Image image = null;
        for (String name : DAMAGE) {
            Corruption c = Corruptions.named(name);
            out.println("   " + name + ": " + c.description());
            if (image == null) {
                image = c.image();
            } else {
                c.mutation().apply(image);
            }
        }
        Path damaged = dir.resolve("check").resolve("demo.db");
        Files.createDirectories(damaged.getParent());
        Files.write(damaged, image.db());
        out.println();
        out.println("$ loupe check demo.db");
        // one check, rendered by the text reporter loupe check uses (checking twice would slow the demo down)
        CheckReport report = Checker.standard(CheckOptions.defaults()).check(damaged, OpenOptions.defaults());
        StringWriter text = new StringWriter();
        new TextReporter().write(List.of(CheckedFile.of(report)), text);
        out.print(text.toString().replace(damaged.toString(), "demo.db"));
        out.println();
        long lines = report.findings().stream().filter(f -> f.sqlite() != null).count();
        out.println("Loupe reports " + report.findings().size() + " findings; SQLite 3.40's PRAGMA integrity_check"
                + " would print " + lines + (lines == 1 ? " line" : " lines") + " for the same file:");
        for (Finding f : report.findings()) {
            out.println("  - " + f.code().code() + " (" + f.severity().name().toLowerCase(Locale.ROOT) + ") in "
                    + (f.object() == null ? "the file" : f.object()) + ": " + f.code().title() + ".");
            out.println("    SQLite 3.40: " + (f.sqlite() == null
                    ? "no line for this finding (docs/findings.md#" + f.code().code() + " says why)"
                    : "\"" + f.sqlite() + "\""));
        }
        return damaged;
    }

    /**
     * Section 6: the damaged copy shrunk to a reproducer that keeps its NOT NULL finding (repro file), with the
     * hexdb text anyone can load in the sqlite3 shell and the GitHub issue drafted next to it.
     */
    private void reproduce(PrintWriter out, Path damaged, Path dir) throws IOException {
        section(out, "6. Reproduce: shrink that file to the pages its NOT NULL finding needs, and draft the issue");
        out.println("$ loupe repro file demo.db --finding not-null-violated -o repro");
        String summary = capture("repro", "file", damaged.toString(), "--finding", "not-null-violated", "--budget",
                "20", "-o", dir.toString());
        summary.lines().map(l -> l.replace(dir.toString(), "repro").replace(damaged.toString(), "demo.db"))
                .forEach(out::println);
        Path hexdb = dir.resolve("repro.hexdb");
        if (Files.exists(hexdb)) {
            out.println();
            out.println("$ head -4 repro/repro.hexdb   (sqlite3: .open --hexdb repro/repro.hexdb)");
            Files.readAllLines(hexdb).stream().limit(4).forEach(l -> out.println("  " + l));
        }
        Path issue = dir.resolve("issue.md");
        if (Files.exists(issue)) {
            out.println();
            out.println("$ loupe issue draft repro   (the title, labels and the gh command it would run; never run)");
            capture("issue", "draft", dir.toString()).lines()
                    .filter(l -> l.startsWith("Title") || l.startsWith("Labels") || l.startsWith("gh "))
                    .map(l -> l.replace(dir.toString(), "repro")).forEach(out::println);
        }
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.println();
    }

    private void run(PrintWriter out, String... args) {
        out.print(capture(args));
    }

    private static String capture(String... args) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        Main.commandLine(pw, pw).execute(args);
        pw.flush();
        return sw.toString();
    }

    /**
     * Rewrites the first child pointer of table {@code name}'s root page to point at the root itself. The root page
     * number comes from the schema as Loupe reads it; the bytes are edited directly (fileformat2 §1.6: the left
     * child is the first 4 bytes of an interior cell).
     */
    private static byte[] loopFirstChild(byte[] image, String name) throws IOException {
        try (Database db = Database.fromImage(image, "demo")) {
            long root = db.schema().table(name).orElseThrow().rootPage();
            BTreePage page = BTreePage.decode(root, db.pages().read(root), db.usableSize());
            int cell = page.cellPointer(0);
            int at = (int) ((root - 1) * db.pageSize()) + cell;
            byte[] out = image.clone();
            BigEndian.putU32(out, at, root);
            return out;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
