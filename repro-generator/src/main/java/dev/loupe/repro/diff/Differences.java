package dev.loupe.repro.diff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects differences as the comparisons find them: counts all, keeps the first {@code max} of each class (so that
 * benign layout differences never crowd out an incompatible one). Not thread-safe.
 */
final class Differences {

    private final int max;
    private final List<Difference> listed = new ArrayList<>();
    private final long[] listedPerClass = new long[DiffClass.values().length];
    private final Map<DiffClass, long[]> counts = new EnumMap<>(DiffClass.class);
    private Difference firstIncompatible;

    Differences(int max) {
        this.max = max;
        for (DiffClass c : DiffClass.values()) {
            counts.put(c, new long[DiffKind.values().length]);
        }
    }

    void add(Difference d) {
        counts.get(d.diffClass())[d.kind().ordinal()]++;
        if (d.incompatible() && firstIncompatible == null) {
            firstIncompatible = d;
        }
        if (listedPerClass[d.diffClass().ordinal()] < max) {
            listedPerClass[d.diffClass().ordinal()]++;
            listed.add(d);
        }
    }

    /** A difference with no page, offset or key: header fields, schema rows, whole-file matters. */
    void add(DiffClass c, DiffKind kind, String object, String field, String a, String b, String message) {
        add(new Difference(c, kind, object, null, 0, 0, -1, -1, field, a, b, message));
    }

    /**
     * True once no more differences of class {@code c} are listed: callers may skip building the details of what
     * is only counted.
     */
    boolean full(DiffClass c) {
        return listedPerClass[c.ordinal()] >= max;
    }

    FileDiff result(String fileA, String fileB, List<ObjectComparison> objects) {
        List<DiffCount> out = new ArrayList<>();
        for (DiffClass c : List.of(DiffClass.INCOMPATIBLE, DiffClass.BENIGN)) {
            long[] n = counts.get(c);
            for (DiffKind k : DiffKind.values()) {
                if (n[k.ordinal()] > 0) {
                    out.add(new DiffCount(c, k, n[k.ordinal()]));
                }
            }
        }
        return new FileDiff(fileA, fileB, listed, out, objects, firstIncompatible);
    }
}
