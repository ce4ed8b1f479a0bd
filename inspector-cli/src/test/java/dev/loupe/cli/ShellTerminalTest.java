package dev.loupe.cli;

import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The interactive side through a JLine terminal: completion, a typed line, history in the given file. */
class ShellTerminalTest {

    @TempDir
    Path tmp;

    @Test
    void completesCommandsTablesAndPages() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        try (Session session = Session.open(db, OpenOptions.defaults());
             Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            Shell shell = new Shell(session, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            ShellCompleter completer = new ShellCompleter(shell);
            assertThat(complete(completer, reader, "pa")).contains("page", "pages");
            List<String> names = new ArrayList<>();
            session.database().schema().tables().forEach(t -> names.add(t.name()));
            assertThat(names).contains("books");
            assertThat(complete(completer, reader, "rows ")).containsAll(names);
            assertThat(complete(completer, reader, "page 1")).contains("1", "10").allMatch(s -> s.startsWith("1"));
        }
    }

    @Test
    void aLineTypedThroughTheTerminalRunsAndIsRemembered() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Path history = tmp.resolve("history");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        byte[] typed = "page 4\nquit\n".getBytes(StandardCharsets.UTF_8);
        try (Session session = Session.open(db, OpenOptions.defaults());
             Terminal terminal = new DumbTerminal(new ByteArrayInputStream(typed), screen)) {
            Shell shell = new Shell(session, terminal.writer(), new PrintWriter(new StringWriter()));
            int code = ShellConsole.interact(shell, terminal, history);
            terminal.flush();
            assertThat(code).isLessThanOrEqualTo(ExitCode.FINDINGS);
        }
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("demo.db> ");
        String pageFour = Cli.run("page", db.toString(), "4").out();
        assertThat(shown.replace("\r\n", "\n")).contains(pageFour.lines().findFirst().orElseThrow());
        assertThat(Files.readString(history)).contains("page 4");
    }

    private static List<String> complete(ShellCompleter completer, LineReader reader, String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(reader, new DefaultParser().parse(line, line.length(), org.jline.reader.Parser.ParseContext.COMPLETE), out);
        return out.stream().map(Candidate::value).toList();
    }
}
