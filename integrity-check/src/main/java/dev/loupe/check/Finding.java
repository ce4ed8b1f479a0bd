package dev.loupe.check;

import dev.loupe.format.Span;
import dev.loupe.format.btree.PathStep;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong (or worth knowing) about a file, pointing at its bytes.
 *
 * @param code     what kind of finding
 * @param severity error, warning or info (usually {@code code.severity()})
 * @param object   the table or index concerned ("sqlite_schema" for the schema tree), or null for file-level
 *                 findings (header, freelist, pointer map, orphan pages)
 * @param page     the page concerned, 0 when the finding concerns no single page
 * @param cell     the cell index on that page, or -1
 * @param offset   offset of the bytes concerned: within {@code page}, or within the file when page is 0; -1 if none
 * @param length   length of those bytes (0 when only a position is known)
 * @param path     root-to-page steps of the b-tree path that leads to the page, empty if not known
 * @param keys     rowids or index keys affected (as text: rowids as decimal, keys as SQL literals), may be empty
 * @param message  what is wrong, in plain language, with numbers
 * @param sqlite   the line PRAGMA integrity_check (SQLite 3.40) prints for the same problem, or null if none
 */
public record Finding(FindingCode code, Severity severity, String object, long page, int cell, long offset,
                      int length, List<PathStep> path, List<String> keys, String message, String sqlite) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        path = List.copyOf(path);
        keys = List.copyOf(keys);
    }

    public static Builder of(FindingCode code, String message) {
        return new Builder(code, message);
    }

    public Builder toBuilder() {
        Builder b = new Builder(code, message).severity(severity).object(object).cell(cell).path(path).keys(keys)
                .sqlite(sqlite);
        b.page = page;
        b.offset = offset;
        b.length = length;
        return b;
    }

    /** Builds a finding step by step; only code and message are required. */
    public static final class Builder {
        private final FindingCode code;
        private final String message;
        private Severity severity;
        private String object;
        private long page;
        private int cell = -1;
        private long offset = -1;
        private int length;
        private List<PathStep> path = List.of();
        private List<String> keys = List.of();
        private String sqlite;

        private Builder(FindingCode code, String message) {
            this.code = code;
            this.message = message;
            this.severity = code.severity();
        }

        public Builder severity(Severity s) {
            this.severity = s;
            return this;
        }

        public Builder object(String name) {
            this.object = name;
            return this;
        }

        /** The whole page (offset 0, no length). */
        public Builder page(long page) {
            this.page = page;
            return this;
        }

        /** The bytes a decoder's span names (page 0 = a file offset). */
        public Builder at(Span span) {
            this.page = span.page();
            this.offset = span.offset();
            this.length = span.length();
            return this;
        }

        public Builder cell(int cell) {
            this.cell = cell;
            return this;
        }

        public Builder path(List<PathStep> path) {
            this.path = List.copyOf(path);
            return this;
        }

        public Builder keys(List<String> keys) {
            this.keys = List.copyOf(keys);
            return this;
        }

        public Builder key(String key) {
            this.keys = List.of(key);
            return this;
        }

        /** The integrity_check line SQLite 3.40 prints for this problem. */
        public Builder sqlite(String text) {
            this.sqlite = text;
            return this;
        }

        public Finding build() {
            return new Finding(code, severity, object, page, cell, offset, length, path, keys, message, sqlite);
        }
    }
}
