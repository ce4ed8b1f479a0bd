package dev.loupe.format.treeview;

import dev.loupe.format.Problem;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.record.Value;

import java.util.List;

/**
 * One b-tree page as a tree node: its kind, cell count, key range and fill, its children in key order and the
 * problems found on it.
 *
 * @param page        page number
 * @param type        page type
 * @param depth       levels below the root (0 for the root)
 * @param cellCount   cells on the page
 * @param usableSize  usable bytes of the page
 * @param unused      bytes free on the page: unallocated space, freeblocks and fragmented bytes (dbstat's
 *                    {@code unused})
 * @param firstRowid  for table pages, the rowid of the first cell (null if unreadable or no cells)
 * @param lastRowid   for table pages, the rowid of the last cell
 * @param firstKey    for index pages, the key record of the first cell
 * @param lastKey     for index pages, the key record of the last cell
 * @param children    one link per child pointer of an interior page, in order; empty for a leaf
 * @param hiddenPages b-tree pages below this one not shown because of the depth limit
 * @param problems    problems on this page, including those of its child pointers
 */
public record TreeNode(long page, PageType type, int depth, int cellCount, int usableSize, int unused,
                       Long firstRowid, Long lastRowid, List<Value> firstKey, List<Value> lastKey,
                       List<TreeLink> children, long hiddenPages, List<Problem> problems) {

    public TreeNode {
        firstKey = firstKey == null ? null : List.copyOf(firstKey);
        lastKey = lastKey == null ? null : List.copyOf(lastKey);
        children = List.copyOf(children);
        problems = List.copyOf(problems);
    }

    /** (usable - unused) / usable, in percent. */
    public double fillPercent() {
        return usableSize == 0 ? 0 : 100.0 * (usableSize - unused) / usableSize;
    }
}
