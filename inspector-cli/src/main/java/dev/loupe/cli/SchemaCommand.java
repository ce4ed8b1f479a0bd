package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.SchemaEntry;
import dev.loupe.format.SchemaSnapshot;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.SchemaRow;
import dev.loupe.format.schema.Table;
import dev.loupe.format.schema.Trigger;
import dev.loupe.format.schema.View;
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

@Command(name = "schema", sortOptions = false, mixinStandardHelpOptions = true,
        description = "The rows of sqlite_schema (type, name, tbl_name, rootpage, sql) with the page and cell each"
                + " is stored in, then the schema as Loupe parses it: columns with type, affinity, NOT NULL, default"
                + " and primary key; WITHOUT ROWID and STRICT; indexes with their columns, collations, DESC and"
                + " partial WHERE; and the schema's problems.",
        footer = {"", "Examples:", "  loupe schema app.db", "  loupe schema --format json app.db | jq '.tables[].name'",
                "", "Exit codes: 0 no problems, 1 problems found, 3 file unreadable."})
final class SchemaCommand implements Callable<Integer> {

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
            SchemaSnapshot snap = db.schemaSnapshot();
            List<Problem> problems = new ArrayList<>(snap.problems());
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(snap, problems)));
            } else {
                text(out, snap, problems);
            }
            out.flush();
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    // ---- text ----

    private static void text(PrintWriter out, SchemaSnapshot snap, List<Problem> problems) {
        out.printf("sqlite_schema: %d rows%n", snap.entries().size());
        out.printf("  %-10s %6s  %-7s  %-24s  %-20s %8s%n", "page[cell]", "rowid", "type", "name", "tbl_name",
                "rootpage");
        for (SchemaEntry e : snap.entries()) {
            SchemaRow r = e.row();
            out.printf("  %-10s %6d  %-7s  %-24s  %-20s %8d%n", e.page() + "[" + e.cellIndex() + "]", e.rowid(),
                    r.type(), TextCells.fit(r.name(), 24), TextCells.fit(r.tblName(), 20), r.rootPage());
            if (r.sql() != null) {
                out.println("      " + r.sql().replace("\n", "\n      "));
            }
        }
        for (Table t : snap.schema().tables()) {
            out.println();
            List<String> flags = new ArrayList<>();
            if (t.withoutRowid()) {
                flags.add("WITHOUT ROWID");
            }
            if (t.strict()) {
                flags.add("STRICT");
            }
            if (t.virtual()) {
                flags.add("virtual (" + t.module() + ")");
            }
            out.printf("table %s, root page %d%s%n", t.name(), t.rootPage(),
                    flags.isEmpty() ? "" : ", " + String.join(", ", flags));
            if (!t.columns().isEmpty()) {
                out.printf("  %-20s %-16s %-8s %-8s %-3s %-8s %s%n", "column", "type", "affinity", "not null", "pk",
                        "collate", "default / generated");
            }
            for (Column c : t.columns()) {
                out.println(String.format("  %-20s %-16s %-8s %-8s %-3s %-8s %s", TextCells.fit(c.name(), 20),
                        TextCells.fit(c.declaredType() == null || c.declaredType().isEmpty() ? "-" : c.declaredType(), 16),
                        c.affinity().name().toLowerCase(), c.notNull() ? "yes" : "", c.primaryKey() ? "yes" : "",
                        c.collation() == null ? "" : c.collation(), columnExtra(c)).stripTrailing());
            }
        }
        for (Index i : snap.schema().indexes()) {
            out.println();
            out.printf("index %s on %s, root page %d%s%s: %s%n", i.name(), i.tableName(), i.rootPage(),
                    i.unique() ? ", unique" : "", i.autoIndex() ? ", automatic (" + i.originCode() + ")" : "",
                    String.join(", ", i.columns().stream().map(SchemaCommand::term).toList()));
            if (i.isPartial()) {
                out.println("  WHERE " + i.where());
            }
        }
        for (View v : snap.schema().views()) {
            out.println();
            out.printf("view %s%n", v.name());
        }
        for (Trigger t : snap.schema().triggers()) {
            out.println();
            out.printf("trigger %s on %s%n", t.name(), t.tableName());
        }
        out.println();
        if (problems.isEmpty()) {
            out.println("Problems   none");
        } else {
            out.printf("Problems   %d%n", problems.size());
            for (Problem p : problems) {
                out.printf("  %-18s %-22s %s%n", p.kind().code(), p.span(), p.message());
            }
        }
    }

    private static String columnExtra(Column c) {
        List<String> parts = new ArrayList<>();
        if (c.defaultValue() != null) {
            parts.add("DEFAULT " + c.defaultValue().text());
        }
        if (c.generated() != null) {
            parts.add("AS (" + c.generated().expression() + ") " + c.generated().kind());
        }
        if (c.hidden()) {
            parts.add("hidden");
        }
        return String.join(" ", parts);
    }

    private static String term(IndexedColumn c) {
        String s = c.isRowid() ? "rowid" : c.isExpression() ? "(" + c.expression() + ")" : c.column();
        if (c.collation() != null && !c.collation().equalsIgnoreCase("BINARY")) {
            s += " COLLATE " + c.collation();
        }
        return c.descending() ? s + " DESC" : s;
    }

    // ---- json ----

    private static ObjectNode json(SchemaSnapshot snap, List<Problem> problems) {
        ObjectNode root = JsonValues.NODES.objectNode();
        ArrayNode rows = root.putArray("rows");
        for (SchemaEntry e : snap.entries()) {
            SchemaRow r = e.row();
            ObjectNode n = rows.addObject();
            n.put("rowid", e.rowid());
            n.put("page", e.page());
            n.put("cell", e.cellIndex());
            n.put("type", r.type());
            n.put("name", r.name());
            n.put("tblName", r.tblName());
            n.put("rootPage", r.rootPage());
            n.put("sql", r.sql());
        }
        ArrayNode tables = root.putArray("tables");
        for (Table t : snap.schema().tables()) {
            ObjectNode n = tables.addObject();
            n.put("name", t.name());
            n.put("rootPage", t.rootPage());
            n.put("withoutRowid", t.withoutRowid());
            n.put("strict", t.strict());
            n.put("virtual", t.virtual());
            if (t.virtual()) {
                n.put("module", t.module());
            }
            ArrayNode cols = n.putArray("columns");
            for (Column c : t.columns()) {
                ObjectNode cn = cols.addObject();
                cn.put("name", c.name());
                cn.put("type", c.declaredType());
                cn.put("affinity", c.affinity().name().toLowerCase());
                cn.put("notNull", c.notNull());
                cn.put("default", c.defaultValue() == null ? null : c.defaultValue().text());
                cn.put("primaryKey", c.primaryKey());
                cn.put("collation", c.collation());
                cn.put("hidden", c.hidden());
                if (c.generated() != null) {
                    cn.putObject("generated").put("kind", c.generated().kind().name().toLowerCase())
                            .put("expression", c.generated().expression());
                } else {
                    cn.putNull("generated");
                }
            }
        }
        ArrayNode indexes = root.putArray("indexes");
        for (Index i : snap.schema().indexes()) {
            ObjectNode n = indexes.addObject();
            n.put("name", i.name());
            n.put("table", i.tableName());
            n.put("rootPage", i.rootPage());
            n.put("unique", i.unique());
            n.put("origin", i.originCode());
            n.put("where", i.where());
            ArrayNode cols = n.putArray("columns");
            for (IndexedColumn c : i.columns()) {
                ObjectNode cn = cols.addObject();
                cn.put("column", c.column());
                cn.put("expression", c.expression());
                cn.put("collation", c.collation());
                cn.put("descending", c.descending());
            }
        }
        ArrayNode views = root.putArray("views");
        snap.schema().views().forEach(v -> views.addObject().put("name", v.name()));
        ArrayNode triggers = root.putArray("triggers");
        snap.schema().triggers().forEach(t -> triggers.addObject().put("name", t.name()).put("table", t.tableName()));
        ArrayNode ps = root.putArray("problems");
        problems.forEach(p -> ps.add(JsonValues.problem(p)));
        return root;
    }
}
