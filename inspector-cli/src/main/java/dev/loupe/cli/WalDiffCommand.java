package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.record.Value;
import dev.loupe.wal.ByteRange;
import dev.loupe.wal.CellChange;
import dev.loupe.wal.CellKey;
import dev.loupe.wal.CellRef;
import dev.loupe.wal.FreeblockRef;
import dev.loupe.wal.HeaderChange;
import dev.loupe.wal.PageDiff;
import dev.loupe.wal.PageDiffer;
import dev.loupe.wal.PageSummary;
import dev.loupe.wal.PageVersion;
import dev.loupe.wal.WalInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Cell-level diff of two versions of a page: header fields, cells added / removed / changed "
                + "(matched by rowid, or by key on index pages), freeblocks; a byte diff when either version is not "
                + "a b-tree page.",
        footer = {"", "Examples:", "  loupe wal diff app.db 5 db 12      (the database file's page 5 vs frame 12)",
                "  loupe wal diff --format json app.db-wal 5 3 12", "",
                "A and B are frame numbers holding PAGE (see loupe wal history FILE PAGE) or db.",
                "Exit codes: 0 ok, 1 a version has b-tree damage, 2 page, frame or version out of range,"
                        + " 3 file unreadable."})
final class WalDiffCommand implements Callable<Integer> {

    /** Text values longer than this are cut in text output (JSON has them whole). */
    private static final int TEXT_VALUE_WIDTH = 40;
    /** Index keys longer than this are cut in text output. */
    private static final int KEY_WIDTH = 32;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file or its -wal file.")
    Path file;

    @Parameters(index = "1", paramLabel = "PAGE", description = "Page number (1-based).")
    long page;

    @Parameters(index = "2", paramLabel = "A", description = "The first version: a frame number or db.")
    String a;

