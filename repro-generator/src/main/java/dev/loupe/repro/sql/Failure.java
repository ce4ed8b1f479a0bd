package dev.loupe.repro.sql;

import dev.loupe.check.Finding;
import dev.loupe.repro.diff.FileDiff;
import dev.loupe.repro.engine.Outcome;
import dev.loupe.repro.engine.RunResult;

import java.util.List;
import java.util.Map;

/**
 * A failure a script shows: its class (wrong-result, error-mismatch, crash, corruption, file-compat), the statement
 * where it shows (null when an engine reports the whole run as one result, or for a finding in the file or a file
 * difference), that statement's class, and a signature of what went wrong (which part of the results differs and how,
 * the error or abort classes, the finding code, the kind of the first incompatible file difference). Two failures are
 * {@link #sameKindAs the same kind} when class, statement class and signature agree: a reduction keeps only
 * candidates whose failure is the same kind as the original's, so it cannot drift to another bug.
 *
 * @param outcomes each engine's outcome of the failing statement (or of the whole run), in engine order
 * @param runs     each engine's full result for the script
 * @param finding  the checker's finding for a check:CODE oracle, else null
 * @param fileDiff the diff of the two engines' database files for a filediff oracle, else null
 */
public record Failure(String failureClass, Integer statementIndex, String statementClass, String signature,
                      String summary, Map<String, Outcome> outcomes, List<RunResult> runs, Finding finding,
                      FileDiff fileDiff) {

    public Failure {
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
        runs = List.copyOf(runs);
    }

    /** A failure of an oracle that diffs no files. */
    public Failure(String failureClass, Integer statementIndex, String statementClass, String signature,
                   String summary, Map<String, Outcome> outcomes, List<RunResult> runs, Finding finding) {
        this(failureClass, statementIndex, statementClass, signature, summary, outcomes, runs, finding, null);
    }

    public boolean sameKindAs(Failure other) {
        return failureClass.equals(other.failureClass) && statementClass.equals(other.statementClass)
                && signature.equals(other.signature);
    }
}
