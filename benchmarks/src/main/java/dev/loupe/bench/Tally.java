package dev.loupe.bench;

/**
 * What one pass decoded; returned from each benchmark operation (JMH consumes return values) and printed by the
 * stand-alone mains so runs can be compared.
 *
 * @param pages      pages read
 * @param btreePages pages that decoded as b-tree pages (valid type byte)
 * @param cells      cells decoded
 * @param records    records decoded (payload cells), or rows for a table scan
 * @param values     values materialized
 * @param problems   problems reported by the decoders
 */
public record Tally(long pages, long btreePages, long cells, long records, long values, long problems) {

    /** A tally of a table scan, which counts rows rather than pages and cells. */
    public static Tally rows(long rows, long values, long problems) {
        return new Tally(0, 0, 0, rows, values, problems);
    }

    @Override
    public String toString() {
        if (pages == 0 && cells == 0) {
            return records + " rows, " + values + " values, " + problems + " problems";
        }
        return pages + " pages (" + btreePages + " b-tree), " + cells + " cells, " + records + " records, "
                + values + " values, " + problems + " problems";
    }
}
