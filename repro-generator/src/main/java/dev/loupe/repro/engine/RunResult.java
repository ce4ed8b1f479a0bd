package dev.loupe.repro.engine;

import java.util.List;
import java.util.Optional;

/**
 * What an engine did with a script: one outcome per statement run, in order. When the run stopped early the last
 * outcome is {@link Outcome.Aborted} and later statements have none.
 */
public record RunResult(String engine, String version, List<Outcome> outcomes) {

    public RunResult {
        outcomes = List.copyOf(outcomes);
    }

    public Optional<Abort> abort() {
        return outcomes.isEmpty() || !(outcomes.get(outcomes.size() - 1) instanceof Outcome.Aborted a)
                ? Optional.empty() : Optional.of(a.abort());
    }

    /** The index of the first statement whose outcome differs from {@code other}'s, or -1 when none does. */
    public int firstDifference(RunResult other) {
        int n = Math.min(outcomes.size(), other.outcomes.size());
        for (int i = 0; i < n; i++) {
            if (!outcomes.get(i).sameAs(other.outcomes.get(i))) {
                return i;
            }
        }
        return outcomes.size() == other.outcomes.size() ? -1 : n;
    }
}
