package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.find.Divider;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.find.SearchResult;
import dev.loupe.format.find.SearchStep;
import dev.loupe.format.find.TreeSearch;
import dev.loupe.format.record.JavaValues;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;
import dev.loupe.format.schema.IndexedColumn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "find", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Find where a row lives by descending its b-tree from the root, as SQLite seeks it (a binary"
                + " search on each page, never a scan): the path root -> leaf with the dividers followed, the cell,"
                + " its values and its overflow pages. Tables are searched by rowid; WITHOUT ROWID tables and"
                + " indexes by --key, compared as SQLite compares records (collation, DESC).",
        footer = {"", "Examples:", "  loupe find app.db books 42",
                "  loupe find app.db tags --key \"'sqlite',7\"        (WITHOUT ROWID table: its PRIMARY KEY)",
                "  loupe find app.db idx_books_title --key \"'Dune'\"  (an index: a prefix of its columns)",
                "  loupe find --format json app.db books 42 | jq .path",
                "", "Key values are SQL literals: 42, -1.5, 'text' ('' for a quote), X'00ff', NULL.",
                "Exit codes: 0 found, 1 not found (one line says where the search ended) or the path is damaged,"
                        + " 2 usage error (unknown table, bad key), 3 file unreadable."})
final class FindCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Parameters(index = "1", paramLabel = "TABLE", description = "Table or index name (case-insensitive).")
    String name;

    @Parameters(index = "2", paramLabel = "ROWID", arity = "0..1", description = "The rowid (rowid tables).")
    String rowid;

    @Option(names = "--key", paramLabel = "v1,v2,...",
            description = "The key (WITHOUT ROWID tables, indexes): its leading values as SQL literals.")
    String key;

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
            BTreeTarget target = BTreeTarget.resolve(db, name);
            TreeSearch search = new TreeSearch(db.pages(), db.usableSize(), db.encoding());
            SearchResult result;
            String what;
            List<Value> keyValues = null;
            if (target.rowidTree()) {
                if (key != null || rowid == null) {
                    throw new UserError(ExitCode.USAGE, target.name() + " is a rowid table: give a ROWID"
                            + (key != null ? ", not --key" : ""));
                }
                long r = parseRowid(rowid);
                what = "rowid " + r;
                result = search.byRowid(target.rootPage(), r);
            } else {
                if (key == null || rowid != null) {
                    throw new UserError(ExitCode.USAGE, target.name() + " is " + (target.index() != null
                            ? "an index" : "a WITHOUT ROWID table") + ": give its key with --key v1,v2,... (columns: "
                            + String.join(", ", target.recordColumnNames().subList(0, Math.min(
                            target.recordColumnNames().size(), target.keyColumns().size()))) + ")");
                }
                keyValues = withAffinity(target, KeyLiterals.parse(key));
                what = "key " + KeyText.key(keyValues);
                result = search.byKey(target.rootPage(), keyValues,
                        new KeyComparator(target.keyColumns(), db.encoding()));
            }
            Found found = result.found() ? found(db, result) : null;
            List<Problem> problems = new ArrayList<>(result.problems());
            if (found != null) {
                problems.addAll(found.record.problems());
                problems.addAll(found.payload.problems());
            }
            String ended = result.found() ? null : endedAt(result);
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(json(target, result, found, keyValues,
                        keyValues == null ? parseRowid(rowid) : null, problems, ended)));
            } else if (found != null) {
                text(out, target, what, result, found, problems);
            }
            out.flush();
            if (!result.found()) {
                spec.commandLine().getErr().println("loupe: " + what + " not found in " + target.name() + ": "
                        + ended);
                return ExitCode.FINDINGS;
            }
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    private static long parseRowid(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, "ROWID must be a 64-bit integer, not '" + s + "'");
        }
    }

    /** The key as SQLite would compare it with the stored values: each value given its column's affinity. */
    private static List<Value> withAffinity(BTreeTarget target, List<Value> key) {
        List<IndexedColumn> cols = target.keyColumns();
        if (key.size() > cols.size()) {
            throw new UserError(ExitCode.USAGE, "--key has " + key.size() + " values but " + target.name()
                    + " records have " + cols.size() + " columns");
        }
        List<Value> out = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            IndexedColumn c = cols.get(i);
            Affinity a = c.isRowid() ? Affinity.INTEGER
                    : c.tableColumn() >= 0 && target.table() != null && c.tableColumn() < target.table().columns().size()
                    ? target.table().columns().get(c.tableColumn()).affinity() : Affinity.BLOB;
            out.add(JavaValues.fromJava(a.apply(JavaValues.toJava(key.get(i)))));
        }
        return out;
    }

    private record Found(BTreePage page, PayloadCell cell, Payload payload, Record record) {
    }

    private static Found found(Database db, SearchResult result) throws IOException {
        PayloadCell cell = (PayloadCell) result.cell();
        byte[] data = db.pages().read(cell.page());
        BTreePage page = BTreePage.decode(cell.page(), data, db.usableSize());
        Payload payload = new PayloadReader(db.pages(), db.usableSize()).read(data, cell.payload());
        Record record = new RecordDecoder(db.encoding(), true).decode(payload);
        return new Found(page, cell, payload, record);
    }

    /** Where an unsuccessful search stopped, in words. */
    private static String endedAt(SearchResult r) {
        SearchStep s = r.endStep();
        if (s == null) {
            return r.problems().isEmpty() ? "the tree is empty" : "the root cannot be read: "
                    + r.problems().get(0).message();
        }
        String where = "search ended on " + s.pageType().label() + " page " + s.page();
        if (!s.isLeaf() || !r.problems().isEmpty()) {
            return where + " (" + (r.problems().isEmpty() ? "no child to follow"
                    : r.problems().get(r.problems().size() - 1).message()) + ")";
        }
        if (s.cellCount() == 0) {
            return where + ", which has no cells";
        }
        return where + " at cell " + s.index() + " of " + s.cellCount() + ", "
                + (s.below() == null ? "before the first entry " + divider(s.above())
                : s.above() == null ? "after the last entry " + divider(s.below())
                : "between " + divider(s.below()) + " and " + divider(s.above()));
    }

    private static String divider(Divider d) {
        return (d.rowid() != null ? "rowid " + d.rowid() : KeyText.key(d.key())) + " (cell " + d.cellIndex() + ")";
    }

    private static String bounds(SearchStep s, boolean table) {
        String k = table ? "rowid" : "key";
        String lo = s.below() == null ? "" : (s.below().rowid() != null ? s.below().rowid() : KeyText.key(s.below().key()))
                + " < ";
        String hi = s.above() == null ? "" : " <= "
                + (s.above().rowid() != null ? s.above().rowid() : KeyText.key(s.above().key()));
        return s.below() == null && s.above() == null ? "" : lo + k + hi;
    }

    // ---- text ----

    private static void text(PrintWriter out, BTreeTarget target, String what, SearchResult r, Found f,
                             List<Problem> problems) {
        out.printf("Found %s in %s %s (root page %d)%n", what, target.type(), target.name(), target.rootPage());
        out.println();
        out.println("Path");
        for (int i = 0; i < r.path().size(); i++) {
            SearchStep s = r.path().get(i);
            String step = i == r.foundStep() ? "cell " + s.index() + " (found)"
                    : "child " + s.index() + (s.index() == s.cellCount() ? " (right)" : "") + " -> page " + s.childPage();
            out.printf("  page %-6d %-15s %-10s %-26s %s%n", s.page(), s.pageType().label(),
                    TreeLabels.cells(s.cellCount()), step, i == r.foundStep() ? "" : bounds(s, target.rowidTree()));
        }
        out.println();
        var c = f.cell;
        out.printf("Cell       page %d, cell %d, offset %d, %d bytes; payload %,d bytes (%,d on the page)%n",
                c.page(), c.index(), c.offset(), c.size(), c.payload().declaredSize(), c.payload().localSize());
        long[] ov = f.payload.overflowPages();
        out.printf("Overflow   %s%n", ov.length == 0 ? "none" : ov.length + " page" + (ov.length == 1 ? "" : "s")
                + ": " + join(ov));
        out.println();
        out.println("Values" + (f.record.columnCount() > 0 ? "     (long text and blobs abbreviated; --format json"
                + " gives them in full)" : ""));
        List<String> names = target.recordColumnNames();
        if (c instanceof TableLeafCell leaf) {
            out.printf("  %3s  %-20s %s%n", "", "rowid", leaf.rowid());
        }
        int alias = target.rowidAliasPosition();
        for (int i = 0; i < f.record.columnCount(); i++) {
            Value v = f.record.value(i);
            String shown = v == null ? "(unreadable)" : KeyText.literal(v);
            if (i == alias && v instanceof NullValue && c instanceof TableLeafCell leaf) {
                // what SELECT returns for the column is the rowid; the record itself holds NULL
                shown += "  (stored; INTEGER PRIMARY KEY: reads as the rowid, " + leaf.rowid() + ")";
            }
            out.printf("  %3d  %-20s %s%n", i, i < names.size() ? names.get(i) : "", shown);
        }
        if (!problems.isEmpty()) {
            out.println();
            out.printf("Problems   %d%n", problems.size());
            for (Problem p : problems) {
                out.printf("  %-22s %-22s %s%n", p.kind().code(), p.span(), p.message());
            }
        }
    }

    private static String join(long[] pages) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.length; i++) {
            if (i == 12 && pages.length > 14) {
                return sb.append(", ... ").append(pages[pages.length - 1]).toString();
            }
            sb.append(i == 0 ? "" : ", ").append(pages[i]);
        }
        return sb.toString();
    }

    // ---- json ----

    private static ObjectNode json(BTreeTarget target, SearchResult r, Found f, List<Value> key, Long rowidValue,
                                   List<Problem> problems, String ended) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("type", target.type());
        o.put("name", target.name());
        o.put("rootPage", target.rootPage());
        if (key == null) {
            o.put("rowid", rowidValue);
        } else {
            ArrayNode k = o.putArray("key");
            key.forEach(v -> k.add(JsonValues.value(v)));
        }
        o.put("found", r.found());
        if (ended != null) {
            o.put("endedAt", ended);
        }
        ArrayNode path = o.putArray("path");
        for (int i = 0; i < r.path().size(); i++) {
            SearchStep s = r.path().get(i);
            ObjectNode p = path.addObject();
            p.put("page", s.page());
            p.put("kind", s.pageType().label());
            p.put("cells", s.cellCount());
            p.put("index", s.index());
            if (!s.isLeaf() && i != r.foundStep()) {
                p.put("childPage", s.childPage());
            }
            p.set("below", dividerJson(s.below()));
            p.set("above", dividerJson(s.above()));
        }
        if (f != null) {
            var c = f.cell;
            ObjectNode cell = o.putObject("cell");
            cell.put("page", c.page());
            cell.put("index", c.index());
            cell.put("offset", c.offset());
            cell.put("size", c.size());
            cell.put("payloadSize", c.payload().declaredSize());
            cell.put("localSize", c.payload().localSize());
            if (c instanceof TableLeafCell leaf) {
                cell.put("rowid", leaf.rowid());
            }
            ArrayNode cols = o.putArray("columns");
            target.recordColumnNames().forEach(cols::add);
            if (target.rowidAliasPosition() >= 0) {
                o.put("rowidAliasColumn", target.rowidAliasPosition());
            }
            ArrayNode values = o.putArray("values");
            for (int i = 0; i < f.record.columnCount(); i++) {
                Value v = f.record.value(i);
                values.add(v == null ? JsonValues.NODES.nullNode() : JsonValues.value(v));
            }
            ArrayNode ov = o.putArray("overflowPages");
            for (long p : f.payload.overflowPages()) {
                ov.add(p);
            }
        }
        ArrayNode ps = o.putArray("problems");
        problems.forEach(p -> ps.add(JsonValues.problem(p)));
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode dividerJson(Divider d) {
        if (d == null) {
            return JsonValues.NODES.nullNode();
        }
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("cellIndex", d.cellIndex());
        if (d.rowid() != null) {
            o.put("rowid", d.rowid());
        } else {
            o.set("key", KeyText.json(d.key()));
        }
        return o;
    }
}
