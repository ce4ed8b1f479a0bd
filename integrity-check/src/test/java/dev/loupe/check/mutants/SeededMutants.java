package dev.loupe.check.mutants;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import dev.loupe.check.catalogue.SqliteOracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The seeded mutants of the expression-index tests and what SQLite and Loupe make of each: one to three bytes past
 * the first page changed at random or bit-flipped, and a tally of the mutants SQLite flags and Loupe does not
 * (misses) and those Loupe alone flags with an error outside the one class explained in docs/findings.md (a partial
 * index holding an entry its WHERE clause excludes, which sqlite-jdbc 3.54 no longer counts).
 */
final class SeededMutants {

    /** A copy of {@code intact} with seed {@code seed}'s changes, none in its first {@code firstPage} bytes. */
    static byte[] of(byte[] intact, long seed, int firstPage) {
        Random r = new Random(seed);
        byte[] b = intact.clone();
        int changes = 1 + r.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int at = firstPage + r.nextInt(b.length - firstPage);
            if (r.nextBoolean()) {
                b[at] ^= (byte) (1 << r.nextInt(8));
            } else {
                b[at] = (byte) r.nextInt(256);
            }
        }
        return b;
    }

    /** What SQLite and Loupe said of the mutants so far. */
    static final class Tally {

        private final String partialIndex;
        final List<String> misses = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        int sqliteFlagged;
        /** Misses the caller excused (see {@link #add}). */
        int excused;

        /** @param partialIndex the partial index whose extra entries Loupe alone may flag */
        Tally(String partialIndex) {
            this.partialIndex = partialIndex;
        }

        /**
         * One mutant: SQLite's integrity_check lines and Loupe's report; {@code excuse} says whether a miss is one
         * the test explains (asked only for a miss).
         */
        void add(long seed, List<String> sqlite, CheckReport report, Callable<Boolean> excuse) throws Exception {
            List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            if (SqliteOracle.flags(sqlite)) {
                sqliteFlagged++;
                if (errors.isEmpty()) {
                    if (excuse.call()) {
                        excused++;
                    } else {
                        misses.add("seed " + seed + ": SQLite says " + sqlite + ", Loupe " + report.findings());
                    }
                }
            } else if (!errors.isEmpty()) {
                boolean partialIndexCount = errors.stream().allMatch(f -> f.object().equals(partialIndex)
                        && Set.of(FindingCode.INDEX_ENTRY_COUNT, FindingCode.INDEX_ENTRY_EXTRA).contains(f.code()));
                if (!partialIndexCount) {
                    unexplained.add("seed " + seed + ": " + errors);
                }
            }
        }
    }

    private SeededMutants() {
    }
}
