package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.freelist.Freelist;
import dev.loupe.format.freelist.FreelistTrunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "freelist", sortOptions = false, mixinStandardHelpOptions = true,
        description = "The freelist: its trunk pages in chain order with their leaf pages, the total against the"
                + " header's count (@36), and what is wrong with it.",
        footer = {"", "Examples:", "  loupe freelist app.db", "  loupe freelist --format json app.db | jq '.trunks[].leaves'",
                "", "Exit codes: 0 no problems, 1 problems found, 3 file unreadable."})
final class FreelistCommand implements Callable<Integer> {

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
        try (DatabaseLease lease = wal.openDatabase(file)) {
            Database db = lease.db();
            Freelist fl = Freelist.walk(db.pages(), db.header().firstFreelistTrunkPage(),
                    db.header().freelistPageCount(), db.usableSize());
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(fl)));
            } else {
                text(out, fl);
            }
            out.flush();
            return fl.problems().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static void text(PrintWriter out, Freelist fl) {
        out.printf("First trunk page %d (header @32); header count %d (@36); found %d: %d trunk, %d leaf%n",
                fl.firstTrunk(), fl.headerCount(), fl.pageTotal(), fl.trunks().size(), fl.leafPages().length);
        if (!fl.trunks().isEmpty()) {
            out.println();
            out.printf("%8s %8s %8s  %s%n", "trunk", "next", "leaves", "leaf pages");
        }
        for (FreelistTrunk t : fl.trunks()) {
            StringBuilder line = new StringBuilder(String.format("%8d %8d %8d ", t.page(), t.nextTrunk(),
                    t.leafCount()));
            int indent = line.length();
            for (long leaf : t.leaves()) {
                String s = " " + leaf;
                if (line.length() + s.length() > 100) {
                    out.println(line);
                    line = new StringBuilder(" ".repeat(indent));
                }
                line.append(s);
            }
            out.println(line);
        }
        out.println();
        if (fl.problems().isEmpty()) {
            out.println("Problems   none");
        } else {
            out.printf("Problems   %d%n", fl.problems().size());
            for (Problem p : fl.problems()) {
                out.printf("  %-18s %-22s %s%n", p.kind().code(), p.span(), p.message());
            }
        }
    }

    private static ObjectNode json(Freelist fl) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("firstTrunkPage", fl.firstTrunk());
        root.put("headerCount", fl.headerCount());
        root.put("pages", fl.pageTotal());
        root.put("trunkPages", fl.trunks().size());
        root.put("leafPages", fl.leafPages().length);
        ArrayNode trunks = root.putArray("trunks");
        for (FreelistTrunk t : fl.trunks()) {
            ObjectNode n = trunks.addObject();
            n.put("page", t.page());
            n.put("nextTrunk", t.nextTrunk());
            n.put("leafCount", t.leafCount());
            ArrayNode leaves = n.putArray("leaves");
            for (long leaf : t.leaves()) {
                leaves.add(leaf);
            }
        }
        ArrayNode ps = root.putArray("problems");
        fl.problems().forEach(p -> ps.add(JsonValues.problem(p)));
        return root;
    }
}
