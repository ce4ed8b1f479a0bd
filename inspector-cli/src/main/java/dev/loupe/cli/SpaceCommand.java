package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.space.ObjectSpace;
import dev.loupe.format.space.SpaceAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "space", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Space used by each table and index: interior, leaf and overflow pages, entries, payload and"
                + " unused bytes, fill, depth, average fan-out and non-sequential leaves (dbstat's and"
                + " sqlite3_analyzer's definitions), then whole-file totals.",
        footer = {"", "Examples:", "  loupe space app.db", "  loupe space --format json app.db | jq '.objects[] | {name, payload}'",
                "", "payload and unused are sum(payload) and sum(unused) of SQLite's dbstat for the object; fill is"
                + " (pages x page size - unused) / (pages x page size); fan-out is (interior + leaf - 1) / interior;"
                + " non-seq counts the leaves whose page number is not the previous page of the object + 1.",
                "Exit codes: 0 no problems, 1 problems found, 3 file unreadable."})
final class SpaceCommand implements Callable<Integer> {

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
            List<ObjectSpace> objects = SpaceAnalysis.of(db, map);
            List<Problem> problems = PageProblems.of(db, map).all();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(db, map, objects, problems)));
            } else {
                text(out, db, map, objects, problems);
            }
            out.flush();
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static void text(PrintWriter out, Database db, PageMap map, List<ObjectSpace> objects,
                             List<Problem> problems) {
        out.printf("%s: %,d pages x %d bytes%n", db.name(), map.pageCount(), db.pageSize());
        section(out, "Tables", objects.stream().filter(o -> o.type().equals("table")).toList());
        section(out, "Indexes", objects.stream().filter(o -> o.type().equals("index")).toList());
        out.println();
        out.println("Pages by kind");
        for (Map.Entry<PageKind, Long> e : map.countsByKind().entrySet()) {
            if (e.getValue() > 0) {
                out.printf("  %-16s %,10d  %5.1f%%%n", e.getKey().label(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, map.pageCount()));
            }
        }
        out.printf("  %-16s %,10d%n", "total", map.pageCount());
        long payload = objects.stream().mapToLong(ObjectSpace::payload).sum();
        long unused = objects.stream().mapToLong(ObjectSpace::unused).sum();
        long freeBytes = map.freelist().pageTotal() * db.pageSize();
        out.printf("Payload    %,d bytes%n", payload);
        out.printf("Unused     %,d bytes in b-tree and overflow pages; %,d bytes in %,d free pages%n", unused,
                freeBytes, map.freelist().pageTotal());
        if (!problems.isEmpty()) {
            out.println();
            out.printf("Problems   %d (figures count what could be read; see loupe pages)%n", problems.size());
            problems.stream().limit(20).forEach(p ->
                    out.printf("  %-22s %-22s %s%n", p.kind().code(), p.span(), p.message()));
            if (problems.size() > 20) {
                out.printf("  ... and %d more%n", problems.size() - 20);
            }
        }
    }

    private static void section(PrintWriter out, String title, List<ObjectSpace> objects) {
        if (objects.isEmpty()) {
            return;
        }
        out.println();
        out.printf("%-20s %5s %6s %6s %9s %11s %9s %5s %5s %6s %6s%n", title, "int", "leaf", "ovfl", "entries",
                "payload", "unused", "fill%", "depth", "fanout", "nonseq");
        for (ObjectSpace o : objects) {
            out.printf("%-20s %,5d %,6d %,6d %,9d %,11d %,9d %5.1f %5d %6.2f %,6d%n", TextCells.fit(o.name(), 20),
                    o.interiorPages(), o.leafPages(), o.overflowPages(), o.entries(), o.payload(), o.unused(),
                    o.fillPercent(), o.depth(), o.averageFanout(), o.nonSequentialLeaves());
        }
    }

    private static ObjectNode json(Database db, PageMap map, List<ObjectSpace> objects, List<Problem> problems) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("file", db.name());
        root.put("pageSize", db.pageSize());
        root.put("pageCount", map.pageCount());
        ArrayNode arr = root.putArray("objects");
        for (ObjectSpace o : objects) {
            ObjectNode n = arr.addObject();
            n.put("type", o.type());
            n.put("name", o.name());
            n.put("table", o.tableName());
            n.put("interiorPages", o.interiorPages());
            n.put("leafPages", o.leafPages());
            n.put("overflowPages", o.overflowPages());
            n.put("pages", o.totalPages());
            n.put("entries", o.entries());
            n.put("leafCells", o.leafCells());
            n.put("cells", o.cells());
            n.put("payload", o.payload());
            n.put("overflowPayload", o.overflowPayload());
            n.put("unused", o.unused());
            n.put("interiorUnused", o.interiorUnused());
            n.put("leafUnused", o.leafUnused());
            n.put("overflowUnused", o.overflowUnused());
            n.put("maxPayload", o.maxPayload());
            n.put("entriesWithOverflow", o.entriesWithOverflow());
            n.put("fillPercent", Math.round(o.fillPercent() * 100) / 100.0);
            n.put("depth", o.depth());
            n.put("averageFanout", Math.round(o.averageFanout() * 100) / 100.0);
            n.put("nonSequentialLeaves", o.nonSequentialLeaves());
        }
        ObjectNode kinds = root.putObject("pagesByKind");
        map.countsByKind().forEach((k, v) -> kinds.put(k.label(), v));
        ObjectNode totals = root.putObject("totals");
        totals.put("payload", objects.stream().mapToLong(ObjectSpace::payload).sum());
        totals.put("unused", objects.stream().mapToLong(ObjectSpace::unused).sum());
        totals.put("freelistPages", map.freelist().pageTotal());
        totals.put("freelistBytes", map.freelist().pageTotal() * db.pageSize());
        ArrayNode ps = root.putArray("problems");
        problems.forEach(p -> ps.add(JsonValues.problem(p)));
        return root;
    }
}
