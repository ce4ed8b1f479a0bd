package dev.loupe.format.find;

import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A divider key on an interior page that bounds the child a search followed: cell {@code cellIndex}'s rowid (table
 * b-trees) or its key record (index b-trees, where the divider is itself an entry).
 */
public record Divider(int cellIndex, Long rowid, List<Value> key) {

    /** A damaged record can leave values unreadable: the key then holds nulls where they were. */
    public Divider {
        key = key == null ? null : Collections.unmodifiableList(new ArrayList<>(key));
    }
}
