package dev.loupe.check;

import java.util.Locale;

/** The verdict on one file, as the jsonl contract in DESIGN.md spells it. */
public enum Verdict {
    /** No error finding. */
    OK,
    /** At least one error finding. */
    CORRUPT,
    /** The file could not be read at all (missing, unreadable, a directory): exit 3. A damaged header is CORRUPT. */
    UNREADABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
