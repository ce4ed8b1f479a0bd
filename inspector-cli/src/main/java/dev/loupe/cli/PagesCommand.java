package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.map.PageRole;
import dev.loupe.format.map.PageRoles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pages", sortOptions = false, mixinStandardHelpOptions = true,
        description = "One line per page: its kind, the table or index that owns it, its parent page (the page"
                + " that points to it) and its role there, and the problems found on it.",
        footer = {"", "Examples:", "  loupe pages app.db", "  loupe pages --format jsonl app.db | jq 'select(.kind==\"orphan\")'",
                "", "Kinds: table-interior, table-leaf, index-interior, index-leaf, overflow, freelist-trunk,"
                + " freelist-leaf, ptrmap, lock-byte, orphan (claimed by nothing), unreadable (reached from a tree,"
                + " not a b-tree page).",
                "Exit codes: 0 no problems, 1 problems found, 3 file unreadable."})
final class PagesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Option(names = "--format", paramLabel = "text|jsonl|json", defaultValue = "text",
            description = "text (aligned table), jsonl (one object per page) or json (one document).")
    String format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        Formats.require(format, "text", "jsonl", "json");
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseLease lease = wal.open(file)) {
            Database db = lease.db();
            PageMap map;
            PageRoles roles;
            try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "loupe: reading",
                    format.equals("text"))) {
                map = lease.pageMap(progress);
                roles = PageRoles.build(db, map, progress);
            }
            PageProblems problems = PageProblems.of(db, map);
            if (format.equals("text")) {
                text(out, map, roles, problems, Style.of(spec));
            } else {
                json(out, db, map, roles, problems);
            }
            out.flush();
            if (format.equals("jsonl") && !problems.all().isEmpty()) {
                spec.commandLine().getErr().println("loupe: " + problems.all().size() + " problem"
                        + (problems.all().size() == 1 ? "" : "s") + " (in each page's \"problems\""
                        + (problems.elsewhere().isEmpty() ? ")" : "; " + problems.elsewhere().size()
                        + " not on a page: see --format json)"));
            }
            return problems.all().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static void text(PrintWriter out, PageMap map, PageRoles roles, PageProblems problems, Style style) {
        out.println(style.heading(String.format("%8s  %-14s  %-24s %8s  %s", "page", "kind", "owner", "parent",
                "role")));
        for (long p = 1; p <= map.pageCount(); p++) {
            PageRole role = roles.role(p);
            ObjectPages owner = map.owner(p);
            PageKind kind = map.kind(p);
            out.printf("%8d  %s  %-24s %8s  %s%n", p, style.pageKind(kind, String.format("%-14s", kind.label())),
                    owner == null ? "-" : TextCells.fit(owner.name(), 24),
                    role.parent() == 0 ? "-" : Long.toString(role.parent()), role.describe());
            for (Problem pr : problems.on(p)) {
                out.println(style.problem(pr.kind(), String.format("%10s! %s at %s: %s", "", pr.kind().code(),
                        pr.span(), pr.message())));
            }
        }
        if (!problems.elsewhere().isEmpty()) {
            out.println();
            out.println(style.heading("Problems not on a page"));
            for (Problem pr : problems.elsewhere()) {
                out.println(ProblemText.line(pr, style));
            }
        }
    }

    private void json(PrintWriter out, Database db, PageMap map, PageRoles roles, PageProblems problems)
            throws IOException {
        boolean document = format.equals("json");
        JsonGenerator gen = new ObjectMapper().getFactory().createGenerator(out);
        gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        gen.setRootValueSeparator(null); // JSONL: each object ends with our own newline
        if (document) {
            gen.writeStartObject();
            gen.writeStringField("file", db.name());
            gen.writeNumberField("pageCount", map.pageCount());
            gen.writeArrayFieldStart("pages");
        }
        for (long p = 1; p <= map.pageCount(); p++) {
            page(gen, p, map.kind(p), map.owner(p), roles.role(p), problems.on(p));
            if (!document) {
                gen.writeRaw('\n');
            }
        }
        if (document) {
            gen.writeEndArray();
            gen.writeArrayFieldStart("problems");
            for (Problem pr : problems.elsewhere()) {
                gen.writeTree(JsonValues.problem(pr));
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
        gen.flush();
    }

    /** One page's object (docs/json.md, "pages"). */
    private static void page(JsonGenerator gen, long p, PageKind kind, ObjectPages owner, PageRole role,
                             List<Problem> problems) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("page", p);
        gen.writeStringField("kind", kind.label());
        gen.writeStringField("owner", owner == null ? null : owner.name());
        if (role.parent() == 0) {
            gen.writeNullField("parent");
        } else {
            gen.writeNumberField("parent", role.parent());
        }
        gen.writeStringField("role", role.describe());
        if (role instanceof PageRole.TreePage t) {
            gen.writeBooleanField("root", t.parent() == 0);
            if (t.parent() != 0) {
                gen.writeNumberField("childIndex", t.childIndex());
            }
            gen.writeNumberField("cells", t.cells());
        } else if (role instanceof PageRole.Overflow o) {
            gen.writeNumberField("sequence", o.sequence());
            gen.writeNumberField("cellPage", o.cellPage());
            gen.writeNumberField("cellIndex", o.cellIndex());
        } else if (role instanceof PageRole.FreelistTrunk t) {
            gen.writeNumberField("sequence", t.sequence());
            gen.writeNumberField("leaves", t.leaves());
        } else if (role instanceof PageRole.FreelistLeaf l) {
            gen.writeNumberField("index", l.index());
        }
        gen.writeArrayFieldStart("problems");
        for (Problem pr : problems) {
            gen.writeTree(JsonValues.problem(pr));
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }
}
