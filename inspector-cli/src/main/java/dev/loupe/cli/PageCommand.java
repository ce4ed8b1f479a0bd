package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loupe.format.Database;
import dev.loupe.format.map.PageMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "page", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show one page as what it is: a b-tree page (header, cell pointers, every cell with its"
                + " child, rowid, payload split and values, freeblocks, fragments, unallocated and reserved bytes),"
                + " an overflow page, a freelist trunk or leaf, a pointer-map page or the lock-byte page.",
        footer = {"", "Examples:", "  loupe page app.db 1", "  loupe page --hex app.db 5     (every byte labelled"
                + " with its field)", "  loupe page --map app.db 5     (a byte map: header, pointers, cells, free space)",
                "  loupe page --format json app.db 5 | jq '.cells[0]'",
                "", "Exit codes: 0 page well formed, 1 the page has problems (shown as far as it decodes),"
                + " 2 page out of range, 3 file unreadable."})
final class PageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Parameters(index = "1", paramLabel = "N", description = "Page number (1 = the first page).")
    long pageNumber;

    @Option(names = "--hex", description = "Add an annotated hex dump: every byte range labelled with its field"
            + " (JSON: regions with their hex).")
    boolean hex;

    @Option(names = "--map", description = "Add a byte map of the page, one character per byte group.")
    boolean map;

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
            PageMap pageMap;
            try (TerminalProgress progress = TerminalProgress.of(spec.commandLine().getErr(), "loupe: mapping pages",
                    !json)) {
                pageMap = lease.pageMap(progress);
            }
            PageInspection p = PageInspection.of(db, pageNumber, pageMap);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(PageJson.of(p, hex || map, hex, map)));
            } else {
                Style style = Style.of(spec);
                PageText.print(out, p, style);
                if (map) {
                    out.println();
                    ByteMap.print(out, p.layout(), style);
                }
                if (hex) {
                    out.println();
                    AnnotatedHex.print(out, p.layout(), p.data(), style);
                }
            }
            out.flush();
            return p.problems().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }
}
