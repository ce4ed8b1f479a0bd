package dev.loupe.cli;

import dev.loupe.format.ProblemKind;
import dev.loupe.format.layout.RegionKind;
import dev.loupe.format.map.PageKind;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;

/**
 * Colour and weight for text output, as ANSI SGR escape sequences (ECMA-48 "Select Graphic Rendition"). Only
 * {@link #ANSI} writes escapes; {@link #PLAIN} returns its argument unchanged, so output with escapes removed is
 * exactly the plain output. Callers pad a column first and style the padded text, so escapes never count towards
 * a column's width. Never used for JSON, JSONL, DOT, hexdb or anything written to a file.
 */
final class Style {

    static final Style PLAIN = new Style(false);
    static final Style ANSI = new Style(true);

    private static final String RESET = "\033[0m";

    private final boolean on;

    private Style(boolean on) {
        this.on = on;
    }

    /**
     * The style for stdout: ANSI when a person is watching a terminal that takes colour (a console is attached,
     * TERM is not "dumb") and NO_COLOR (https://no-color.org) is unset or empty; plain otherwise.
     */
    static Style forTerminal(Map<String, String> environment, boolean console) {
        String noColor = environment.get("NO_COLOR");
        boolean wanted = console && !"dumb".equals(environment.get("TERM")) && (noColor == null || noColor.isEmpty());
        return wanted ? ANSI : PLAIN;
    }

    /** The style of the running command: the top command's, unless --no-color was given. */
    static Style of(CommandSpec spec) {
        return spec.root().userObject() instanceof LoupeCommand top ? top.style() : PLAIN;
    }

    boolean enabled() {
        return on;
    }

    /** Section headings. */
    String heading(String s) {
        return sgr("1", s);
    }

    /** Offsets and other context the eye should skip over. */
    String dim(String s) {
        return sgr("2", s);
    }

    /** Field names in an annotated dump. */
    String label(String s) {
        return sgr("36", s);
    }

    /** Broken links and other damage. */
    String error(String s) {
        return sgr("31", s);
    }

    /** Things SQLite tolerates, or that Loupe could not judge. */
    String warning(String s) {
        return sgr("33", s);
    }

    /** A problem line: yellow for the kinds that are warnings, red for damage. */
    String problem(ProblemKind kind, String s) {
        return isWarning(kind) ? warning(s) : error(s);
    }

    /**
     * Warnings: uncommitted WAL frames (normal after a crash; SQLite ignores them), non-zero reserved header bytes,
     * a value Loupe could not compute, DDL Loupe could not parse. Everything else is damage.
     */
    static boolean isWarning(ProblemKind kind) {
        return switch (kind) {
            case WAL_TRAILING_FRAMES, HEADER_RESERVED_EXPANSION, ROW_VALUE, SCHEMA_SQL -> true;
            default -> false;
        };
    }

    /** A page kind in {@code loupe pages}: interior pages blue, leaves green, chains magenta, trouble red. */
    String pageKind(PageKind kind, String s) {
        return switch (kind) {
            case TABLE_INTERIOR, INDEX_INTERIOR -> sgr("34", s);
            case TABLE_LEAF, INDEX_LEAF -> sgr("32", s);
            case OVERFLOW -> sgr("35", s);
            case FREELIST_TRUNK, FREELIST_LEAF, PTRMAP, LOCK_BYTE -> dim(s);
            case ORPHAN, UNREADABLE -> error(s);
        };
    }

    /** A byte-map character (or its legend key) in the colour of its region kind. */
    String region(char mapChar, String s) {
        if (mapChar >= '0' && mapChar <= '9') {
            // Neighbouring cells alternate between green and bright green.
            return sgr((mapChar - '0') % 2 == 0 ? "32" : "92", s);
        }
        for (RegionKind k : RegionKind.values()) {
            if (k.mapChar() == mapChar) {
                return region(k, s);
            }
        }
        return mapChar == '!' ? sgr("1;31", s) : s;
    }

    private String region(RegionKind kind, String s) {
        return switch (kind) {
            case DATABASE_HEADER -> sgr("35", s);
            case PAGE_HEADER -> sgr("36", s);
            case CELL_POINTER -> sgr("34", s);
            case CELL, OVERFLOW_DATA -> sgr("32", s);
            case FREEBLOCK, FRAGMENT -> sgr("33", s);
            case OVERFLOW_NEXT, FREELIST_TRUNK, PTRMAP_ENTRY -> sgr("36", s);
            case UNALLOCATED, RESERVED, UNUSED -> dim(s);
        };
    }

    private String sgr(String codes, String s) {
        return on && !s.isEmpty() ? "\033[" + codes + "m" + s + RESET : s;
    }
}
