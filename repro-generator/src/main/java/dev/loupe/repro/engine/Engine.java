package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;

import java.nio.file.Path;

/**
 * Something that runs SQL: SQLite in-process, the sqlite3 shell, Turso, any program. A run never throws for what
 * the engine does: errors, crashes, hangs and floods of output are all results.
 */
public interface Engine {

    /** The name to select it by: sqlite, sqlite3, turso, cmd:TEMPLATE. */
    String name();

    /** Its version as it reports it (for SQLite-compatible engines, also the SQLite version they track). */
    String version();

    /** True when it can run here (program found, package installed). */
    boolean available();

    /**
     * Runs the statements in order on {@code database} (which it may change: pass a scratch copy), or on a fresh
     * in-memory database when {@code database} is null. Every statement runs, even after one fails.
     */
    RunResult run(Script script, Path database, Limits limits);
}
