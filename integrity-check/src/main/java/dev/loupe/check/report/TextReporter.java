package dev.loupe.check.report;

import dev.loupe.check.CheckReport;
import dev.loupe.check.CheckStats;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import dev.loupe.check.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * For people: per file a verdict line, then its findings grouped by object (file-level findings first), each with
 * severity, code, location, message and the line SQLite 3.40 prints; a code's title is shown the first time the
 * code appears in a file. Lines fit in 100 columns (long messages are wrapped). At most {@link #SHOWN_PER_CODE}
 * findings of a code are shown per object, then how many more there are. A summary line ends the report.
 */
public final class TextReporter implements Reporter {

    static final int WIDTH = 100;
    /**
     * Findings of one code shown per object: one damaged page can leave thousands of rows without their index
     * entries, and the first few say what happened; JSON keeps them all.
     */
    static final int SHOWN_PER_CODE = 5;
    private static final String FILE_LEVEL = "(file: header, page use, freelist, pointer map, WAL)";
    private static final String INDENT = "    ";
    private static final String DETAIL = INDENT + "         ";

    @Override
    public void write(List<CheckedFile> files, Writer out) throws IOException {
        for (CheckedFile f : files) {
            file(f.report(), out);
            out.write('\n');
        }
        out.write(summary(ReportSummary.of(files)));
        out.write('\n');
        out.flush();
    }

    private static void file(CheckReport r, Writer out) throws IOException {
        out.write(verdictLine(r));
        out.write('\n');
        Set<FindingCode> explained = EnumSet.noneOf(FindingCode.class);
        for (Map.Entry<String, List<Finding>> group : byObject(r.findings()).entrySet()) {
            out.write("  " + (group.getKey() == null ? FILE_LEVEL : group.getKey()) + "\n");
            Map<FindingCode, Integer> shown = new EnumMap<>(FindingCode.class);
            for (Finding f : group.getValue()) {
                if (shown.merge(f.code(), 1, Integer::sum) <= SHOWN_PER_CODE) {
                    finding(f, explained.add(f.code()), out);
                }
            }
            for (Map.Entry<FindingCode, Integer> e : shown.entrySet()) {
                int more = e.getValue() - SHOWN_PER_CODE;
                if (more > 0) {
                    wrap(String.format(Locale.ROOT, "... and %,d more %s here (--format json lists every one)",
                            more, e.getKey().code()), out);
                }
            }
        }
        if (r.dropped() > 0) {
            out.write(String.format(Locale.ROOT, "  ... and %,d more findings not reported (--max-findings)%n",
                    r.dropped()));
        }
    }

    static String verdictLine(CheckReport r) {
        StringBuilder sb = new StringBuilder(r.file()).append(": ").append(verdictWord(r.verdict()));
        if (r.verdict() != Verdict.UNREADABLE) {
            List<String> counts = new ArrayList<>();
            count(counts, r.count(Severity.ERROR), "error", "errors");
            count(counts, r.count(Severity.WARNING), "warning", "warnings");
            count(counts, r.count(Severity.INFO), "info", "info");
            if (!counts.isEmpty()) {
                sb.append(", ").append(String.join(", ", counts));
            }
            CheckStats s = r.stats();
            sb.append(String.format(Locale.ROOT, "\n  checked %,d pages, %,d trees, %,d rows, %,d index entries"
                    + " in %,d ms", s.pages(), s.trees(), s.rows(), s.indexEntries(), s.millis()));
        }
        return sb.toString();
    }

    private static String verdictWord(Verdict v) {
        return v == Verdict.OK ? "ok" : v.code().toUpperCase(Locale.ROOT);
    }

    private static void count(List<String> parts, long n, String one, String many) {
        if (n > 0) {
            parts.add(String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many));
        }
    }

    /** Findings by object, file-level (null object) first, then objects in the order they first appear. */
    static Map<String, List<Finding>> byObject(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.object() == null) {
                groups.computeIfAbsent(null, k -> new ArrayList<>()).add(f);
            }
        }
        for (Finding f : findings) {
            if (f.object() != null) {
                groups.computeIfAbsent(f.object(), k -> new ArrayList<>()).add(f);
            }
        }
        return groups;
    }

    private static void finding(Finding f, boolean first, Writer out) throws IOException {
        String head = String.format(Locale.ROOT, "%s%-8s %s", INDENT, f.severity().code(), f.code().code());
        if (first) {
            head += ": " + f.code().title();
        }
        out.write(head + "\n");
        String where = FindingLocation.text(f);
        if (!where.isEmpty()) {
            wrap("at " + where, out);
        }
        wrap(f.message(), out);
        if (!f.keys().isEmpty()) {
            wrap("keys: " + String.join(", ", f.keys()), out);
        }
        if (f.sqlite() != null) {
            wrap("SQLite 3.40: " + f.sqlite(), out);
        }
    }

    /** Writes {@code text} indented under the finding's head, wrapped at word boundaries to {@link #WIDTH}. */
    private static void wrap(String text, Writer out) throws IOException {
        int room = WIDTH - DETAIL.length();
        String rest = text.strip();
        while (rest.length() > room) {
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= room / 3) {
                cut = room;
            }
            out.write(DETAIL + rest.substring(0, cut).stripTrailing() + "\n");
            rest = rest.substring(cut).strip();
        }
        out.write(DETAIL + rest + "\n");
    }

    static String summary(ReportSummary s) {
        String line = String.format(Locale.ROOT, "%,d %s checked: %,d ok, %,d corrupt, %,d unreadable; %,d %s,"
                        + " %,d %s, %,d info", s.files(), s.files() == 1 ? "file" : "files", s.ok(), s.corrupt(),
                s.unreadable(), s.errors(), s.errors() == 1 ? "error" : "errors", s.warnings(),
                s.warnings() == 1 ? "warning" : "warnings", s.infos());
        if (s.dropped() > 0) {
            line += String.format(Locale.ROOT, "; %,d more not reported", s.dropped());
        }
        return line;
    }
}
