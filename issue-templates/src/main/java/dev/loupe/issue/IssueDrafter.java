package dev.loupe.issue;

import dev.loupe.repro.sql.Script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Turns a {@link Reproducer} into an {@link IssueDraft} by filling a template. Pure: reads and writes nothing. */
public final class IssueDrafter {

    /** GitHub accepts 256 characters; shorter titles read better in lists. */
    static final int MAX_TITLE = 120;

    private IssueDrafter() {
    }

    public static IssueDraft draft(Reproducer r, DraftOptions options) throws IssueTemplateException {
        String failingSql = failingStatement(r);
        String title = title(r, failingSql);
        String fingerprint = fingerprint(r, failingSql);
        String key = DedupKey.of(title, fingerprint);
        List<String> labels = r.failureClass().labels();
        String regression = RegressionTest.of(r, title, key);
        Map<String, Object> model = model(r, options, title, failingSql, fingerprint, key, labels, regression);
        String body = options.template().render(model);
        GhCommand gh = new GhCommand(options.repo(), title, options.bodyFile(), labels);
        return new IssueDraft(title, body, labels, key, fingerprint, regression, gh);
    }

    /** The failing statement's text (no semicolon), or null when the reproducer names none. */
    static String failingStatement(Reproducer r) {
        Integer i = r.statementIndex();
        if (i == null || r.sql() == null) {
            return null;
        }
        List<String> sqls = Script.parse(r.sql()).sqls();
        return i >= 0 && i < sqls.size() ? sqls.get(i) : null;
    }

