package dev.loupe.wal;

/**
 * A page a commit wrote, with what it is in the database as of that commit.
 *
 * @param page      page number
 * @param kind      the page's kind as of the commit ({@code PageKind} label, e.g. "table-leaf", "freelist-trunk",
 *                  "orphan"), or "beyond-end" when the page lies past the commit's database size
 * @param ownerType "table" or "index" for a page of a b-tree (or its overflow pages), null otherwise
 * @param owner     the table or index name (sqlite_schema for page 1's tree), null for pages no b-tree claims
 */
public record CommitPage(long page, String kind, String ownerType, String owner) {
}
