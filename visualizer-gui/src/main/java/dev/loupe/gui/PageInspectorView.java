package dev.loupe.gui;

import dev.loupe.format.Problem;
import dev.loupe.format.layout.Region;
import dev.loupe.format.layout.RegionKind;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One page: a title, its problems, a byte-map bar of its regions, and side by side the tree of decoded fields and
 * the hex view, kept in sync both ways (select a field and its bytes light up; click a byte and its field is
 * selected).
 */
final class PageInspectorView extends BorderPane {

    private final Label title = new Label("No page selected: click a page in the map or a node of a tree.");
    private final ListView<String> problems = new ListView<>();
    private final ByteMapBar byteMap = new ByteMapBar();
    private final TreeView<FieldItem> fields = new TreeView<>();
    private final HexView hex = new HexView();
    private final Map<Region, TreeItem<FieldItem>> itemOf = new HashMap<>();
    private PageDetails details;
    private RegionIndex index;
    private boolean syncing;

    PageInspectorView() {
        setId("inspector");
        title.setId("inspector-title");
        title.setFont(Font.font("System", FontWeight.BOLD, 13));
        problems.setId("inspector-problems");
        problems.setPrefHeight(70);
        problems.setStyle("-fx-text-fill: #b00000;");
        problems.setVisible(false);
        problems.setManaged(false);
        fields.setId("field-tree");
        fields.setShowRoot(false);
        VBox top = new VBox(4, title, problems, byteMap);
        top.setPadding(new Insets(4));
        setTop(top);
        // one above the other: the hex view needs its 16 columns and text, the field labels are long
        SplitPane split = new SplitPane(fields, hex);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);

        fields.getSelectionModel().selectedItemProperty().addListener((o, was, item) -> {
            if (syncing || item == null) {
                return;
            }
            Region r = item.getValue().region();
            syncing = true;
            try {
                hex.select(r == null ? null : r.span());
                byteMap.select(r == null ? null : r.span());
            } finally {
                syncing = false;
            }
        });
        hex.setOnClick(this::selectByte);
        byteMap.setOnClick(this::selectByte);
    }

    /** Shows a decoded page (on the FX thread). */
    void show(PageDetails d) {
        this.details = d;
        title.setText(d.title());
        problems.getItems().setAll(d.problems().stream().map(PageInspectorView::problemText).toList());
        boolean any = !d.problems().isEmpty();
        problems.setPrefHeight(Math.min(4, d.problems().size()) * 24 + 4);
        problems.setVisible(any);
        problems.setManaged(any);
        itemOf.clear();
        TreeItem<FieldItem> root = new TreeItem<>(new FieldItem("page " + d.page(), null));
        if (d.layout() == null) {
            fields.setRoot(root);
            index = null;
            hex.show(null, null);
            byteMap.show(null);
            return;
        }
        index = new RegionIndex(d.layout());
        Map<String, TreeItem<FieldItem>> groups = new LinkedHashMap<>();
        for (Region r : d.layout().regions()) {
            String group = groupOf(r);
            TreeItem<FieldItem> parent = groups.computeIfAbsent(group, k -> {
                TreeItem<FieldItem> g = new TreeItem<>(new FieldItem(k, null));
                root.getChildren().add(g);
                return g;
            });
            TreeItem<FieldItem> item = new TreeItem<>(new FieldItem("@" + r.span().offset() + " +"
                    + r.span().length() + "  " + shortLabel(r), r));
            parent.getChildren().add(item);
            itemOf.put(r, item);
        }
        if (root.getChildren().size() <= 4) {
            root.getChildren().forEach(g -> g.setExpanded(true));
        } else {
            // the page header says what the page is: open it, the cells stay folded
            root.getChildren().stream().filter(g -> g.getValue().text().startsWith("b-tree page header"))
                    .forEach(g -> g.setExpanded(true));
        }
        fields.setRoot(root);
        hex.show(d.data(), index);
        byteMap.show(index);
        // A damaged page opens on its first problem's bytes: that is what the user came to see.
        d.problems().stream().filter(p -> p.span().page() == d.page() && p.span().length() > 0).findFirst()
                .ifPresent(p -> selectByte((int) p.span().offset()));
    }

    PageDetails details() {
        return details;
    }

    /**
     * Selects the field holding the first byte of {@code span}, then highlights exactly {@code span}'s bytes in the
     * hex view and the byte map (a finding's bytes need not be one field).
     */
    void highlight(dev.loupe.format.Span span) {
        if (index == null || span == null || details == null || span.page() != details.page()) {
            return;
        }
        selectByte((int) span.offset());
        syncing = true;
        try {
            hex.select(span);
            byteMap.select(span);
        } finally {
            syncing = false;
        }
    }

    /** Selects the field that holds the byte at {@code offset}: tree row, hex highlight and byte map follow. */
    void selectByte(int offset) {
        if (index == null) {
            return;
        }
        Region r = index.at(offset);
        if (r == null) {
            return;
        }
        TreeItem<FieldItem> item = itemOf.get(r);
        if (item != null) {
            for (TreeItem<FieldItem> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            fields.getSelectionModel().select(item);
            int row = fields.getRow(item);
            if (row >= 0) {
                fields.scrollTo(Math.max(0, row - 3));
            }
        }
    }

    TreeView<FieldItem> fieldTree() {
        return fields;
    }

    HexView hexView() {
        return hex;
    }

    ByteMapBar byteMap() {
        return byteMap;
    }

    private static String groupOf(Region r) {
        return switch (r.kind()) {
            case DATABASE_HEADER -> "database header (100 bytes)";
            case PAGE_HEADER -> "b-tree page header";
            case CELL_POINTER -> "cell pointer array";
            case CELL -> r.cell() >= 0 ? "cell " + r.cell() : "cells";
            case FREEBLOCK, FRAGMENT, UNALLOCATED -> "free space";
            case RESERVED -> "reserved";
            case OVERFLOW_NEXT, OVERFLOW_DATA -> "overflow page";
            case FREELIST_TRUNK -> "freelist trunk";
            case PTRMAP_ENTRY -> "pointer map";
            case UNUSED -> "unused";
        };
    }

    /** The label without the group's prefix ("page header: cellCount = 7" → "cellCount = 7"). */
    private static String shortLabel(Region r) {
        String l = r.label();
        if (r.kind() == RegionKind.DATABASE_HEADER || r.kind() == RegionKind.PAGE_HEADER) {
            int colon = l.indexOf(": ");
            return colon >= 0 ? l.substring(colon + 2) : l;
        }
        if (r.kind() == RegionKind.CELL && l.startsWith("cell " + r.cell() + ": ")) {
            return l.substring(("cell " + r.cell() + ": ").length());
        }
        return l;
    }

    private static String problemText(Problem p) {
        return p.kind().code() + " @" + p.span().offset() + ": " + p.message();
    }
}
