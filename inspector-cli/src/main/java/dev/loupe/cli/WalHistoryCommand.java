package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.wal.PageChange;
import dev.loupe.wal.PageHistories;
import dev.loupe.wal.PageHistory;
import dev.loupe.wal.PageSummary;
import dev.loupe.wal.VersionStatus;
import dev.loupe.wal.WalInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Every version of a page: the database file's image, then each WAL frame holding the page, "
                + "in frame order (with its commit, or why SQLite ignores it), and what changed at each.",
        footer = {"", "Examples:", "  loupe wal history app.db 5", "  loupe wal history --format json app.db-wal 5",
                "", "FILE is the database (its WAL is FILE-wal unless --wal PATH) or the -wal file itself.",
                "Change: +N/-N/~N/>N cells added/removed/changed/moved, header fields that differ, freeblocks.",
                "Exit codes: 0 ok, 1 a version has b-tree damage, 2 page out of range, 3 file unreadable."})
final class WalHistoryCommand implements Callable<Integer> {

    private static final String ROW = "%-9s %-11s %-14s %5s %5s %5s  %s";
    private static final int WIDTH = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The database file or its -wal file.")
    Path file;

    @Parameters(index = "1", paramLabel = "PAGE", description = "Page number (1-based).")
    long page;

    @Mixin
    FormatOption format;

    @Mixin
    WalOption wal;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        try (WalInput in = WalFiles.resolve(file, wal, WalFiles.Reads.WAL).openInput()) {
            WalVersions.requirePage(in, page);
            PageHistory h = PageHistories.of(in, page);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(in, h)));
            } else {
                text(out, in, h);
            }
            out.flush();
            boolean damaged = h.versions().stream()
                    .anyMatch(e -> e.summary().type() != null && e.summary().problems() > 0);
            return damaged ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    private static void text(PrintWriter out, WalInput in, PageHistory h) {
        int frames = (int) h.versions().stream().filter(e -> !e.version().isDatabaseFile()).count();
        boolean inFile = !h.versions().isEmpty() && h.versions().get(0).version().isDatabaseFile();
        out.println("Page " + h.page() + " of " + in.databasePath().getFileName() + ": " + h.versions().size()
                + " version" + (h.versions().size() == 1 ? "" : "s") + " ("
                + (inFile ? "database file + " : "not in the database file; ") + frames + " frame"
                + (frames == 1 ? "" : "s") + " of " + in.walPath().getFileName() + ")");
        if (h.versions().isEmpty()) {
            return;
        }
        out.println(String.format(ROW, "version", "commit", "type", "cells", "fblks", "free",
                "change from the previous version").stripTrailing());
        for (PageHistory.Entry e : h.versions()) {
            PageSummary s = e.summary();
            String type = s.type() != null ? s.type().label() : "type " + s.rawType();
            String row = String.format(ROW, e.version().label(), WalVersions.commitText(e.version()), type,
                    s.type() != null ? s.cellCount() : "-", s.type() != null ? s.freeblockCount() : "-",
                    s.type() != null ? s.freeBytes() : "-", "");
            printWrapped(out, row, changeParts(e.change()));
        }
        if (h.versions().stream().anyMatch(e -> e.version().status() == VersionStatus.IGNORED)) {
            out.println("ignored: at or after a frame that breaks the WAL (salt, page 0, checksum): SQLite never"
                    + " reads it");
        }
    }

    /** The change column, continued on further lines (aligned under it) so that no line passes 100 columns. */
    private static void printWrapped(PrintWriter out, String row, List<String> parts) {
        String indent = " ".repeat(row.length());
        StringBuilder line = new StringBuilder(row);
        boolean first = true;
        for (String part : parts) {
            String piece = (first ? "" : "; ") + part;
            if (!first && line.length() + piece.length() > WIDTH) {
                out.println(line.append(';'));
                line = new StringBuilder(indent).append(part);
            } else {
                line.append(piece);
            }
            first = false;
        }
        out.println(line.toString().stripTrailing());
    }

    /** "identical", or e.g. "+2 ~1 cells", "cellCount, cellContentStart", "freeblocks", "58 bytes". */
    static List<String> changeParts(PageChange c) {
        if (c == null) {
            return List.of();
        }
        if (c.identical()) {
            return List.of("identical");
        }
        List<String> parts = new ArrayList<>();
        if (c.cellLevel()) {
            List<String> cells = new ArrayList<>();
            if (c.added() > 0) {
                cells.add("+" + c.added());
            }
            if (c.removed() > 0) {
                cells.add("-" + c.removed());
            }
            if (c.changed() > 0) {
                cells.add("~" + c.changed());
            }
            if (c.moved() > 0) {
                cells.add(">" + c.moved());
            }
            if (!cells.isEmpty()) {
                parts.add(String.join(" ", cells) + " cells");
            }
        } else {
            parts.add("not comparable cell by cell");
        }
        if (!c.headerFields().isEmpty()) {
            parts.add(String.join(", ", c.headerFields()));
        }
        if (c.freeblocksChanged()) {
            parts.add("freeblocks");
        }
        parts.add(c.changedBytes() + (c.changedBytes() == 1 ? " byte" : " bytes"));
        return parts;
    }

    private static ObjectNode json(WalInput in, PageHistory h) {
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("file", in.databasePath().toString());
        root.put("wal", in.walPath().toString());
        root.put("page", h.page());
        root.put("pageSize", in.pageSize());
        ArrayNode versions = root.putArray("versions");
        for (PageHistory.Entry e : h.versions()) {
            ObjectNode o = WalVersions.json(e.version());
            WalVersions.putSummary(o, e.summary());
            PageChange c = e.change();
            if (c == null) {
                o.putNull("change");
            } else {
                ObjectNode ch = o.putObject("change");
                ch.put("from", c.previous().isDatabaseFile() ? "db" : Integer.toString(c.previous().frame()));
                ch.put("changedBytes", c.changedBytes());
                ch.put("cellLevel", c.cellLevel());
                ArrayNode fields = ch.putArray("headerFields");
                c.headerFields().forEach(fields::add);
                ch.put("added", c.added());
                ch.put("removed", c.removed());
                ch.put("changed", c.changed());
                ch.put("moved", c.moved());
                ch.put("freeblocksChanged", c.freeblocksChanged());
            }
            versions.add(o);
        }
        return root;
    }
}
