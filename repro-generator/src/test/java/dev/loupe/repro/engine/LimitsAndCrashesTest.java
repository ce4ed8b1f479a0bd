package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A hung, crashing or flooding engine is a result, within the limits, never a hang of Loupe. */
class LimitsAndCrashesTest {

    private static final Script ONE = Script.parse("SELECT 1;");
    /** A query that runs for minutes. */
    private static final Script FOREVER = Script.parse("SELECT 1; WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL"
            + " SELECT n + 1 FROM c) SELECT count(*) FROM c; SELECT 2;");
    /** A query whose output is hundreds of megabytes. */
    private static final Script FLOOD = Script.parse("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1"
            + " FROM c WHERE n < 100000000) SELECT n, 'some text to make the rows longer' FROM c;");

    @Test
    void hangingCommandTimesOut() {
        long t0 = System.nanoTime();
        RunResult r = new CommandEngine("sleep 100").run(ONE, null, Limits.defaults().withTimeout(
                Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.abort()).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(Abort.Kind.TIMEOUT));
    }

    @Test
    void crashingCommandIsACrashWithItsSignal() {
        RunResult r = new CommandEngine("sh -c 'echo dying >&2; kill -SEGV $$'").run(ONE, null, Limits.defaults());
        assertThat(r.abort()).hasValueSatisfying(a -> {
            assertThat(a.kind()).isEqualTo(Abort.Kind.CRASH);
            assertThat(a.signal()).isEqualTo(11);
            assertThat(a.exitCode()).isEqualTo(139);
            assertThat(a.detail()).contains("signal 11").contains("dying");
        });
    }

    @Test
    void commandExitingWithAnOddStatusIsACrash() {
        RunResult r = new CommandEngine("sh -c 'exit 101'").run(ONE, null, Limits.defaults());
        assertThat(r.abort()).hasValueSatisfying(a -> {
            assertThat(a.kind()).isEqualTo(Abort.Kind.CRASH);
            assertThat(a.exitCode()).isEqualTo(101);
            assertThat(a.signal()).isEqualTo(-1);
        });
    }

    @Test
    void hugeOutputIsCutAtTheLimit() {
        long t0 = System.nanoTime();
        RunResult r = new CommandEngine("yes").run(ONE, null, Limits.defaults().withMaxOutputBytes(1 << 20));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.abort()).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(Abort.Kind.OUTPUT_LIMIT));
    }

    @Test
    void missingProgramIsUnavailable() {
        CommandEngine e = new CommandEngine("/nonexistent/engine {db}");
        assertThat(e.available()).isFalse();
        assertThat(e.run(ONE, null, Limits.defaults()).abort())
                .hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(Abort.Kind.UNAVAILABLE));
    }

    @Test
    void plainProgramGivesItsOutputAsOneRow() {
        RunResult r = new CommandEngine("sqlite3 -batch {db}").run(Script.parse("SELECT 1; SELECT 'a'"), null,
                Limits.defaults());
        assertThat(r.outcomes()).containsExactly(new Outcome.Rows(List.of("stdout", "stderr", "exit"),
                List.of(List.of(new Value.Text("1\na\n"), new Value.Text(""), new Value.Int(0)))));
    }

    @Test
    void templateWordsAreSplitLikeAShellWithoutOne() {
        assertThat(CommandEngine.split("prog -x 'a b' \"c \\\" d\" e\\ f {db}"))
                .containsExactly("prog", "-x", "a b", "c \" d", "e f", "{db}");
    }

    @Test
    void sqliteShellTimesOutMidScript() {
        RunResult r = new Sqlite3Engine().run(FOREVER, null, Limits.defaults().withTimeout(Duration.ofSeconds(1)));
        assertThat(r.outcomes()).hasSize(2);
        assertThat(r.outcomes().get(0)).isInstanceOf(Outcome.Rows.class);
        assertThat(r.abort()).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(Abort.Kind.TIMEOUT));
    }

    @Test
    void inProcessSqliteTimesOutMidScript() {
        long t0 = System.nanoTime();
        RunResult r = new SqliteEngine().run(FOREVER, null, Limits.defaults().withTimeout(Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.outcomes()).hasSize(2);
        assertThat(r.abort()).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(Abort.Kind.TIMEOUT));
    }

    @Test
    void floodsAreCutOnEveryEngine() {
        Limits small = Limits.defaults().withMaxOutputBytes(1 << 20);
        for (Engine e : List.of(new SqliteEngine(), new Sqlite3Engine())) {
            RunResult r = e.run(FLOOD, null, small);
            assertThat(r.abort()).as(e.name())
                    .hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(Abort.Kind.OUTPUT_LIMIT));
        }
    }
}
