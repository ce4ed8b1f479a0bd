package dev.loupe.format.treeview;

/** Whether a child pointer of an interior page leads to a page of the same b-tree, and if not, why. */
public enum LinkState {
    /** A b-tree page of the tree's kind, reached for the first time. */
    OK("ok"),
    /** The page number is 0 or beyond the end of the database. */
    OUT_OF_RANGE("out-of-range"),
    /** The page was already reached from elsewhere in this tree (a loop or a page shared by two parents). */
    SECOND_REFERENCE("second-reference"),
    /** A b-tree page of the other kind (an index page in a table b-tree or the reverse). */
    WRONG_KIND("wrong-kind"),
    /** The page's type byte is not a b-tree page type. */
    NOT_A_BTREE_PAGE("not-a-btree-page"),
    /** The page could not be read. */
    UNREADABLE("unreadable"),
    /** The tree is deeper than SQLite's cursors go: not followed. */
    TOO_DEEP("too-deep");

    private final String label;

    LinkState(String label) {
        this.label = label;
    }

    /** The kebab-case name used in text and JSON output. */
    public String label() {
        return label;
    }

    public boolean broken() {
        return this != OK;
    }
}
