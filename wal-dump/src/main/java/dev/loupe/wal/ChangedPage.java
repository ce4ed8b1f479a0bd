package dev.loupe.wal;

/**
 * A page a commit wrote, and what it is in the database as of that commit.
 *
 * @param page  the page number
 * @param frame the commit's last frame holding the page (the image the commit leaves)
 * @param kind  the page's kind as of the commit (PageKind label: "table leaf", "freelist leaf", "orphan"...),
 *              "beyond-end" when the commit's database size leaves the page out
 * @param owner the table or index whose b-tree claims the page as of the commit, null for none
 */
public record ChangedPage(long page, int frame, String kind, String owner) {
}
