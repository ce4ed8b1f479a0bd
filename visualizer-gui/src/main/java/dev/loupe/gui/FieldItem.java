package dev.loupe.gui;

import dev.loupe.format.layout.Region;

/** A row of the inspector's field tree: a group heading (region null) or one labelled byte range. */
record FieldItem(String text, Region region) {

    @Override
    public String toString() {
        return text;
    }
}
