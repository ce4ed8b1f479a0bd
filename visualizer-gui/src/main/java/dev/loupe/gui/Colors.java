package dev.loupe.gui;

import dev.loupe.format.layout.RegionKind;
import dev.loupe.format.map.PageKind;
import javafx.scene.paint.Color;

/** The colours of page kinds (page map, legend) and of byte regions (byte map, hex view). */
final class Colors {

    static final Color BROKEN = Color.web("#d62728");
    static final Color SELECTION = Color.web("#ffd400");
    /** The dot on the pages the WAL commit shown wrote. */
    static final Color WRITTEN = Color.web("#ffeb3b");

    private Colors() {
    }

    static Color of(PageKind kind) {
        if (kind == null) {
            return Color.WHITE;
        }
        return switch (kind) {
            case TABLE_INTERIOR -> Color.web("#1f5fa8");
            case TABLE_LEAF -> Color.web("#7fb3e0");
            case INDEX_INTERIOR -> Color.web("#2a8a2a");
            case INDEX_LEAF -> Color.web("#98df8a");
            case OVERFLOW -> Color.web("#ff9f3e");
            case FREELIST_TRUNK -> Color.web("#8c564b");
            case FREELIST_LEAF -> Color.web("#d4b0a8");
            case PTRMAP -> Color.web("#9467bd");
            case LOCK_BYTE -> Color.web("#7f7f7f");
            case ORPHAN -> Color.web("#e8e8e8");
            case UNREADABLE -> BROKEN;
        };
    }

    /** Cells alternate two colours so neighbours stay apart. */
    static Color of(RegionKind kind, int cell) {
        return switch (kind) {
            case DATABASE_HEADER -> Color.web("#b39ddb");
            case PAGE_HEADER -> Color.web("#64a0e0");
            case CELL_POINTER -> Color.web("#4dd0e1");
            case CELL -> cell % 2 == 0 ? Color.web("#ffcc80") : Color.web("#ffe0b2");
            case FREEBLOCK -> Color.web("#bcaaa4");
            case FRAGMENT -> Color.web("#ef9a9a");
            case UNALLOCATED -> Color.web("#f4f4f4");
            case RESERVED -> Color.web("#9e9e9e");
            case OVERFLOW_NEXT -> Color.web("#64a0e0");
            case OVERFLOW_DATA -> Color.web("#ffcc80");
            case FREELIST_TRUNK -> Color.web("#bcaaa4");
            case PTRMAP_ENTRY -> Color.web("#b39ddb");
            case UNUSED -> Color.web("#e8e8e8");
        };
    }
}
