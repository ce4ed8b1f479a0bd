package dev.loupe.repro.diff;

import java.util.Locale;

/**
 * How much a difference between two database files matters (docs/diff.md gives the class of every kind and field,
 * with the reason). The question behind it: would an application see the same thing through either file, and can
 * every reader of one read the other?
 */
public enum DiffClass {
    /**
     * Layout and bookkeeping that a correct engine may choose differently: page size, page and cell placement,
     * tree shape, freelist order, counters. Reported, never a failure.
     */
    BENIGN,
    /**
     * Different content (rows, values, schema), the same values encoded differently, settings the application reads
     * back, or a structure one file gets wrong and the other does not.
     */
    INCOMPATIBLE;

    /** "benign" or "incompatible", as text and JSON write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
