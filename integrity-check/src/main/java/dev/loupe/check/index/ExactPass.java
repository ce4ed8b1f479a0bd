package dev.loupe.check.index;

import java.util.concurrent.atomic.LongAdder;

/**
 * How the exact pass ({@link MismatchNamer}) goes about naming the rows and entries of an index whose digest differs
 * from its table's. A check uses {@link #standard()}; the other settings exist for the tests that hold every way to
 * the same findings.
 *
 * @param narrowLookups look up only the rows and entries of the digest buckets that differ (false: every one)
 * @param hold          rows of the differing buckets held back to match with entries before any is looked up
 *                      ({@link RowResidues}; 0: each is looked up as it is met)
 * @param locate        with lookups narrowed and rows held, take the rows by which the digests differ from the
 *                      digests when they can, instead of scanning the table for them ({@link LoneDifferences})
 * @param shareScans    scan a table once for all its indexes that need a scan, not once for each
 * @param lookups       counts the rows and entries looked up, or null
 * @param located       counts the indexes whose rows were found by the digests' rowids, or null
 */
record ExactPass(boolean narrowLookups, int hold, boolean locate, boolean shareScans, LongAdder lookups,
                 LongAdder located) {

    static ExactPass standard() {
        return new ExactPass(true, RowResidues.CAP, true, true, null, null);
    }
}
