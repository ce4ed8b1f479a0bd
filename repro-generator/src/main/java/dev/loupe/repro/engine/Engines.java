package dev.loupe.repro.engine;

import java.util.List;

/** Engines by name: sqlite, sqlite3, turso, cmd:TEMPLATE. */
public final class Engines {

    private final EnginesHome home;

    public Engines(EnginesHome home) {
        this.home = home;
    }

    public static Engines fromEnvironment() {
        return new Engines(EnginesHome.fromEnvironment());
    }

    public EnginesHome home() {
        return home;
    }

    /** The engine called {@code name}; IllegalArgumentException for an unknown name. */
    public Engine named(String name) {
        if (name.startsWith(CommandEngine.PREFIX)) {
            return new CommandEngine(name.substring(CommandEngine.PREFIX.length()));
        }
        return switch (name) {
            case SqliteEngine.NAME -> new SqliteEngine();
            case Sqlite3Engine.NAME -> new Sqlite3Engine();
            case TursoEngine.NAME -> new TursoEngine(home.turso());
            default -> throw new IllegalArgumentException("unknown engine '" + name
                    + "': use sqlite, sqlite3, turso or cmd:TEMPLATE");
        };
    }

    /** The built-in engines, available or not (cmd: engines are made on demand). */
    public List<Engine> builtIn() {
        return List.of(new SqliteEngine(), new Sqlite3Engine(), new TursoEngine(home.turso()));
    }
}
