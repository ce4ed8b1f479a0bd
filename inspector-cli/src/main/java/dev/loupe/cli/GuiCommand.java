package dev.loupe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code loupe gui}: starts the JavaFX visualizer in its own JVM ({@code java -jar loupe-gui.jar ...}). The CLI has
 * no compile-time dependency on the GUI and never loads a JavaFX class, so its jar works where JavaFX is absent;
 * the GUI jar (built by the visualizer-gui module, JavaFX inside) is found at run time.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the visualizer: page map, b-tree view and page inspector (JavaFX). With --snapshot,"
                + " render the chosen view to a PNG and exit (works without a display).",
        footer = {"", "The GUI jar is looked up in $LOUPE_GUI_JAR, then beside the CLI jar (loupe-gui.jar), then in"
                + " visualizer-gui/target of the source tree. The ./loupe script builds it when it is missing or"
                + " older than the sources; by hand:",
                "  ./mvnw -B -Dmaven.test.skip=true -pl visualizer-gui -am package",
                "Without a display (no DISPLAY), only --snapshot works; or run it under xvfb-run."})
final class GuiCommand implements Callable<Integer> {

    /** Where to look for the GUI jar first (the environment variable; a system property of the same use in tests). */
    static final String JAR_VARIABLE = "LOUPE_GUI_JAR";
    static final String JAR_PROPERTY = "loupe.gui.jar";
    static final String JAR_NAME = "loupe-gui.jar";
    private static final Pattern VIEW = Pattern.compile("pages|tree:.+|page:[1-9][0-9]*");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The database to open.")
    Path file;

    @Option(names = "--view", paramLabel = "VIEW",
            description = "What to show first: pages (the page map), tree:NAME (the b-tree of a table or index),"
                    + " page:N (page N in the inspector).")
    String view;

    @Option(names = "--snapshot", paramLabel = "OUT.png",
            description = "Render the window with that view to a PNG file and exit.")
    Path snapshot;

    @Option(names = "--wal", paramLabel = "auto|ignore|PATH", defaultValue = "auto",
            description = "WAL to apply: auto (the -wal beside the database, as SQLite would; default), ignore (the"
                    + " database file alone), or a WAL file's path. The WAL timeline runs over its commits.")
    String wal = "auto";

    @Option(names = "--timing",
            description = "Log on stderr how long the window takes: shown, page map drawn, each b-tree drawn.")
    boolean timing;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (view != null && !VIEW.matcher(view).matches()) {
            throw new UserError(ExitCode.USAGE, "--view takes pages, tree:NAME or page:N (got " + view + ")");
        }
        if (snapshot != null && file == null) {
            throw new UserError(ExitCode.USAGE, "--snapshot needs a FILE");
        }
        if (file != null && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            throw new UserError(ExitCode.UNREADABLE, "cannot read " + file);
        }
        if (!wal.equals("auto") && file == null) {
            throw new UserError(ExitCode.USAGE, "--wal needs a FILE");
        }
        if (!wal.equals("auto") && !wal.equals("ignore")
                && (!Files.isRegularFile(Path.of(wal)) || !Files.isReadable(Path.of(wal)))) {
            throw new UserError(ExitCode.UNREADABLE, "cannot read the WAL " + wal);
        }
        Path jar = findJar();
        Process p = new ProcessBuilder(command(jar)).inheritIO().start();
        return p.waitFor();
    }

    /** The GUI's command line: the same Java as this one, the GUI jar, the arguments. */
    List<String> command(Path jar) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar.toString());
        if (file != null) {
            cmd.add(file.toString());
        }
        if (view != null) {
            cmd.add("--view");
            cmd.add(view);
        }
        if (!wal.equals("auto")) {
            cmd.add("--wal");
            cmd.add(wal);
        }
        if (timing) {
            cmd.add("--timing");
        }
        if (snapshot != null) {
            cmd.add("--snapshot");
            cmd.add(snapshot.toString());
        }
        return cmd;
    }

    Path findJar() {
        String named = System.getenv(JAR_VARIABLE);
        if (named == null || named.isBlank()) {
            named = System.getProperty(JAR_PROPERTY);
        }
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named);
            if (Files.isRegularFile(p)) {
                return p;
            }
            throw new UserError(ExitCode.USAGE, "the GUI jar " + p + " (from " + JAR_VARIABLE + ") does not exist");
        }
        List<Path> tried = new ArrayList<>();
        Path here = codeLocation();
        // The jar's or classes directory's ancestors: a distribution keeps loupe-gui.jar beside loupe.jar; the
        // source tree has it in visualizer-gui/target.
        for (Path dir = here == null ? null : here.getParent(); dir != null && tried.size() < 8;
             dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(JAR_NAME),
                    dir.resolve("visualizer-gui").resolve("target").resolve(JAR_NAME))) {
                tried.add(candidate);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new UserError(ExitCode.USAGE, "the GUI is not built: no " + JAR_NAME + " beside the CLI or in"
                + " visualizer-gui/target (set " + JAR_VARIABLE + ", or build it with ./mvnw -B"
                + " -Dmaven.test.skip=true -pl visualizer-gui -am package)");
    }

    private static Path codeLocation() {
        try {
            return Path.of(GuiCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
