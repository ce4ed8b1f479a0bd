package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.HeaderField;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.wal.WalFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "info", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Summarize a database: header fields, pages by kind, tables and indexes with their row and"
                + " page counts, the freelist and the WAL, and every problem found on the way.",
        footer = {"", "Examples:", "  loupe info app.db", "  loupe info --format json app.db | jq .objects",
                "  loupe info --wal ignore app.db      (the database file alone, without its -wal)",
                "", "Exit codes: 0 no problems, 1 problems found, 3 file unreadable."})
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseLease lease = wal.open(file)) {
            Database db = lease.db();
            PageMap map;
            try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "loupe: reading",
                    !json)) {
                map = lease.pageMap(progress);
            }
            Schema schema = db.schema();
            List<Problem> problems = allProblems(db, map);
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(json(db, map, schema, problems)));
            } else {
                text(out, db, map, schema, problems, Style.of(spec));
            }
            out.flush();
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static List<Problem> allProblems(Database db, PageMap map) throws IOException {
        Set<Problem> all = new LinkedHashSet<>(db.problems());
        all.addAll(db.schemaSnapshot().problems());
        all.addAll(map.problems());
        return new ArrayList<>(all);
    }

    // ---- text ----

    private static void text(PrintWriter out, Database db, PageMap map, Schema schema, List<Problem> problems,
                             Style style) {
        DatabaseHeader h = db.header();
        out.printf("File       %s (%,d bytes)%n", db.name(), db.fileSize());
        out.printf("Pages      %,d x %d bytes (usable %d), %s, schema format %d, auto-vacuum %s%n",
                db.pageCount(), db.pageSize(), db.usableSize(), db.encoding().pragmaName(), h.schemaFormat(),
                !h.autoVacuum() ? "none" : h.incrementalVacuum() != 0 ? "incremental" : "full");
        out.printf("WAL        %s%n", walLine(db));
        out.println();
        out.println(style.heading("Header (page 1, bytes 0..99)"));
        out.printf("  %6s %4s  %-27s %12s  %s%n", "offset", "size", "field", "value", "meaning");
        for (HeaderField f : h.fields()) {
            out.printf("  %6d %4d  %-27s %12d  %s%n", f.span().offset(), f.span().length(), f.name(), f.raw(), f.meaning());
        }
        out.println();
        out.println(style.heading("Pages by kind"));
        for (Map.Entry<PageKind, Long> e : map.countsByKind().entrySet()) {
            if (e.getValue() > 0) {
                out.printf("  %-16s %,10d%n", e.getKey().label(), e.getValue());
            }
        }
        out.println();
        out.println(style.heading("Tables and indexes"));
        out.printf("  %-5s  %-28s %8s %12s %8s %8s %8s %8s %5s%n", "type", "name", "root", "rows", "pages",
                "interior", "leaf", "overflow", "depth");
        for (ObjectPages o : map.objects()) {
            var c = o.census();
            out.printf("  %-5s  %-28s %8d %,12d %,8d %,8d %,8d %,8d %5d%n", o.type(), o.name(), c.root(), c.entries(),
                    c.totalPages(), c.interiorPages(), c.leafPages(), c.overflowPages(), c.depth());
        }
        schema.tables().stream().filter(t -> t.virtual()).forEach(t ->
                out.printf("  %-5s  %-28s (virtual table: no b-tree of its own)%n", "table", t.name()));
        schema.views().forEach(v -> out.printf("  %-5s  %s%n", "view", v.name()));
        schema.triggers().forEach(t -> out.printf("  %-7s %s (on %s)%n", "trigger", t.name(), t.tableName()));
        out.println();
        var fl = map.freelist();
        out.printf("Freelist   %s%n", fl.pageTotal() == 0 && h.freelistPageCount() == 0 ? "empty"
                : String.format("%,d pages: %d trunk, %,d leaf; first trunk page %d; header count %d",
                fl.pageTotal(), fl.trunks().size(), fl.leafPages().length, h.firstFreelistTrunkPage(),
                h.freelistPageCount()));
        out.println();
        if (problems.isEmpty()) {
            out.println(style.heading("Problems") + "   none found by the reader (run 'loupe check' for the full"
                    + " integrity check)");
        } else {
            out.printf("%s   %d%n", style.heading("Problems"), problems.size());
            for (Problem p : problems) {
                out.println(ProblemText.line(p, style));
            }
        }
    }

    private static String walLine(Database db) {
        if (db.wal().isEmpty()) {
            return "none";
        }
        WalFile w = db.wal().get();
        int frames = w.frames().size();
        int valid = w.validFrameCount();
        String s = String.format("%,d frames, %d valid commits (frames 1..%d valid)", frames, w.commits().size(), valid);
        if (valid < frames) {
            s += String.format(", %d frames ignored by SQLite", frames - valid);
        }
        s += db.appliedCommit() > 0 ? "; applied up to commit " + db.appliedCommit() + " (" + db.pageCount() + " pages)"
                : "; not applied";
        return s;
    }

    // ---- json ----

    private static ObjectNode json(Database db, PageMap map, Schema schema, List<Problem> problems) {
        ObjectNode root = JsonValues.NODES.objectNode();
        DatabaseHeader h = db.header();
        root.put("file", db.name());
        root.put("fileSize", db.fileSize());
        root.put("pageSize", db.pageSize());
        root.put("usableSize", db.usableSize());
        root.put("pageCount", db.pageCount());
        root.put("encoding", db.encoding().pragmaName());
        root.put("autoVacuum", !h.autoVacuum() ? "none" : h.incrementalVacuum() != 0 ? "incremental" : "full");
        ArrayNode fields = root.putObject("header").putArray("fields");
        for (HeaderField f : h.fields()) {
            ObjectNode o = fields.addObject();
            o.put("name", f.name());
            o.put("offset", f.span().offset());
            o.put("length", f.span().length());
            o.put("value", f.raw());
            o.put("meaning", f.meaning());
        }
        ObjectNode kinds = root.putObject("pagesByKind");
        map.countsByKind().forEach((k, v) -> kinds.put(k.label(), v));
        ArrayNode objects = root.putArray("objects");
        for (ObjectPages o : map.objects()) {
            var c = o.census();
            ObjectNode n = objects.addObject();
            n.put("type", o.type());
            n.put("name", o.name());
            n.put("table", o.tableName());
            n.put("rootPage", c.root());
            n.put("entries", c.entries());
            n.put("pages", c.totalPages());
            n.put("interiorPages", c.interiorPages());
            n.put("leafPages", c.leafPages());
            n.put("overflowPages", c.overflowPages());
            n.put("depth", c.depth());
        }
        schema.views().forEach(v -> objects.addObject().put("type", "view").put("name", v.name()));
        schema.triggers().forEach(t -> objects.addObject().put("type", "trigger").put("name", t.name())
                .put("table", t.tableName()));
        var fl = map.freelist();
        ObjectNode free = root.putObject("freelist");
        free.put("firstTrunkPage", h.firstFreelistTrunkPage());
        free.put("headerCount", h.freelistPageCount());
        free.put("pages", fl.pageTotal());
        free.put("trunkPages", fl.trunks().size());
        free.put("leafPages", fl.leafPages().length);
        if (db.wal().isPresent()) {
            WalFile w = db.wal().get();
            ObjectNode wn = root.putObject("wal");
            wn.put("frames", w.frames().size());
            wn.put("validFrames", w.validFrameCount());
            wn.put("commits", w.commits().size());
            wn.put("appliedCommit", db.appliedCommit());
        } else {
            root.putNull("wal");
        }
        ArrayNode ps = root.putArray("problems");
        problems.forEach(p -> ps.add(JsonValues.problem(p)));
        return root;
    }
}
