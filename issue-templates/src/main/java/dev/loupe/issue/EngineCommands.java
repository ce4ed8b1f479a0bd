package dev.loupe.issue;

import dev.loupe.repro.sql.SqlReproducerWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The command a reader runs to see the failure on each engine: the sqlite3 shell, a Node one-liner for Turso
 * (@tursodatabase/database), or for a database reproducer the sqlite3 shell reading hexdb text from a heredoc.
 */
public final class EngineCommands {

    /**
     * Runs repro.sql statement by statement on Turso and prints each result as JSON or the error; DATABASE is where
     * it runs (":memory:", or a file for a filediff reproducer).
     */
    private static final String TURSO_SQL = "import {connect} from \"@tursodatabase/database\";"
            + " import {readFileSync} from \"node:fs\"; const db = await connect(\"DATABASE\");"
            + " for (const s of readFileSync(\"repro.sql\", \"utf8\").split(/;[ \\t]*$/m).filter((s) => s.trim()))"
            + " { try { const st = await db.prepare(s + \";\"); st.raw(true);"
            + " console.log(JSON.stringify(await st.all(), (k, v) => typeof v === \"bigint\" ? String(v) : v)); }"
            + " catch (e) { console.log(\"Error: \" + e.message); } }";

    /** Runs PRAGMA integrity_check with Turso on a copy of repro.db (an engine may write to what it opens). */
    private static final String TURSO_FILE = "import {connect} from \"@tursodatabase/database\";"
            + " const db = await connect(\"turso-copy.db\"); const st = await db.prepare(\"PRAGMA integrity_check;\");"
            + " st.raw(true); console.log((await st.all()).map((r) => r.join(\"|\")).join(\"\\n\"));";

    private EngineCommands() {
    }

    /** One engine's command. {@code command} may span lines (a heredoc). */
    public record EngineCommand(String engine, String version, String command) {
    }

    public static List<EngineCommand> of(Reproducer r) {
        List<EngineCommand> out = new ArrayList<>();
        boolean sqliteShown = false;
        // a filediff reproducer runs the script into a file per engine, which `loupe diff` then compares
        boolean files = !r.fileKind() && r.fileDiff() != null;
        for (EngineInfo e : r.engines()) {
            String name = e.name();
            String command;
            if (name.equals("sqlite") || name.equals("sqlite3")) {
                if (sqliteShown && !files) {
                    continue; // both are SQLite: one sqlite3 command reproduces either
                }
                sqliteShown = true;
                command = r.fileKind() ? sqlite3Hexdb(r)
                        : "sqlite3 " + (files ? databaseFile(name) : ":memory:") + " < repro.sql";
            } else if (name.equals("turso")) {
                // the engine reports "0.7.2 (sqlite_version 3.50.4)": npm wants the package version alone
                String install = "# in a folder where 'npm install @tursodatabase/database@" + e.version().split(" ")[0]
                        + "' ran" + (r.fileKind() ? ", with repro.db (attached to the issue) copied there" : "")
                        + "\n";
                command = install + (r.fileKind()
                        ? "cp repro.db turso-copy.db && node --input-type=module -e " + ShellQuote.word(TURSO_FILE)
                        : "node --input-type=module -e " + ShellQuote.word(TURSO_SQL.replace("DATABASE",
                        files ? databaseFile(name) : ":memory:")));
            } else if (name.startsWith("cmd:")) {
                command = "# " + name.substring(4) + "   (repro.sql on standard input, {db} the database"
                        + (files ? ", " + databaseFile(name) : "") + ")";
            } else {
                command = "# " + name + ": run repro.sql";
            }
            out.add(new EngineCommand(name, e.version(), command));
        }
        return out;
    }

    /** The file an engine's run of a filediff reproducer writes: sqlite.db, turso.db. */
    static String databaseFile(String engine) {
        return SqlReproducerWriter.fileName(engine) + ".db";
    }

    /** The command that compares the engines' files of a filediff reproducer, or null for another reproducer. */
    static String diffCommand(Reproducer r) {
        if (r.fileKind() || r.fileDiff() == null || r.engines().size() < 2) {
            return null;
        }
        return "loupe diff " + ShellQuote.word(databaseFile(r.engines().get(0).name())) + " "
                + ShellQuote.word(databaseFile(r.engines().get(1).name()));
    }

    /** The sqlite3 shell reading the database from the heredoc that follows `.open --hexdb`, then checking it. */
    static String sqlite3Hexdb(Reproducer r) {
        String hexdb = r.hexdb() == null ? "" : r.hexdb();
        return Heredoc.of("sqlite3", ".open --hexdb\n" + (hexdb.endsWith("\n") ? hexdb : hexdb + "\n")
                + "PRAGMA integrity_check;");
    }
}
