package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loupe.format.Database;
import dev.loupe.format.treeview.TreeView;
import dev.loupe.format.treeview.TreeViewBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "tree", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show the b-tree of a table or index (or sqlite_schema) as a tree of pages: page number, kind,"
                + " cell count, fill, key range (rowids for tables, first and last keys for indexes) and children;"
                + " broken links (out of range, wrong kind, second reference, not a b-tree page) are marked BROKEN"
                + " on the parent where they occur.",
        footer = {"", "Examples:", "  loupe tree app.db books", "  loupe tree --depth 2 app.db idx_books_title",
                "  loupe tree --root 7 --format json app.db | jq .tree.children",
                "  loupe tree --format dot app.db books > books.dot",
                "  loupe tree --svg books.svg app.db books     (needs Graphviz 'dot' on the PATH)",
                "  loupe tree --png books.png --depth 2 app.db books",
                "", "Exit codes: 0 no problems, 1 the tree has problems, 2 usage error (unknown name, page out of"
                + " range, Graphviz missing, OUT exists without --force), 3 file unreadable or rendering failed."})
final class TreeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file.")
    Path file;

    @Parameters(index = "1", paramLabel = "NAME", arity = "0..1",
            description = "Table or index name (case-insensitive); sqlite_schema for the schema table.")
    String name;

    @Option(names = "--root", paramLabel = "N", description = "Show the b-tree rooted at page N instead of a name.")
    Long root;

    @Option(names = "--format", paramLabel = "text|json|dot", defaultValue = "text",
            description = "text (an indented tree), json, or dot (Graphviz).")
    String format;

    @Option(names = "--depth", paramLabel = "K", defaultValue = "0",
            description = "Show K levels at most (1 = the root alone); pages below are counted. Default: all.")
    int depth;

    @ArgGroup(exclusive = true)
    Image image;

    static final class Image {
        @Option(names = "--svg", paramLabel = "OUT", description = "Render as SVG into OUT with Graphviz 'dot'.")
        Path svg;

        @Option(names = "--png", paramLabel = "OUT", description = "Render as PNG into OUT with Graphviz 'dot'.")
        Path png;
    }

    @Option(names = "--force", description = "Overwrite the --svg/--png file if it exists.")
    boolean force;

    @Mixin
    WalOption wal;

    /** Where dot is looked for: the PATH; tests replace it (through Main.commandLine's factory). */
    Graphviz graphviz = new Graphviz(System.getenv());

    @Override
    public Integer call() throws IOException {
        Formats.require(format, "text", "json", "dot");
        if ((name == null) == (root == null)) {
            throw new UserError(ExitCode.USAGE, name == null ? "give a table or index NAME, or --root N"
                    : "give either a NAME or --root N, not both");
        }
        if (depth < 0) {
            throw new UserError(ExitCode.USAGE, "--depth must be 1 or more (0 for all levels), not " + depth);
        }
        if (image != null && graphviz.dot().isEmpty()) {
            throw new UserError(ExitCode.USAGE, Graphviz.NOT_FOUND);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseLease lease = wal.openDatabase(file)) {
            Database db = lease.db();
            BTreeTarget target;
            if (root != null) {
                target = BTreeTarget.ofRoot(PageArgs.requirePage(db, root));
            } else {
                target = BTreeTarget.resolve(db, name);
            }
            TreeView view = new TreeViewBuilder(db.pages(), db.usableSize(), db.encoding())
                    .build(target.rootPage(), depth, target.table() != null && target.index() == null
                            ? target.keyColumns().size() : 0);
            if (image != null) {
                render(TreeDot.of(target, view), image.svg != null ? image.svg : image.png, view);
            } else if (format.equals("json")) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(TreeJson.of(target, view, depth)));
            } else if (format.equals("dot")) {
                out.print(TreeDot.of(target, view));
            } else {
                new TreeText(out, Style.of(spec)).write(target, view);
            }
            out.flush();
            return view.hasProblems() ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    /** Renders into {@code image} (never an existing file without --force, never the database); no half files. */
    private void render(String dot, Path image, TreeView view) throws IOException {
        String format = image == this.image.svg ? "svg" : "png";
        OutputStream opened = OutputFile.open(image, force, file); // checks come first: nothing to delete if they fail
        long size;
        boolean done = false;
        try (OutputStream os = new BufferedOutputStream(opened)) {
            size = graphviz.render(dot, format, os);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(image);
            }
        }
        spec.commandLine().getOut().printf("Wrote %s (%,d bytes, %d pages drawn)%n", image, size, view.shownPages());
    }
}
