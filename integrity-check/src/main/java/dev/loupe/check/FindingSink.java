package dev.loupe.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
