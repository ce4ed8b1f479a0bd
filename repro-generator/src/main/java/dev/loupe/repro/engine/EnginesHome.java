package dev.loupe.repro.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * The folder engines are installed into (Turso's npm package and its runner under {@code turso/}): the system
 * property {@code loupe.engines.dir}, else the environment variable {@code LOUPE_ENGINES_DIR}, else
 * {@code $XDG_CACHE_HOME/loupe/engines} ({@code ~/.cache/loupe/engines}).
 */
public record EnginesHome(Path dir) {

    public static EnginesHome fromEnvironment() {
        return from(System.getProperty("loupe.engines.dir"), System.getenv(), System.getProperty("user.home"));
    }

    static EnginesHome from(String property, Map<String, String> env, String userHome) {
        if (property != null && !property.isBlank()) {
            return new EnginesHome(Path.of(property));
        }
        String dir = env.get("LOUPE_ENGINES_DIR");
        if (dir != null && !dir.isBlank()) {
            return new EnginesHome(Path.of(dir));
        }
        String cache = env.get("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(userHome, ".cache");
        return new EnginesHome(base.resolve("loupe").resolve("engines"));
    }

    public Path turso() {
        return dir.resolve("turso");
    }
}
