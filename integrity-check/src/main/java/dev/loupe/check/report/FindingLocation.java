package dev.loupe.check.report;

import dev.loupe.check.Finding;
import dev.loupe.format.btree.PathStep;

import java.util.ArrayList;
import java.util.List;

/** A finding's location in words, e.g. {@code page 4, cell 3, bytes 1012+12, path 2[3] > 4[3]}. */
public final class FindingLocation {

    private FindingLocation() {
    }

    /** The location, or an empty string when the finding names no page, cell, bytes or path. */
    public static String text(Finding f) {
        List<String> parts = new ArrayList<>();
        if (f.page() > 0) {
            parts.add("page " + f.page());
        }
        if (f.cell() >= 0) {
            parts.add("cell " + f.cell());
        }
        if (f.offset() >= 0 && f.length() > 0) {
            parts.add((f.page() > 0 ? "bytes " : "file bytes ") + f.offset() + "+" + f.length());
        } else if (f.offset() > 0 || (f.offset() == 0 && f.page() == 0)) {
            // a position without a length: where something points from, not a run of bytes
            parts.add((f.page() > 0 ? "offset " : "file offset ") + f.offset());
        }
        if (!f.path().isEmpty()) {
            parts.add("path " + path(f.path()));
        }
        return String.join(", ", parts);
    }

    /** Root-to-page steps as {@code 2[3] > 17[0]}: page and the cell taken there. */
    public static String path(List<PathStep> path) {
        StringBuilder sb = new StringBuilder();
        for (PathStep s : path) {
            if (sb.length() > 0) {
                sb.append(" > ");
            }
            sb.append(s.page()).append('[').append(s.cellIndex()).append(']');
        }
        return sb.toString();
    }
}
