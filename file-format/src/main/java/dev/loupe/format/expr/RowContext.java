package dev.loupe.format.expr;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The row an expression is evaluated against: its columns by name (ASCII case-insensitive, as SQLite resolves
 * names) and its rowid. A column's affinity and collation matter to comparisons (datatype3 §4.2, §7.1).
 */
public interface RowContext {

    /** The column called {@code name}, or null when the row has none. */
    ColumnBinding column(String name);

    /** The rowid, or null for a WITHOUT ROWID table. */
    Long rowid();

    /**
     * The database's text encoding: BINARY compares text as memcmp of its bytes in this encoding (SQLite registers
     * BINARY for UTF-8, UTF-16le and UTF-16be and uses the one matching the database), so the order of non-ASCII
     * text depends on it.
     */
    default TextEncoding encoding() {
        return TextEncoding.UTF8;
    }

    /**
     * A column's value with its affinity (null for none) and collating sequence name (BINARY, NOCASE or RTRIM;
     * null means BINARY).
     */
    record ColumnBinding(String name, Value value, Affinity affinity, String collation) {
        public ColumnBinding {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A row of the given columns in a UTF-8 database; a later column of the same name does not hide an earlier one. */
    static RowContext of(List<ColumnBinding> columns, Long rowid) {
        return of(columns, rowid, TextEncoding.UTF8);
    }

    /** A row of the given columns in a database of {@code encoding}. */
    static RowContext of(List<ColumnBinding> columns, Long rowid, TextEncoding encoding) {
        Map<String, ColumnBinding> byName = columns.stream().collect(Collectors.toMap(
                c -> fold(c.name()), Function.identity(), (a, b) -> a));
        return new RowContext() {
            @Override
            public ColumnBinding column(String name) {
                return byName.get(fold(name));
            }

            @Override
            public Long rowid() {
                return rowid;
            }

            @Override
            public TextEncoding encoding() {
                return encoding;
            }
        };
    }

    /** ASCII-only case folding: SQLite compares identifiers with sqlite3StrICmp. */
    static String fold(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
