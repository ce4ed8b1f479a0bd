package dev.loupe.cli;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tree, find, overflow, dbtotxt and hexdb: bad input gets one line and the documented exit code; broken links in a
 * damaged tree are shown on their parent; DOT output is well formed and renders when Graphviz is installed.
 */
class TreeFindErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void unknownNames() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        assertOneLineError(Cli.run("tree", db.toString(), "bookz"), ExitCode.USAGE, "no such table or index: bookz");
        assertOneLineError(Cli.run("find", db.toString(), "bookz", "1"), ExitCode.USAGE, "no such table or index");
        assertOneLineError(Cli.run("tree", db.toString(), "open_loans"), ExitCode.USAGE, "is a view");
        assertOneLineError(Cli.run("tree", "--root", "99999", db.toString()), ExitCode.USAGE, "out of range");
        assertOneLineError(Cli.run("tree", db.toString()), ExitCode.USAGE, "NAME, or --root N");
    }

    @Test
    void missingFiles() {
        String nope = tmp.resolve("nope.db").toString();
        for (String[] args : new String[][]{{"tree", nope, "t"}, {"find", nope, "t", "1"}, {"overflow", nope, "2", "0"},
                {"dbtotxt", nope}, {"hexdb", nope, "-o", tmp.resolve("x.db").toString()}}) {
            assertOneLineError(Cli.run(args), ExitCode.UNREADABLE, "no such file");
        }
    }

    @Test
    void badKeysAndRowids() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        assertOneLineError(Cli.run("find", db.toString(), "books", "x1"), ExitCode.USAGE, "ROWID must be");
        assertOneLineError(Cli.run("find", db.toString(), "books", "--key", "1"), ExitCode.USAGE, "rowid table");
        assertOneLineError(Cli.run("find", db.toString(), "tags", "1"), ExitCode.USAGE, "WITHOUT ROWID");
        assertOneLineError(Cli.run("find", db.toString(), "tags", "--key", "'abc"), ExitCode.USAGE, "unterminated");
        assertOneLineError(Cli.run("find", db.toString(), "tags", "--key", "abc"), ExitCode.USAGE, "not an SQL literal");
    }

    @Test
    void overflowOfACellWithoutPayloadOrOutOfRange() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        assertOneLineError(Cli.run("overflow", db.toString(), "4", "0"), ExitCode.USAGE, "has no payload");
        assertOneLineError(Cli.run("overflow", db.toString(), "0", "0"), ExitCode.USAGE, "out of range");
        assertOneLineError(Cli.run("overflow", db.toString(), "22", "999"), ExitCode.USAGE, "cell 999 is out of range");
    }

    @Test
    void outputThatExistsIsNotOverwritten() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Path txt = tmp.resolve("demo.txt");
        assertThat(Cli.run("dbtotxt", "-o", txt.toString(), db.toString()).exitCode()).isZero();
        assertOneLineError(Cli.run("dbtotxt", "-o", txt.toString(), db.toString()), ExitCode.USAGE, "--force");
        assertOneLineError(Cli.run("hexdb", txt.toString(), "-o", db.toString()), ExitCode.USAGE, "exists; use --force");
        assertOneLineError(Cli.run("dbtotxt", "--force", "-o", db.toString(), db.toString()), ExitCode.USAGE,
                "is the input file");
        assertThat(Cli.run("hexdb", "--force", txt.toString(), "-o", db.toString()).exitCode()).isZero();
    }

    @Test
    void brokenChildPointerIsShownOnItsParent() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        byte[] b = Files.readAllBytes(db);
        // page 4 is books' interior root (4096-byte pages): point its right child far past the end
        int rightChild = 3 * 4096 + 8;
        b[rightChild] = 0x7f;
        Files.write(db, b);
        Cli text = Cli.run("tree", db.toString(), "books");
        assertThat(text.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(text.out()).contains("BROKEN out-of-range").contains("Problems");
        Cli json = Cli.run("tree", "--format", "json", db.toString(), "books");
        assertThat(json.out()).contains("\"link\" : \"out-of-range\"");
        Cli dot = Cli.run("tree", "--format", "dot", db.toString(), "books");
        assertThat(dot.out()).contains("color=red, style=dashed");
    }

    @Test
    void dotIsWellFormedAndRendersWhenGraphvizIsThere() throws Exception {
        Path db = Samples.copyTo(Sample.WITHOUT_ROWID, tmp);
        Cli r = Cli.run("tree", "--format", "dot", db.toString(), "edges");
        assertThat(r.exitCode()).isZero();
        String dot = r.out();
        assertThat(dot).startsWith("digraph \"table edges\" {\n").endsWith("}\n");
        for (String line : dot.split("\n")) {
            assertThat(line).as(line).matches("digraph .* \\{|  .*;|}");
        }
        assertThat(dot.chars().filter(ch -> ch == '"').count() % 2).isZero();
        Path svg = tmp.resolve("edges.svg");
        Cli render = Cli.run("tree", "--svg", svg.toString(), db.toString(), "edges");
        if (new Graphviz(System.getenv()).dot().isPresent()) {
            assertThat(render.exitCode()).as(render.err()).isZero();
            assertThat(Files.readString(svg)).contains("<svg");
            Process p = new ProcessBuilder("dot", "-Tplain").start();
            p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } else {
            assertOneLineError(render, ExitCode.USAGE, Graphviz.NOT_FOUND);
        }
        assertThat(new Graphviz(Map.of("PATH", tmp.toString())).dot()).isEmpty();
    }

    @Test
    void textOutputs() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli tree = Cli.run("tree", db.toString(), "books");
        assertThat(tree.out()).startsWith("table books: root page 4").contains("├─ page 22 ").contains("rowids 1..13");
        Cli find = Cli.run("find", db.toString(), "books", "100");
        assertThat(find.exitCode()).isZero();
        assertThat(find.out()).contains("Found rowid 100 in table books").contains("99 < rowid <= 112")
                .contains("cell 0 (found)");
        Cli help = Cli.run("tree", "--help");
        assertThat(help.out()).contains("Examples:").contains("Exit codes");
    }

    private static void assertOneLineError(Cli r, int code, String text) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(code);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("loupe: ").contains(text).doesNotContain("Exception");
    }
}
