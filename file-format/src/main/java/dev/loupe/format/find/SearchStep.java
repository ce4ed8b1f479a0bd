package dev.loupe.format.find;

import dev.loupe.format.btree.PageType;

/**
 * One level of a descent from the root: the page, the position taken on it and the dividers around that position.
 * On an interior page {@code index} is the child followed (a cell's left child, or {@code cellCount} for the right
 * child) and {@code childPage} its page; on a leaf it is the cell found, or where the key would be inserted.
 * {@code below} is the divider whose key is less than the searched one (null before the first cell), {@code above}
 * the divider at or after it (null past the last cell).
 */
public record SearchStep(long page, PageType pageType, int cellCount, int index, long childPage, Divider below,
                         Divider above) {

    public boolean isLeaf() {
        return pageType.isLeaf();
    }
}
