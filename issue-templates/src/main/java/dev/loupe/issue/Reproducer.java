package dev.loupe.issue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reproducer directory holds (the contract `loupe repro` writes): reproducer.json's fields, the reduced
 * script, each engine's output, and for a file reproducer the reduced database and its hexdb text.
 *
 * @param kind           "sql" or "file"
 * @param statementIndex the failing statement, 0-based in the reduced script, or null
 * @param outcomes       each engine's canonical outcome of the failing statement, as compact JSON
 * @param finding        the checker finding the reproducer keeps, or null
 * @param sql            repro.sql, or null when absent
 * @param outputs        outputs/ENGINE.txt by engine name, in the order of {@code engines} then by name
 * @param hexdb          repro.hexdb, or null when absent
 * @param database       repro.db's bytes (bounded, see {@link ReproducerReader}), or null when absent
 * @param fileDiff       for a filediff reproducer, the diff of the two engines' files, else null
 */
public record Reproducer(String kind, String loupeVersion, String created, List<EngineInfo> engines,
                         String reference, String oracle, FailureClass failureClass, Integer statementIndex,
                         String statementClass, String summary, Size original, Size reduced, long steps,
                         long millis, Map<String, String> outcomes, Finding finding, String sql,
                         Map<String, String> outputs, String hexdb, byte[] database, FileDiff fileDiff) {

    /** A script's or a file's size: statements, bytes, pages (null for a script that made no file). */
    public record Size(long statements, long bytes, Long pages) {
    }

    /**
     * reproducer.json's "fileDiff": the text report of `loupe diff` on the files each engine left, the signature of
     * its first incompatible difference (null when none), and each engine's file in the reproducer directory.
     */
    public record FileDiff(String text, String signature, Map<String, String> databases) {
        public FileDiff {
            databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
        }
    }

    public Reproducer {
        engines = List.copyOf(engines);
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        database = database == null ? null : database.clone();
    }

    @Override
    public byte[] database() {
        return database == null ? null : database.clone();
    }

    public boolean fileKind() {
        return "file".equals(kind);
    }

    /** The reference engine's entry, or null when the engines list does not name it. */
    public EngineInfo referenceEngine() {
        return engines.stream().filter(e -> e.name().equals(reference)).findFirst().orElse(null);
    }
}
