package dev.loupe.issue;

import java.util.ArrayList;
import java.util.List;

/**
 * The command a reader runs to see the failure on each engine: the sqlite3 shell, a Node one-liner for Turso
 * (@tursodatabase/database), or for a database reproducer the sqlite3 shell reading hexdb text from a heredoc.
 */
public final class EngineCommands {

    /** Runs repro.sql statement by statement on Turso and prints each result as JSON or the error. */
    private static final String TURSO_SQL = "import {connect} from \"@tursodatabase/database\";"
            + " import {readFileSync} from \"node:fs\"; const db = await connect(\":memory:\");"
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
        for (EngineInfo e : r.engines()) {
            String name = e.name();
            String command;
            if (name.equals("sqlite") || name.equals("sqlite3")) {
                if (sqliteShown) {
                    continue; // both are SQLite: one sqlite3 command reproduces either
                }
                sqliteShown = true;
                command = r.fileKind() ? sqlite3Hexdb(r) : "sqlite3 :memory: < repro.sql";
            } else if (name.equals("turso")) {
                String install = "# in a folder where 'npm install @tursodatabase/database@" + e.version()
                        + "' ran" + (r.fileKind() ? ", with repro.db (attached to the issue) copied there" : "")
                        + "\n";
                command = install + (r.fileKind()
                        ? "cp repro.db turso-copy.db && node --input-type=module -e " + ShellQuote.word(TURSO_FILE)
                        : "node --input-type=module -e " + ShellQuote.word(TURSO_SQL));
            } else if (name.startsWith("cmd:")) {
                command = "# " + name.substring(4) + "   (repro.sql on standard input, {db} the database)";
            } else {
                command = "# " + name + ": run repro.sql";
            }
            out.add(new EngineCommand(name, e.version(), command));
        }
        return out;
    }

    /** The sqlite3 shell reading the database from the heredoc that follows `.open --hexdb`, then checking it. */
    static String sqlite3Hexdb(Reproducer r) {
        String hexdb = r.hexdb() == null ? "" : r.hexdb();
        return Heredoc.of("sqlite3", ".open --hexdb\n" + (hexdb.endsWith("\n") ? hexdb : hexdb + "\n")
                + "PRAGMA integrity_check;");
    }
}
