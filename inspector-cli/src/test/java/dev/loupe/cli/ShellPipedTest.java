package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Piped shell input prints exactly what the one-shot commands print, and errors never end the shell. */
class ShellPipedTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"DEMO", "OVERFLOW", "INDEXES", "WAL", "FREELIST"})
    void everyPageEqualsTheOneShotPageCommand(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp);
        long pages;
        try (Database d = Database.open(db)) {
            pages = d.pageCount();
        }
        StringBuilder script = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        int worst = 0;
        for (long p = 1; p <= pages; p++) {
            script.append("page ").append(p).append('\n');
            Cli one = Cli.run("page", db.toString(), Long.toString(p));
            expected.append(one.out());
            worst = Math.max(worst, one.exitCode());
        }
        ShellTestSupport r = ShellTestSupport.pipe(db, script.toString());
        assertThat(r.out()).isEqualTo(expected.toString());
        assertThat(r.exitCode()).isEqualTo(worst);
    }

    @Test
    void commandsEqualTheirOneShotForms() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        String f = db.toString();
        List<String[]> oneShot = new ArrayList<>();
        oneShot.add(new String[] {"info", f});
        oneShot.add(new String[] {"header", f});
        oneShot.add(new String[] {"schema", f});
        oneShot.add(new String[] {"pages", f});
        oneShot.add(new String[] {"space", f});
        oneShot.add(new String[] {"rows", f, "books", "--limit", "3"});
        oneShot.add(new String[] {"tree", f, "books"});
        oneShot.add(new String[] {"find", f, "books", "2"});
        oneShot.add(new String[] {"cell", f, "4", "0"});
        oneShot.add(new String[] {"page", "--format", "json", f, "8"});
        String script = "info\nheader\nschema\npages\nspace\nrows books --limit 3\ntree books\nfind books 2\n"
                + "page 4\ncell 0\n.format json\npage 8\n";
        StringBuilder expected = new StringBuilder();
        for (String[] args : oneShot) {
            expected.append(Cli.run(args).out());
        }
        ShellTestSupport r = ShellTestSupport.pipe(db, script);
        String pageFour = Cli.run("page", f, "4").out();
        assertThat(r.out()).isEqualTo(expected.toString().replace(Cli.run("cell", f, "4", "0").out(),
                pageFour + Cli.run("cell", f, "4", "0").out()));
        assertThat(r.out()).doesNotContain("demo.db>").doesNotContain("demo.db page");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badInputIsOneLineAndTheShellContinues() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        ShellTestSupport r = ShellTestSupport.pipe(db,
                "frobnicate\npage 99999\ncell 4 9999\ncell 0\nrows nosuchtable\nchild 0\nfind 'unclosed\ntables\n");
        String[] errLines = r.err().split("\n");
        assertThat(errLines).hasSize(7).allMatch(l -> l.startsWith("loupe: "));
        assertThat(r.err()).contains("unknown command 'frobnicate'");
        assertThat(r.out()).contains("books").contains("table ");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void quitStopsReading() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        ShellTestSupport r = ShellTestSupport.pipe(db, "quit\ntables\n");
        assertThat(r.out()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }
}
