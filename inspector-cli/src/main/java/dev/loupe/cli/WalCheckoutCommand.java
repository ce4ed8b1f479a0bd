package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.wal.Checkout;
import dev.loupe.wal.CheckoutResult;
import dev.loupe.wal.WalPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "checkout", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Write the database as of a WAL commit as a plain database file (rollback mode, no WAL"
                + " beside it) that sqlite3 opens as it is: every page of the commit's view, page 1's header"
                + " made consistent (file format versions 1, page count = the commit's size).",
                "Commits are numbered 1.. over the valid commits (those SQLite uses); 0 is the database file"
                        + " without its WAL. FILE and its -wal are only read."},
        footer = {"", "Examples:", "  loupe wal checkout --commit 12 -o at12.db app.db",
                "  loupe wal checkout --commit 0 -o before-wal.db app.db-wal",
                "  loupe wal checkout --commit latest -o now.db --force app.db",
                "", "Exit codes: 0 written, 2 usage error (commit out of range, OUT exists without --force,"
                + " OUT is an input), 3 file unreadable."})
final class WalCheckoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--commit", required = true, paramLabel = "K",
            description = "The commit: 0 (database file alone), 1..N, or latest.")
    String commit;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--force", description = "Overwrite OUT if it exists.")
    boolean force;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file or its -wal.")
    Path file;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter stdout = spec.commandLine().getOut();
        try (WalPair pair = WalFiles.resolve(file, wal, WalFiles.Reads.DATABASE).openPair()) {
            int k = commit(commit, pair);
            if (pair.walPath() != null && Files.exists(out) && Files.isSameFile(out, pair.walPath())) {
                throw new UserError(ExitCode.USAGE, out + ": is the input WAL; Loupe never writes to what it reads");
            }
            CheckoutResult r;
            try (OutputStream o = OutputFile.open(out, force, pair.database())) {
                r = Checkout.write(pair, k, new java.io.BufferedOutputStream(o, 1 << 16));
            }
            if (json) {
                stdout.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(pair, r)));
            } else {
                stdout.printf("Wrote %s: %s, %,d pages of %d bytes (%,d bytes; %,d pages from WAL frames)%n", out,
                        k == 0 ? "commit 0 (the database file without its WAL)" : "commit " + k + " of "
                                + r.commitCount() + " (WAL frames 1.." + r.lastFrame() + ")", r.pageCount(),
                        r.pageSize(), r.bytesWritten(), r.pagesFromWal());
                stdout.println("Header: file format versions 1/1 (rollback mode), page count " + r.pageCount()
                        + "; open it with: sqlite3 " + out);
            }
            stdout.flush();
            return ExitCode.OK;
        }
    }

    /** A commit argument: a number 0..commitCount or "latest". */
    private static int commit(String arg, WalPair pair) {
        int n = pair.commitCount();
        if ("latest".equals(arg)) {
            return n;
        }
        int k;
        try {
            k = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, "commit '" + arg + "' is not a number (or 'latest')");
        }
        if (k < 0 || k > n) {
            throw new UserError(ExitCode.USAGE, "commit " + k + " out of range: " + (pair.walPath() == null
                    ? "there is no WAL, so only commit 0 (the database file) exists"
                    : "the WAL has " + n + " valid commits (0 = the database file alone, 1.." + n + ")"));
        }
        return k;
    }

    private ObjectNode json(WalPair pair, CheckoutResult r) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("database", pair.database().toString());
        o.put("wal", pair.walPath() == null ? null : pair.walPath().toString());
        o.put("output", out.toString());
        o.put("commit", r.commit());
        o.put("commitCount", r.commitCount());
        o.put("lastFrame", r.lastFrame());
        o.put("pageSize", r.pageSize());
        o.put("pageCount", r.pageCount());
        o.put("pagesFromWal", r.pagesFromWal());
        o.put("bytes", r.bytesWritten());
        return o;
    }
}
