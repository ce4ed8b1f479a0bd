package dev.loupe.cli;

import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Colour: on when forced (as on a terminal), the escapes stripped give exactly the plain output (so columns stay
 * aligned); off without a terminal, for JSON/DOT, with --no-color anywhere on the line, and with NO_COLOR or a dumb
 * TERM.
 */
class ColourTest {

    private static final Pattern SGR = Pattern.compile("\033\\[[0-9;]*m");

    @TempDir
    Path tmp;

    private String demo;
    private String broken;

    @BeforeEach
    void samples() throws Exception {
        demo = Samples.copyTo(Sample.DEMO, tmp.resolve("ok")).toString();
        Path b = Samples.copyTo(Sample.DEMO, tmp.resolve("broken"));
        byte[] bytes = Files.readAllBytes(b);
        bytes[3 * 4096 + 8] = 0x7f; // books' interior root (page 4): right child far past the end
        bytes[9 * 4096] = 0x0b;     // page 10: not a valid page type
        Files.write(b, bytes);
        broken = b.toString();
    }

    private List<String[]> textCommands() {
        List<String[]> l = new ArrayList<>();
        for (String f : List.of(demo, broken)) {
            l.add(new String[] {"pages", f});
            l.add(new String[] {"page", "--hex", "--map", f, "4"});
            l.add(new String[] {"page", "--map", f, "1"});
            l.add(new String[] {"page", f, "10"});
            l.add(new String[] {"tree", f, "books"});
            l.add(new String[] {"tree", "--depth", "1", f, "books"});
            l.add(new String[] {"info", f});
        }
        return l;
    }

    @Test
    void forcedColourStripsToExactlyThePlainOutput() {
        int styled = 0;
        for (String[] args : textCommands()) {
            Cli plain = Cli.run(args);
            Cli colour = run(Style.ANSI, args);
            String what = String.join(" ", args);
            assertThat(plain.out()).as(what).doesNotContain("\033");
            assertThat(colour.exitCode()).as(what).isEqualTo(plain.exitCode());
            assertThat(strip(colour.out())).as(what).isEqualTo(plain.out());
            assertThat(colour.err()).as(what).isEqualTo(plain.err());
            if (colour.out().contains("\033[")) {
                styled++;
            }
        }
        assertThat(styled).isEqualTo(textCommands().size());
    }

    @Test
    void whatIsColouredAndHow() {
        Cli pages = run(Style.ANSI, "pages", demo);
        assertThat(pages.out()).contains("\033[1m    page  kind").contains("\033[34mtable-interior\033[0m")
                .contains("\033[32mtable-leaf    \033[0m");
        Cli tree = run(Style.ANSI, "tree", broken, "books");
        assertThat(tree.out()).contains("\033[31mBROKEN out-of-range").contains("\033[1mProblems\033[0m");
        Cli page = run(Style.ANSI, "page", "--hex", "--map", demo, "4");
        assertThat(page.out()).contains("\033[2m     0\033[0m  05 ").contains("\033[36mpage header")
                .contains("\033[36mH\033[0m page header");
        Cli bad = run(Style.ANSI, "page", broken, "10");
        assertThat(bad.out().lines().filter(l -> l.startsWith("\033[31m  page-type"))).isNotEmpty();
    }

    @Test
    void machineFormatsAreNeverColoured() {
        for (String[] args : List.of(new String[] {"pages", "--format", "jsonl", broken},
                new String[] {"page", "--format", "json", "--hex", "--map", broken, "4"},
                new String[] {"tree", "--format", "dot", broken, "books"},
                new String[] {"tree", "--format", "json", broken, "books"},
                new String[] {"info", "--format", "json", broken},
                new String[] {"dbtotxt", demo})) {
            assertThat(run(Style.ANSI, args).out()).as(String.join(" ", args)).doesNotContain("\033");
        }
    }

    @Test
    void noColorWinsWhereverItIsGiven() {
        Cli plain = Cli.run("tree", broken, "books");
        for (String[] args : List.of(new String[] {"--no-color", "tree", broken, "books"},
                new String[] {"tree", "--no-color", broken, "books"},
                new String[] {"tree", broken, "books", "--no-color"})) {
            Cli r = run(Style.ANSI, args);
            assertThat(r.out()).as(String.join(" ", args)).isEqualTo(plain.out());
        }
        assertThat(Cli.run("page", "--help").out()).contains("--no-color");
    }

    @Test
    void theShellColoursLikeTheCommandsUnlessALineSaysNoColor() throws Exception {
        try (Session session = Session.open(Path.of(demo), OpenOptions.defaults())) {
            StringWriter out = new StringWriter();
            Shell shell = new Shell(session, new PrintWriter(out), new PrintWriter(new StringWriter()), Style.ANSI);
            shell.runLine("page 4");
            assertThat(out.toString()).contains("\033[1mPage 4 of");
            assertThat(strip(out.toString())).isEqualTo(Cli.run("page", demo, "4").out());
            out.getBuffer().setLength(0);
            shell.runLine("page 4 --no-color");
            assertThat(out.toString()).isEqualTo(Cli.run("page", demo, "4").out());
        }
    }

    @Test
    void terminalDetection() {
        Map<String, String> xterm = Map.of("TERM", "xterm-256color");
        assertThat(Style.forTerminal(xterm, true)).isSameAs(Style.ANSI);
        assertThat(Style.forTerminal(Map.of(), true)).isSameAs(Style.ANSI);
        assertThat(Style.forTerminal(xterm, false)).isSameAs(Style.PLAIN);
        assertThat(Style.forTerminal(Map.of("TERM", "dumb"), true)).isSameAs(Style.PLAIN);
        assertThat(Style.forTerminal(Map.of("TERM", "xterm", "NO_COLOR", "1"), true)).isSameAs(Style.PLAIN);
        // no-color.org: only a NO_COLOR that is present and not empty turns colour off
        assertThat(Style.forTerminal(Map.of("TERM", "xterm", "NO_COLOR", ""), true)).isSameAs(Style.ANSI);
        assertThat(Style.PLAIN.heading("x") + Style.PLAIN.problem(dev.loupe.format.ProblemKind.CELL_OVERLAP, "y"))
                .isEqualTo("xy");
    }

    private static Cli run(Style style, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), style);
        return new Cli(code, out.toString(), err.toString());
    }

    private static String strip(String s) {
        return SGR.matcher(s).replaceAll("");
    }
}
