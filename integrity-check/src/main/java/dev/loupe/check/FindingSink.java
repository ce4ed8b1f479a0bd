package dev.loupe.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Collects the findings of one part of a check (one tree, one phase), keeping at most a fixed number so a table
 * with a million bad rows cannot exhaust the heap. One sink per task: not shared between threads. The checker
 * merges sinks in a fixed order, so the report does not depend on thread scheduling.
 */
public final class FindingSink {

    private final int limit;
    private final List<Finding> findings = new ArrayList<>();
    private long dropped;

    public FindingSink(int limit) {
        this.limit = limit;
    }

    public void add(Finding f) {
        if (findings.size() < limit) {
            findings.add(f);
        } else {
            dropped++;
        }
    }

    public void add(Finding.Builder b) {
        add(b.build());
    }

    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** Findings not kept because the limit was reached. */
    public long dropped() {
        return dropped;
    }

    /** Adds what {@code other} holds, as if its findings had been added here one by one. */
    public void addAll(FindingSink other) {
        for (Finding f : other.findings) {
            add(f);
        }
        dropped += other.dropped;
    }

    /**
     * Puts the findings to which {@code place} gives a place (0 or more) in the order of their places, each into a
     * slot one of them held, ties in the order they came; the others keep their slots.
     */
    public void order(ToLongFunction<Finding> place) {
        List<Integer> slots = new ArrayList<>();
        List<Finding> placed = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (place.applyAsLong(findings.get(i)) >= 0) {
                slots.add(i);
                placed.add(findings.get(i));
            }
        }
        placed.sort(Comparator.comparingLong(place));
        for (int k = 0; k < slots.size(); k++) {
            findings.set(slots.get(k), placed.get(k));
        }
    }

    /** The same findings with their SQLite lines removed (for checks SQLite does not get to run). */
    FindingSink withoutSqliteLines() {
        FindingSink copy = new FindingSink(limit);
        for (Finding f : findings) {
            copy.findings.add(f.sqlite() == null ? f : f.toBuilder().sqlite(null).build());
        }
        copy.dropped = dropped;
        return copy;
    }

    public boolean hasErrors() {
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }
}
