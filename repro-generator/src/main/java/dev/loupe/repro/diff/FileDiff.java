package dev.loupe.repro.diff;

import java.util.List;
import java.util.Optional;

/**
 * The structural diff of two database files A and B: the differences in file order (header, schema, each table and
 * index in A's schema order, freelist, pointer map, checker findings), at most {@link DiffOptions#maxListed()} of
 * each class, and the count of every class and kind including those not listed.
 *
 * @param fileA    A's name
 * @param fileB    B's name
 * @param listed   the differences kept, in order
 * @param counts   per class and kind, incompatible first, each in {@link DiffKind} order; only non-zero counts
 * @param objects  the content comparison of each table and index present in both files
 * @param firstIncompatible the first incompatible difference found, whether or not it was listed
 */
public record FileDiff(String fileA, String fileB, List<Difference> listed, List<DiffCount> counts,
                       List<ObjectComparison> objects, Difference firstIncompatible) {

    public FileDiff {
        listed = List.copyOf(listed);
        counts = List.copyOf(counts);
        objects = List.copyOf(objects);
    }

    /** The same diff with the files named otherwise (an engine's name for a file in a scratch folder). */
    public FileDiff withNames(String a, String b) {
        return new FileDiff(a, b, listed, counts, objects, firstIncompatible);
    }

    public long count(DiffClass c) {
        long n = 0;
        for (DiffCount k : counts) {
            if (k.diffClass() == c) {
                n += k.count();
            }
        }
        return n;
    }

    public long incompatibleCount() {
        return count(DiffClass.INCOMPATIBLE);
    }

    public long benignCount() {
        return count(DiffClass.BENIGN);
    }

    public long total() {
        return incompatibleCount() + benignCount();
    }

    /** Differences found but not listed (beyond the limit). */
    public long dropped() {
        return total() - listed.size();
    }

    public boolean hasIncompatible() {
        return firstIncompatible != null;
    }

    public Optional<Difference> firstIncompatibleDifference() {
        return Optional.ofNullable(firstIncompatible);
    }

    public Optional<ObjectComparison> object(String name) {
        return objects.stream().filter(o -> o.object().equalsIgnoreCase(name)).findFirst();
    }

    /** "2 incompatible, 5 benign differences", or "no differences". */
    public String summary() {
        if (total() == 0) {
            return "no differences";
        }
        return incompatibleCount() + " incompatible, " + benignCount() + " benign difference"
                + (total() == 1 ? "" : "s");
    }
}
