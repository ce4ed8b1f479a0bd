package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowSink;
import dev.loupe.format.table.TableReader;
import dev.loupe.format.record.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "rows", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Print the rows of a table as SQLite returns them (SELECT rowid, * ... in rowid order; "
                + "primary-key order for WITHOUT ROWID tables), read without SQLite.",
        footer = {"", "Examples:", "  loupe rows app.db users", "  loupe rows --format jsonl app.db users | head",
                "", "JSONL: one object per row, {\"rowid\": N, \"values\": [...]}; no rowid for WITHOUT ROWID tables."
                + " Blobs are {\"blob\": \"<hex>\"}.",
                "Exit codes: 0 rows read, 1 some rows were damaged (details on stderr), 2 unknown table,"
                        + " 3 file unreadable."})
final class RowsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Parameters(index = "1", paramLabel = "TABLE", description = "Table name (case-insensitive).")
    String tableName;

    @Option(names = "--format", paramLabel = "text|jsonl|json", defaultValue = "text",
            description = "text (SQL literals, one row per line), jsonl (one JSON object per row) or json (an array).")
    String format;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N rows.")
    long limit = -1;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        Formats.require(format, "text", "jsonl", "json");
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseLease lease = wal.openDatabase(file)) {
            Database db = lease.db();
            Schema schema = db.schema();
            Table table = db.schemaSnapshot().table(tableName).orElseThrow(() -> unknownTable(schema));
            if (table.virtual()) {
                throw new UserError(ExitCode.USAGE, tableName + " is a virtual table: its rows are not stored in"
                        + " this file's b-trees (its shadow tables are)");
            }
            List<Problem> problems = new ArrayList<>();
            long[] count = {0};
            RowWriter writer = writer(out, table);
            writer.begin();
            new TableReader(db).read(table, new RowSink() {
                @Override
                public boolean row(Row row) {
                    writer.row(row);
                    problems.addAll(row.problems());
                    return limit < 0 || ++count[0] < limit;
                }

                @Override
                public void problem(Problem p) {
                    problems.add(p);
                }
            });
            writer.end();
            out.flush();
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("loupe: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + " reading " + table.name() + "; rows shown are what could be read:");
                problems.stream().limit(10).forEach(p -> err.println("  " + p));
                if (problems.size() > 10) {
                    err.println("  ... and " + (problems.size() - 10) + " more");
                }
                return ExitCode.FINDINGS;
            }
            return ExitCode.OK;
        }
    }

    private UserError unknownTable(Schema schema) {
        String names = schema.tables().stream().map(Table::name).collect(Collectors.joining(", "));
        boolean isView = schema.views().stream().anyMatch(v -> v.name().equalsIgnoreCase(tableName));
        return new UserError(ExitCode.USAGE, isView
                ? tableName + " is a view: views store no rows (query it with sqlite3)"
                : "no such table: " + tableName + (names.isEmpty() ? " (the schema has no tables)" : " (tables: " + names + ")"));
    }

    private RowWriter writer(PrintWriter out, Table table) throws IOException {
        if (format.equals("text")) {
            return new TextRowWriter(out, table);
        }
        return new JsonRowWriter(out, format.equals("json"));
    }

    private interface RowWriter {
        void begin();

        void row(Row row);

        void end();
    }

    private static final class TextRowWriter implements RowWriter {
        private final PrintWriter out;
        private final Table table;

        TextRowWriter(PrintWriter out, Table table) {
            this.out = out;
            this.table = table;
        }

        @Override
        public void begin() {
            StringBuilder sb = new StringBuilder(table.withoutRowid() ? "" : "rowid|");
            List<Column> cols = table.columns();
            for (int i = 0; i < cols.size(); i++) {
                sb.append(i == 0 ? "" : "|").append(cols.get(i).name());
            }
            out.println(sb);
        }

        @Override
        public void row(Row row) {
            StringBuilder sb = new StringBuilder();
            if (row.rowid() != null) {
                sb.append(row.rowid()).append('|');
            }
            List<Value> values = row.values();
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : "|").append(TextValues.literal(values.get(i)));
            }
            out.println(sb);
        }

        @Override
        public void end() {
        }
    }

    private static final class JsonRowWriter implements RowWriter {
        private final JsonGenerator gen;
        private final boolean array;
        private final ObjectMapper mapper = new ObjectMapper();

        JsonRowWriter(PrintWriter out, boolean array) throws IOException {
            this.gen = mapper.getFactory().createGenerator(out);
            this.gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            this.gen.setRootValueSeparator(null); // JSONL: we end each object with a newline ourselves
            this.array = array;
        }

        @Override
        public void begin() {
            io(() -> {
                if (array) {
                    gen.writeStartArray();
                }
            });
        }

        @Override
        public void row(Row row) {
            io(() -> {
                gen.writeStartObject();
                if (row.rowid() != null) {
                    gen.writeNumberField("rowid", row.rowid());
                }
                gen.writeArrayFieldStart("values");
                for (Value v : row.values()) {
                    JsonValues.write(gen, v);
                }
                gen.writeEndArray();
                gen.writeEndObject();
                if (!array) {
                    gen.writeRaw('\n');
                }
            });
        }

        @Override
        public void end() {
            io(() -> {
                if (array) {
                    gen.writeEndArray();
                    gen.writeRaw('\n');
                }
                gen.flush();
            });
        }

        private interface IoAction {
            void run() throws IOException;
        }

        private static void io(IoAction a) {
            try {
                a.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
