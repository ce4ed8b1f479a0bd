package dev.loupe.cli;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code loupe tree --svg/--png} through the real Graphviz {@code dot} (installed by .ci/run): the SVG has one node
 * per b-tree page dbstat lists for the tree, the PNG is a PNG of a sane size; and the clear errors when dot is
 * missing or fails, or the output file is not ours to write.
 */
class GraphvizRenderTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path tmp;

    @Test
    void svgHasOneNodePerPageOfTheTreeAsDbstatCountsThem() throws Exception {
        assumeTrue(new Graphviz(System.getenv()).dot().isPresent(), "Graphviz dot is not installed");
        Path db = Samples.copyTo(Sample.WITHOUT_ROWID, tmp.resolve("loupe"));
        Set<Long> expected = dbstatPages(Samples.copyTo(Sample.WITHOUT_ROWID, tmp.resolve("sqlite")), "dict");
        Path svg = tmp.resolve("dict.svg");
        Cli r = Cli.run("tree", "--svg", svg.toString(), db.toString(), "dict");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Wrote " + svg + " (" + String.format("%,d", Files.size(svg)) + " bytes, "
                + expected.size() + " pages drawn)\n");
        Set<Long> drawn = new TreeSet<>();
        NodeList groups = parse(svg).getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("node")) {
                String title = g.getElementsByTagName("title").item(0).getTextContent();
                assertThat(title).matches("p\\d+");
                assertThat(drawn.add(Long.parseLong(title.substring(1)))).as("page drawn twice: " + title).isTrue();
            }
        }
        assertThat(drawn).isEqualTo(expected);
    }

    @Test
    void pngIsAPngOfASaneSizeAndBrokenLinksAreRedAndDashed() throws Exception {
        assumeTrue(new Graphviz(System.getenv()).dot().isPresent(), "Graphviz dot is not installed");
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Path png = tmp.resolve("books.png");
        Cli r = Cli.run("tree", "--png", png.toString(), db.toString(), "books");
        assertThat(r.exitCode()).as(r.err()).isZero();
        byte[] b = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(b, 8)).isEqualTo(PNG_SIGNATURE);
        // IHDR is the first chunk: width and height at bytes 16..23. 30 pages stacked left to right: tall, not wide.
        int width = ByteBuffer.wrap(b, 16, 4).getInt();
        int height = ByteBuffer.wrap(b, 20, 4).getInt();
        assertThat(width).isBetween(200, 2000);
        assertThat(height).isBetween(width, 10_000);

        byte[] bytes = Files.readAllBytes(db);
        bytes[3 * 4096 + 8] = 0x7f; // books' interior root (page 4): right child far past the end
        Files.write(db, bytes);
        Path svg = tmp.resolve("broken.svg");
        Cli broken = Cli.run("tree", "--svg", svg.toString(), db.toString(), "books");
        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(ExitCode.FINDINGS);
        Document doc = parse(svg);
        NodeList groups = doc.getElementsByTagName("g");
        int redDashed = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("edge")) {
                Element path = (Element) g.getElementsByTagName("path").item(0);
                if (path.getAttribute("stroke").equals("red") && !path.getAttribute("stroke-dasharray").isEmpty()) {
                    redDashed++;
                    assertThat(g.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("p4->broken_4_28");
                }
            }
        }
        assertThat(redDashed).isEqualTo(1);
    }

    @Test
    void missingDotIsOneClearLineAndExitTwo() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Path png = tmp.resolve("books.png");
        Path noDot = Files.createDirectories(tmp.resolve("bin"));
        for (Graphviz none : new Graphviz[] {new Graphviz(Map.of("PATH", noDot.toString())),
                new Graphviz(Map.of()), new Graphviz(noDot.resolve("dot"))}) {
            assertThat(none.dot()).isEmpty();
            Cli r = run(none, "tree", "--png", png.toString(), db.toString(), "books");
            assertOneLineError(r, ExitCode.USAGE, Graphviz.NOT_FOUND);
            assertThat(png).doesNotExist();
        }
        // --format dot needs no Graphviz
        assertThat(run(new Graphviz(Map.of()), "tree", "--format", "dot", db.toString(), "books").exitCode()).isZero();
    }

    @Test
    void failingDotReportsItsMessageAndLeavesNoFile() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Path fake = tmp.resolve("dot");
        Files.writeString(fake, "#!/bin/sh\ncat >/dev/null\necho 'Error: <stdin>: syntax error in line 3' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path svg = tmp.resolve("books.svg");
        Cli r = run(new Graphviz(fake), "tree", "--svg", svg.toString(), db.toString(), "books");
        assertOneLineError(r, ExitCode.UNREADABLE, "Graphviz dot failed (exit 1): Error: <stdin>: syntax error");
        assertThat(svg).doesNotExist();
    }

    @Test
    void theImageIsNeverAnExistingFileWithoutForceNorTheDatabase() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Path fake = tmp.resolve("dot");
        Files.writeString(fake, "#!/bin/sh\ncat >/dev/null\nprintf '<svg/>'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Graphviz stub = new Graphviz(fake);
        Path svg = tmp.resolve("books.svg");
        Files.writeString(svg, "mine");
        assertOneLineError(run(stub, "tree", "--svg", svg.toString(), db.toString(), "books"), ExitCode.USAGE,
                "exists; use --force");
        assertThat(svg).hasContent("mine");
        Cli forced = run(stub, "tree", "--force", "--svg", svg.toString(), db.toString(), "books");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(svg).hasContent("<svg/>");
        byte[] before = Files.readAllBytes(db);
        assertOneLineError(run(stub, "tree", "--force", "--png", db.toString(), db.toString(), "books"),
                ExitCode.USAGE, "is the input file");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertOneLineError(run(stub, "tree", "--png", tmp.resolve("no/such/dir.png").toString(), db.toString(),
                "books"), ExitCode.USAGE, "no such directory");
    }

    /** Runs loupe with TreeCommand's Graphviz replaced, as the shell's factory replaces the WAL option's session. */
    private static Cli run(Graphviz graphviz, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = defaults.create(cls);
                if (made instanceof TreeCommand t) {
                    t.graphviz = graphviz;
                }
                return made;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err), factory).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    private static Set<Long> dbstatPages(Path copy, String name) throws Exception {
        Set<Long> pages = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             ResultSet rs = c.createStatement().executeQuery("SELECT pageno FROM dbstat WHERE name = '" + name
                     + "' AND pagetype IN ('internal', 'leaf')")) {
            while (rs.next()) {
                pages.add(rs.getLong(1));
            }
        }
        assertThat(pages).hasSizeGreaterThan(10);
        return new TreeSet<>(pages);
    }

    private static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // Graphviz writes the SVG 1.1 DOCTYPE: do not fetch its DTD from the network.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    private static void assertOneLineError(Cli r, int code, String text) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(code);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("loupe: ").contains(text).doesNotContain("Exception");
    }
}