    @Parameters(index = "3", paramLabel = "B", description = "The second version: a frame number or db.")
    String b;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        try (WalInput in = WalFiles.resolve(file, wal, WalFiles.Reads.WAL).openInput()) {
            WalVersions.requirePage(in, page);
            PageVersion va = WalVersions.parse(in, page, a, "A");
            PageVersion vb = WalVersions.parse(in, page, b, "B");
            PageDiff d = new PageDiffer(in).diff(va, vb);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(d)));
            } else {
                text(out, d);
            }
            out.flush();
            boolean damaged = damaged(d.beforeSummary()) || damaged(d.afterSummary());
            return damaged ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    private static boolean damaged(PageSummary s) {
        return s.type() != null && s.problems() > 0;
    }

    private static void text(PrintWriter out, PageDiff d) {
        out.println("Page " + d.page() + ": " + WalVersions.describe(d.before()) + " -> "
                + WalVersions.describe(d.after()));
        out.println("  " + summary(d.beforeSummary()) + " -> " + summary(d.afterSummary()) + "; "
                + (d.identical() ? "identical" : d.changedBytes() + " bytes differ"));
        if (d.identical()) {
            return;
        }
        if (!d.headerChanges().isEmpty()) {
            out.println("Header:");
            for (HeaderChange h : d.headerChanges()) {
                out.println(String.format("  %-28s @%-5d %12d -> %d", h.name(), h.span().offset(), h.before(),
                        h.after()));
            }
        }
        if (d.cellLevel()) {
            out.println("Cells: " + d.count(CellChange.Kind.ADDED) + " added, " + d.count(CellChange.Kind.REMOVED)
                    + " removed, " + d.count(CellChange.Kind.CHANGED) + " changed, " + d.count(CellChange.Kind.MOVED)
                    + " moved");
            for (CellChange c : d.cells()) {
                out.println(String.format("  %-8s %-24s %-22s %-22s %s", c.kind().label(), key(c.key()),
                        ref(c.before()), c.before() != null && c.after() != null ? "-> " + ref(c.after())
                                : ref(c.after()), String.join(", ", c.what())).stripTrailing());
            }
            if (d.freeblocksChanged()) {
                out.println("Freeblocks: " + freeblocks(d.freeblocksBefore()) + " -> "
                        + freeblocks(d.freeblocksAfter()));
            }
        } else {
            out.println("Not comparable cell by cell (not both b-tree pages of one kind): " + d.byteRangeCount()
                    + " runs of differing bytes" + (d.byteRangeCount() > d.byteRanges().size() ? ", first "
                    + d.byteRanges().size() + " shown:" : ":"));
            for (ByteRange r : d.byteRanges()) {
                out.println(String.format("  %5d..%-5d %5d byte%s", r.offset(), r.end() - 1, r.length(),
                        r.length() == 1 ? "" : "s"));
            }
        }
    }

    private static String summary(PageSummary s) {
        return s.type() == null ? "not a b-tree page (type byte " + s.rawType() + ")"
                : s.type().label() + " with " + s.cellCount() + " cell" + (s.cellCount() == 1 ? "" : "s") + ", "
                + s.freeBytes() + " free bytes";
    }

    private static String key(CellKey k) {
        if (k.isRowid()) {
            return "rowid " + k.rowid();
        }
        String values = k.values().stream().map(WalDiffCommand::shortLiteral).collect(Collectors.joining(", "));
        String key = "key (" + values + ")";
        return key.length() <= KEY_WIDTH ? key : key.substring(0, KEY_WIDTH - 4) + "...)";
    }

    private static String shortLiteral(Value v) {
        String s = TextValues.literal(v);
        return s.length() <= TEXT_VALUE_WIDTH ? s : s.substring(0, TEXT_VALUE_WIDTH - 3) + "...";
    }

    private static String ref(CellRef r) {
        return r == null ? "" : "cell " + r.index() + " @" + r.offset() + "+" + r.size();
    }

    private static String freeblocks(List<FreeblockRef> list) {
        if (list.isEmpty()) {
            return "none";
        }
        int total = list.stream().mapToInt(FreeblockRef::size).sum();
        return list.size() + " (" + total + " bytes: " + list.stream().map(f -> f.offset() + "+" + f.size())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static ObjectNode json(PageDiff d) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("page", d.page());
        root.set("before", WalVersions.json(d.before()));
        WalVersions.putSummary((ObjectNode) root.get("before"), d.beforeSummary());
        root.set("after", WalVersions.json(d.after()));
        WalVersions.putSummary((ObjectNode) root.get("after"), d.afterSummary());
        root.put("changedBytes", d.changedBytes());
        root.put("cellLevel", d.cellLevel());
        ArrayNode header = root.putArray("headerChanges");
        for (HeaderChange h : d.headerChanges()) {
            ObjectNode o = header.addObject();
            o.put("name", h.name());
            o.put("before", h.before());
            o.put("after", h.after());
            o.put("offset", h.span().offset());
            o.put("length", h.span().length());
        }
        ArrayNode cells = root.putArray("cells");
        for (CellChange c : d.cells()) {
            ObjectNode o = cells.addObject();
            o.put("change", c.kind().label());
            if (c.key().isRowid()) {
                o.put("rowid", c.key().rowid());
            } else {
                ArrayNode key = o.putArray("key");
                c.key().values().forEach(v -> key.add(JsonValues.value(v)));
            }
            putRef(o, "before", c.before());
            putRef(o, "after", c.after());
            ArrayNode what = o.putArray("what");
            c.what().forEach(what::add);
        }
        putFreeblocks(root.putArray("freeblocksBefore"), d.freeblocksBefore());
        putFreeblocks(root.putArray("freeblocksAfter"), d.freeblocksAfter());
        ArrayNode ranges = root.putArray("byteRanges");
        for (ByteRange r : d.byteRanges()) {
            ObjectNode o = ranges.addObject();
            o.put("offset", r.offset());
            o.put("length", r.length());
        }
        root.put("byteRangeCount", d.byteRangeCount());
        return root;
    }

    private static void putRef(ObjectNode o, String name, CellRef r) {
        if (r == null) {
            o.putNull(name);
            return;
        }
        ObjectNode n = o.putObject(name);
        n.put("index", r.index());
        n.put("offset", r.offset());
        n.put("size", r.size());
        n.put("leftChild", r.leftChild());
        n.put("firstOverflow", r.firstOverflow());
        n.put("payloadSize", r.payloadSize());
    }

    private static void putFreeblocks(ArrayNode a, List<FreeblockRef> list) {
        for (FreeblockRef f : list) {
            ObjectNode o = a.addObject();
            o.put("offset", f.offset());
            o.put("size", f.size());
        }
    }
}
