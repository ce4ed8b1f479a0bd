package dev.loupe.repro.diff;

/**
 * What the comparison of one table's or index's content found: entries on each side (rows of a rowid table, cells of
 * an index or WITHOUT ROWID b-tree), how many matched byte for byte, and how many were in one file only or differed.
 *
 * @param object   the table or index name
 * @param type     "table", "index" or "without-rowid"
 * @param entriesA entries in A's tree
 * @param entriesB entries in B's tree
 * @param same     entries with the same key and the same record bytes
 * @param onlyA    keys only in A
 * @param onlyB    keys only in B
 * @param changed  keys in both whose records differ (in value or encoding)
 * @param compared false when the content was not compared (see {@link DiffKind#NOT_COMPARED})
 */
public record ObjectComparison(String object, String type, long entriesA, long entriesB, long same, long onlyA,
                               long onlyB, long changed, boolean compared) {
}
