package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadPiece;
import dev.loupe.format.btree.PayloadReader;
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
import java.util.concurrent.Callable;

@Command(name = "overflow", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Follow the overflow chain of cell I on page N (fileformat2 §1.6: each overflow page holds the"
                + " next page's number, then usable-4 payload bytes): each page, its next pointer, the payload"
                + " bytes it holds, and what is wrong with the chain.",
        footer = {"", "Examples:", "  loupe overflow app.db 22 0", "  loupe overflow --format json app.db 22 0",
                "", "Exit codes: 0 the chain is sound, 1 problems found, 2 page or cell out of range or a cell"
                + " without payload, 3 file unreadable."})
final class OverflowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Parameters(index = "1", paramLabel = "N", description = "Page number (1 = first page).")
    long pageNumber;

    @Parameters(index = "2", paramLabel = "I", description = "Cell index on the page (0 = first cell).")
    int cellIndex;

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
            PageArgs.requirePage(db, pageNumber);
            byte[] data = db.pages().read(pageNumber);
            if (data == null) {
                throw new UserError(ExitCode.UNREADABLE, "page " + pageNumber + " cannot be read");
            }
            BTreePage page = BTreePage.decode(pageNumber, data, db.usableSize());
            if (page.type() == null) {
                throw new UserError(ExitCode.FINDINGS, "page " + pageNumber + " is not a b-tree page: "
                        + page.problems().get(0).message());
            }
            PageArgs.requireCell(pageNumber, page.cellCount(), cellIndex);
            Cell cell = page.cell(cellIndex);
            if (cell == null) {
                throw new UserError(ExitCode.FINDINGS, "cell " + cellIndex + " of page " + pageNumber
                        + " cannot be decoded: its pointer is outside the cell content area");
            }
            if (!(cell instanceof PayloadCell pc)) {
                throw new UserError(ExitCode.USAGE, "cell " + cellIndex + " of page " + pageNumber + " is a "
                        + page.type().label() + " cell: it has no payload and no overflow chain");
            }
            Payload payload = new PayloadReader(db.pages(), db.usableSize()).read(data, pc.payload());
            List<Link> chain = new ArrayList<>();
            for (PayloadPiece piece : payload.pieces()) {
                if (piece.span().page() == pageNumber && piece.payloadOffset() == 0) {
                    continue; // the local part
                }
                byte[] ov = db.pages().read(piece.span().page());
                chain.add(new Link(piece.span().page(), ov == null ? -1 : BigEndian.u32(ov, 0), piece));
            }
            List<Problem> problems = new ArrayList<>(new LinkedHashSet<>(cell.problems()));
            payload.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(json(pc, chain, payload, problems, db.usableSize())));
            } else {
                text(out, page, pc, chain, payload, problems, db.usableSize());
            }
            out.flush();
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    /** One overflow page: its number, the next-page pointer it holds, and the payload bytes taken from it. */
    private record Link(long page, long next, PayloadPiece piece) {
    }

    private static long expectedPages(PayloadCell c, int usable) {
        long rest = c.payload().declaredSize() - c.payload().localSize();
        return rest <= 0 ? 0 : (rest + usable - 5) / (usable - 4);
    }

    private static void text(PrintWriter out, BTreePage page, PayloadCell c, List<Link> chain, Payload payload,
                             List<Problem> problems, int usable) {
        var lp = c.payload();
        out.printf("Cell %d on page %d (%s): payload %,d bytes, %,d on the page (bytes %d..%d), first overflow page %d%n",
                c.index(), c.page(), page.type().label(), lp.declaredSize(), lp.localSize(), lp.localOffset(),
                lp.localOffset() + lp.localSize() - 1, lp.firstOverflow());
        out.printf("Chain: %d of %d overflow pages read, %,d of %,d payload bytes%n", chain.size(),
                expectedPages(c, usable), payload.length(), lp.declaredSize());
        if (!chain.isEmpty()) {
            out.println();
            out.printf("  %5s %10s %10s %10s %14s%n", "#", "page", "next", "bytes", "payload at");
            for (int i = 0; i < chain.size(); i++) {
                Link l = chain.get(i);
                out.printf("  %5d %10d %10s %,10d %,14d%n", i + 1, l.page(), l.next() < 0 ? "?" : Long.toString(l.next()),
                        l.piece().span().length(), l.piece().payloadOffset());
            }
        }
        out.println();
        if (problems.isEmpty()) {
            out.println(lp.overflows() ? "The chain is sound." : "The payload is all on the page: no overflow chain.");
        } else {
            out.printf("Problems   %d%n", problems.size());
            for (Problem p : problems) {
                out.printf("  %-22s %-22s %s%n", p.kind().code(), p.span(), p.message());
            }
        }
    }

    private static ObjectNode json(PayloadCell c, List<Link> chain, Payload payload, List<Problem> problems,
                                   int usable) {
        var lp = c.payload();
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("page", c.page());
        o.put("cell", c.index());
        o.put("payloadSize", lp.declaredSize());
        o.put("localSize", lp.localSize());
        o.set("localSpan", JsonValues.span(lp.localSpan()));
        o.put("firstOverflow", lp.firstOverflow());
        o.put("expectedPages", expectedPages(c, usable));
        o.put("bytesRead", payload.length());
        ArrayNode pages = o.putArray("chain");
        for (Link l : chain) {
            ObjectNode p = pages.addObject();
            p.put("page", l.page());
            if (l.next() < 0) {
                p.putNull("next");
            } else {
                p.put("next", l.next());
            }
            p.put("bytes", l.piece().span().length());
            p.put("payloadOffset", l.piece().payloadOffset());
        }
        ArrayNode ps = o.putArray("problems");
        problems.forEach(p -> ps.add(JsonValues.problem(p)));
        return o;
    }
}
