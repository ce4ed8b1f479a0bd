package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loupe.format.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "cell", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show one cell in full: each varint and pointer with its bytes, the record header (each"
                + " serial type with its bytes and meaning), each value with its payload offset and the page spans"
                + " holding it, and the overflow chain page by page.",
        footer = {"", "Examples:", "  loupe cell app.db 5 0        (the first cell of page 5)",
                "  loupe cell --format json app.db 5 3 | jq '.record.columns[1].spans'",
                "", "Exit codes: 0 cell well formed, 1 the cell has problems, 2 page or cell out of range or not a"
                + " b-tree page, 3 file unreadable."})
final class CellCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Parameters(index = "1", paramLabel = "N", description = "Page number.")
    long pageNumber;

    @Parameters(index = "2", paramLabel = "I", description = "Cell index on the page (0 = first pointer).")
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
            CellInspection ci = CellInspection.of(db, pageNumber, cellIndex);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(CellJson.of(ci)));
            } else {
                CellText.print(out, ci);
            }
            out.flush();
            return ci.problems().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }
}
