package dev.loupe.format.schema;

import java.util.Objects;

/**
 * The GENERATED ALWAYS AS clause of a column (gencol.html): its expression text as written inside the parentheses,
 * and whether it is computed on read (VIRTUAL, the default, not stored in the record) or stored in the record.
 */
public record Generated(Kind kind, String expression) {

    public enum Kind { VIRTUAL, STORED }

    public Generated {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expression, "expression");
    }
}