    static String title(Reproducer r, String failingSql) {
        String summary = oneLine(r.summary());
        if (summary.isEmpty()) {
            if (r.finding() != null) {
                summary = r.finding().code() + ": " + oneLine(r.finding().message());
            } else if (failingSql != null) {
                summary = r.statementClass() + " differs: " + oneLine(failingSql);
            } else {
                summary = "reproducer " + r.kind();
            }
        }
        String title = r.failureClass().titlePrefix() + ": " + summary;
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            title = title.substring(0, title.offsetByCodePoints(0, MAX_TITLE - 1)).stripTrailing() + "…";
        }
        return title;
    }

    static String fingerprint(Reproducer r, String failingSql) {
        if (failingSql != null) {
            return DedupKey.fingerprint(failingSql);
        }
        if (r.finding() != null) {
            String said = r.finding().sqlite() == null ? "" : " " + DedupKey.normalizeTitle(r.finding().sqlite());
            return "finding " + r.finding().code() + said;
        }
        if (r.fileDiff() != null && r.fileDiff().signature() != null) {
            return "filediff " + r.fileDiff().signature();
        }
        return r.failureClass().id();
    }

    /** Control characters and line breaks become spaces; runs of white space one space. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? ' ' : c));
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Object> model(Reproducer r, DraftOptions o, String title, String failingSql,
                                             String fingerprint, String key, List<String> labels,
                                             String regression) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("failureClass", r.failureClass().id());
        m.put("summary", oneLine(r.summary()));
        m.put("summaryLine", summaryLine(r));
        m.put("sqlKind", !r.fileKind());
        m.put("fileKind", r.fileKind());
        List<Map<String, Object>> engines = new ArrayList<>();
        for (EngineInfo e : r.engines()) {
            engines.add(map("name", e.name(), "version", e.version(), "reference", e.name().equals(r.reference())));
        }
        m.put("engines", engines);
        m.put("reference", r.reference());
        m.put("os", o.os());
        m.put("loupeVersion", o.loupeVersion());
        m.put("reproducerLoupeVersion", r.loupeVersion());
        m.put("created", r.created());
        m.put("oracle", r.oracle());
        m.put("steps", r.steps());
        m.put("millis", r.millis());
        m.put("original", size(r.original()));
        m.put("reduced", size(r.reduced()));
        m.put("sql", r.sql());
        m.put("scriptBlock", r.sql() == null ? null : Fence.block("sql", r.sql()));
        m.put("hexdb", r.hexdb());
        List<Map<String, Object>> commands = new ArrayList<>();
        StringJoiner all = new StringJoiner("\n");
        for (EngineCommands.EngineCommand c : EngineCommands.of(r)) {
            commands.add(map("engine", c.engine(), "version", c.version(), "command", c.command()));
            all.add("# " + c.engine() + " " + c.version() + "\n" + c.command());
        }
        m.put("commands", commands);
        String diff = EngineCommands.diffCommand(r);
        if (diff != null) {
            all.add("# compare the two files (Loupe)\n" + diff);
        }
        m.put("commandsBlock", Fence.block("sh", all.toString()));
        m.put("fileDiff", fileDiff(r, diff));
        m.put("failing", failingSql == null ? null : map("number", r.statementIndex() + 1,
                "statementClass", r.statementClass(), "sql", failingSql, "sqlBlock", Fence.block("sql", failingSql + ";")));
        List<Map<String, Object>> outcomes = new ArrayList<>();
        r.outcomes().forEach((engine, json) ->
                outcomes.add(map("engine", engine, "outcome", json, "outcomeCode", Fence.inline(json),
                        "reference", engine.equals(r.reference()))));
        m.put("outcomes", outcomes);
        String expected = r.outputs().get(r.reference());
        m.put("expected", expected == null ? null
                : map("engine", r.reference(), "output", expected, "block", Fence.block("", expected)));
        List<Map<String, Object>> actual = new ArrayList<>();
        r.outputs().forEach((engine, output) -> {
            if (!engine.equals(r.reference())) {
                actual.add(map("engine", engine, "version", version(r, engine), "output", output,
                        "block", Fence.block("", output)));
            }
        });
        m.put("actual", actual);
        m.put("finding", finding(r));
        m.put("labels", labels);
        StringJoiner labelsText = new StringJoiner(", ");
        labels.forEach(l -> labelsText.add("`" + l + "`"));
        m.put("labelsText", labelsText.toString());
        m.put("dedupKey", key);
        m.put("fingerprint", fingerprint);
        m.put("fingerprintCode", Fence.inline(fingerprint));
        m.put("regressionTest", regression);
        m.put("regressionBlock", Fence.block("sql", regression));
        return m;
    }

    private static String summaryLine(Reproducer r) {
        String ref = r.reference();
        StringJoiner others = new StringJoiner(", ");
        r.engines().stream().filter(e -> !e.name().equals(ref)).forEach(e -> others.add(e.name()));
        String other = others.length() == 0 ? "the engine under test" : others.toString();
        String sentence = switch (r.failureClass()) {
            case WRONG_RESULT -> other + " returns a different result than " + ref + " for the statement below.";
            case ERROR_MISMATCH -> other + " and " + ref + " disagree on whether the statement below fails.";
            case CRASH -> other + " stops (crash, hang or output limit) while running the statement below.";
            case CORRUPTION -> "The database below is corrupt: Loupe's checker reports the finding shown.";
            case FILE_COMPAT -> r.fileKind() ? other + " and " + ref + " disagree about the database file below."
                    : other + " and " + ref + " leave incompatible database files after the script below.";
        };
        String summary = oneLine(r.summary());
        return summary.isEmpty() ? sentence : sentence + " " + summary + (summary.endsWith(".") ? "" : ".");
    }

    private static String version(Reproducer r, String engine) {
        return r.engines().stream().filter(e -> e.name().equals(engine)).map(EngineInfo::version).findFirst()
                .orElse("");
    }

    private static Map<String, Object> size(Reproducer.Size s) {
        return map("statements", s.statements(), "bytes", s.bytes(), "pages", s.pages() == null ? "?" : s.pages());
    }

    private static Map<String, Object> finding(Reproducer r) {
        Finding f = r.finding();
        if (f == null) {
            return null;
        }
        StringJoiner where = new StringJoiner(", ");
        if (f.page() > 0) {
            where.add("page " + f.page());
        }
        if (f.cell() >= 0) {
            where.add("cell " + f.cell());
        }
        if (f.offset() >= 0) {
            where.add((f.page() > 0 ? "offset " : "file offset ") + f.offset());
            where.add("length " + f.length());
        }
        String hex = HexExcerpt.of(r.database(), f);
        return map("code", f.code(), "severity", f.severity(), "message", f.message(),
                "where", where.length() == 0 ? "the whole file" : where.toString(), "page", f.page(),
                "cell", f.cell(), "offset", f.offset(), "length", f.length(), "sqlite", f.sqlite(),
                "sqliteCode", f.sqlite() == null ? null : Fence.inline(f.sqlite()), "codeCode", Fence.inline(f.code()),
                "hex", hex, "hexBlock", hex == null ? null : Fence.block("", hex));
    }

    private static Map<String, Object> fileDiff(Reproducer r, String diffCommand) {
        Reproducer.FileDiff d = r.fileDiff();
        if (d == null) {
            return null;
        }
        StringJoiner files = new StringJoiner(", ");
        d.databases().forEach((engine, path) -> files.add("`" + path + "` (" + engine + ")"));
        return map("text", d.text(), "block", Fence.block("", d.text().stripTrailing()), "signature", d.signature(),
                "databases", files.length() == 0 ? null : files.toString(), "command", diffCommand,
                "commandCode", diffCommand == null ? null : Fence.inline(diffCommand));
    }

    /** A map that keeps null values (so a template may name a key whose value is absent). */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
