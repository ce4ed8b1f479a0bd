package dev.loupe.issue;

import dev.loupe.format.Database;
import dev.loupe.repro.diff.DiffKind;
import dev.loupe.repro.diff.DiffOptions;
import dev.loupe.repro.diff.FileDiff;
import dev.loupe.repro.diff.FileDiffer;
import dev.loupe.repro.engine.CommandEngine;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.SqliteEngine;
import dev.loupe.repro.sql.Oracle;
import dev.loupe.repro.sql.Script;
import dev.loupe.repro.sql.SqlRepro;
import dev.loupe.repro.sql.SqlReproducerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `repro sql --oracle filediff` end to end on a real pair (SQLite in process against the sqlite3 shell writing the
 * legacy file format): reduced, written with both engines' files, drafted as a "File compat:" issue that carries the
 * diff; the files the reproducer holds still differ the same way.
 */
class FileCompatDraftTest {

    @TempDir
    Path tmp;

    @Test
    void filediffReproducerIsDraftedWithTheDiff() throws Exception {
        List<String> sqls = new ArrayList<>();
        sqls.add("CREATE TABLE a(id INTEGER PRIMARY KEY, n INTEGER, s TEXT)");
        sqls.add("CREATE TABLE b(k TEXT, v)");
        for (int i = 0; i < 20; i++) {
            sqls.add("INSERT INTO a(n, s) VALUES (" + (i * 37 + 2) + ", 'row" + i + "')");
            sqls.add("INSERT INTO b VALUES ('k" + i + "', " + (i + 5) + ".5)");
        }
        sqls.add(12, "UPDATE a SET n = 1 WHERE id = 3");
        Script script = Script.of(sqls);
        List<Engine> engines = List.of(new SqliteEngine(), new CommandEngine(Fixtures.LEGACY.substring(4)));
        SqlRepro.Report r = SqlRepro.run(script, engines, Oracle.parse("filediff"), null, Duration.ofSeconds(90), 2,
                p -> { }).orElseThrow();
        assertThat(r.result().reduced().size()).isLessThanOrEqualTo(3);
        Path dir = tmp.resolve("repro");
        SqlReproducerWriter.write(dir, r.result(), engines, r.oracle(), r.reducedRuns(), "test", Instant.EPOCH,
                r.databases());

        IssueDraft d = DraftGoldenTest.draft(dir, IssueTemplate.builtIn());
        assertThat(d.title()).startsWith("File compat: ").contains("the same value stored as");
        assertThat(d.fingerprint()).isEqualTo("filediff encoding");
        assertThat(d.labels()).contains("file-format");
        assertThat(d.body()).contains("## File differences", "incompatible  encoding", "loupe diff sqlite.db ",
                "sqlite3 sqlite.db < repro.sql", "databases/sqlite.db");

        Reproducer rep = ReproducerReader.read(dir);
        Path a = dir.resolve(rep.fileDiff().databases().get("sqlite"));
        Path b = dir.resolve(rep.fileDiff().databases().get(engines.get(1).name()));
        FileDiff again;
        try (Database da = Database.open(a); Database db = Database.open(b)) {
            again = new FileDiffer(DiffOptions.defaults().withCheckThreads(1)).diff(da, db);
        }
        assertThat(again.firstIncompatibleDifference().orElseThrow().kind()).isEqualTo(DiffKind.ENCODING);
        // SQLite reads the same rows from both files: the difference is in the bytes only
        String table = r.result().reduced().sqls().get(0).split("[ (]")[2];
        Files.copy(a, tmp.resolve("a.db"));
        Files.copy(b, tmp.resolve("b.db"));
        String rowsA = DraftRunsTest.run(tmp, "sqlite3 a.db 'SELECT * FROM " + table + "'");
        assertThat(rowsA).isNotBlank().isEqualTo(DraftRunsTest.run(tmp, "sqlite3 b.db 'SELECT * FROM " + table + "'"));
    }
}
