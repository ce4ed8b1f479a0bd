package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.map.PageRole;
import dev.loupe.format.map.PageRoles;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.format.ptrmap.PtrmapEntry;
import dev.loupe.format.ptrmap.PtrmapPage;
import dev.loupe.format.ptrmap.PtrmapType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ptrmap", sortOptions = false, mixinStandardHelpOptions = true,
        description = "The pointer map of an auto-vacuum database: each pointer-map page and its entries (page,"
                + " type, parent), each checked against what the page map implies (root, b-tree child, first or"
                + " later overflow page, free page).",
        footer = {"", "Examples:", "  loupe ptrmap app.db",
                "  loupe ptrmap --format json app.db | jq '.pages[].entries[] | select(.matches == false)'",
                "", "Types (fileformat2 1.7): 1 root-page, 2 free-page, 3 overflow1 (parent: the cell's page),"
                + " 4 overflow2 (parent: previous overflow page), 5 btree (parent: the interior page).",
                "Exit codes: 0 every entry as expected (or no pointer map), 1 problems or mismatches,"
                        + " 3 file unreadable."})
final class PtrmapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    /** An entry and what the page map says it should be (expected type 0: the map does not say). */
    private record Checked(PtrmapEntry entry, int expectedType, long expectedParent) {
        boolean matches() {
            return expectedType == entry.rawType() && expectedParent == entry.parent();
        }
    }

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseLease lease = wal.openDatabase(file)) {
            Database db = lease.db();
            boolean autoVacuum = db.header().autoVacuum();
            List<PtrmapPage> pages = new ArrayList<>();
            List<List<Checked>> checked = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            if (autoVacuum) {
                PageMap map = lease.pageMap();
                PageRoles roles = PageRoles.build(db, map);
                int usable = db.usableSize();
                for (long p = 2; p <= map.pageCount(); p++) {
                    if (!PointerMap.isPtrmapPage(p, usable)) {
                        continue;
                    }
                    byte[] data = db.pages().read(p);
                    if (data == null) {
                        problems.add(new Problem(ProblemKind.PAGE_UNREADABLE, dev.loupe.format.Span.inPage(p, 0, 0),
                                "pointer-map page " + p + " cannot be read"));
                        continue;
                    }
                    PtrmapPage page = PointerMap.decode(data, p, usable, map.pageCount());
                    pages.add(page);
                    problems.addAll(page.problems());
                    List<Checked> list = new ArrayList<>();
                    for (PtrmapEntry e : page.entries()) {
                        Checked c = check(e, map, roles);
                        list.add(c);
                        if (!c.matches() && c.expectedType() != 0) {
                            problems.add(new Problem(ProblemKind.PTRMAP_ENTRY, e.span(), "pointer-map entry for page "
                                    + e.page() + " is (" + e.rawType() + ", " + e.parent() + "); the page map implies ("
                                    + c.expectedType() + ", " + c.expectedParent() + ")"));
                        }
                    }
                    checked.add(list);
                }
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(autoVacuum, pages, checked, problems)));
            } else {
                text(out, autoVacuum, pages, checked, problems);
            }
            out.flush();
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    /** The entry the page map implies for {@code e}'s page (fileformat2 §1.7), or type 0 when it implies none. */
    private static Checked check(PtrmapEntry e, PageMap map, PageRoles roles) {
        long p = e.page();
        PageKind kind = map.kind(p);
        PageRole role = roles.role(p);
        if (kind == null) {
            return new Checked(e, 0, 0);
        }
        return switch (kind) {
            case TABLE_INTERIOR, TABLE_LEAF, INDEX_INTERIOR, INDEX_LEAF -> {
                ObjectPages owner = map.owner(p);
                boolean root = owner != null && owner.census().root() == p;
                yield root ? new Checked(e, PtrmapType.ROOT_PAGE.code(), 0)
                        : new Checked(e, PtrmapType.BTREE.code(), role.parent());
            }
            case OVERFLOW -> new Checked(e, ((PageRole.Overflow) role).sequence() == 1 ? PtrmapType.OVERFLOW1.code()
                    : PtrmapType.OVERFLOW2.code(), role.parent());
            case FREELIST_TRUNK, FREELIST_LEAF -> new Checked(e, PtrmapType.FREE_PAGE.code(), 0);
            default -> new Checked(e, 0, 0);
        };
    }

    private static String typeName(int code) {
        return PtrmapType.fromCode(code).map(t -> t.name().toLowerCase().replace('_', '-')).orElse("invalid");
    }

    private static void text(PrintWriter out, boolean autoVacuum, List<PtrmapPage> pages, List<List<Checked>> checked,
                             List<Problem> problems) {
        if (!autoVacuum) {
            out.println("Not an auto-vacuum database (header @52 is 0): it has no pointer map.");
            return;
        }
        for (int i = 0; i < pages.size(); i++) {
            PtrmapPage page = pages.get(i);
            List<Checked> list = checked.get(i);
            long bad = list.stream().filter(c -> !c.matches()).count();
            out.printf("Pointer-map page %d: %d entries (pages %s), %s%n", page.page(), list.size(),
                    list.isEmpty() ? "none" : list.get(0).entry().page() + ".." + list.get(list.size() - 1).entry().page(),
                    bad == 0 ? "all as the page map implies" : bad + " not as the page map implies");
            out.printf("  %8s %6s  %-12s %8s   %s%n", "page", "offset", "type", "parent", "expected");
            for (Checked c : list) {
                PtrmapEntry e = c.entry();
                String expected = c.expectedType() == 0 ? "(page map has no entry)"
                        : c.matches() ? "ok" : typeName(c.expectedType()) + " " + c.expectedParent() + "  MISMATCH";
                out.printf("  %8d %6d  %-12s %8d   %s%n", e.page(), e.span().offset(),
                        e.rawType() + " " + typeName(e.rawType()), e.parent(), expected);
            }
            out.println();
        }
        if (problems.isEmpty()) {
            out.println("Problems   none");
        } else {
            out.printf("Problems   %d%n", problems.size());
            for (Problem p : problems) {
                out.printf("  %-14s %-22s %s%n", p.kind().code(), p.span(), p.message());
            }
        }
    }

    private static ObjectNode json(boolean autoVacuum, List<PtrmapPage> pages, List<List<Checked>> checked,
                                   List<Problem> problems) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("autoVacuum", autoVacuum);
        ArrayNode arr = root.putArray("pages");
        for (int i = 0; i < pages.size(); i++) {
            ObjectNode pn = arr.addObject();
            pn.put("page", pages.get(i).page());
            ArrayNode entries = pn.putArray("entries");
            for (Checked c : checked.get(i)) {
                PtrmapEntry e = c.entry();
                ObjectNode en = entries.addObject();
                en.put("page", e.page());
                en.put("offset", e.span().offset());
                en.put("type", e.rawType());
                en.put("typeName", typeName(e.rawType()));
                en.put("parent", e.parent());
                if (c.expectedType() == 0) {
                    en.putNull("expectedType");
                    en.putNull("expectedParent");
                } else {
                    en.put("expectedType", c.expectedType());
                    en.put("expectedParent", c.expectedParent());
                }
                en.put("matches", c.matches());
            }
        }
        ArrayNode ps = root.putArray("problems");
        problems.forEach(p -> ps.add(JsonValues.problem(p)));
        return root;
    }
}
