package dev.loupe.repro.sql;

import java.util.Locale;

/**
 * What counts as the failure to keep while reducing: {@code diff} (the engines' outcomes of a statement differ),
 * {@code error} (one engine fails a statement the other runs), {@code crash} (an engine's run stops: signal, odd
 * exit, time or output limit), {@code check:CODE} (the database the first engine leaves has a checker finding CODE)
 * or {@code filediff} (the databases the two engines leave differ incompatibly, by {@code loupe diff}'s classes).
 */
public record Oracle(Kind kind, String code) {

    public enum Kind { DIFF, ERROR, CRASH, CHECK, FILEDIFF }

    public Oracle {
        if ((kind == Kind.CHECK) != (code != null && !code.isBlank())) {
            throw new IllegalArgumentException("check:CODE needs a finding code, the other oracles none");
        }
    }

    /** Parses diff, error, crash, check:CODE or filediff; IllegalArgumentException for anything else. */
    public static Oracle parse(String text) {
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("check:")) {
            return new Oracle(Kind.CHECK, t.substring("check:".length()).strip());
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "diff" -> new Oracle(Kind.DIFF, null);
            case "error" -> new Oracle(Kind.ERROR, null);
            case "crash" -> new Oracle(Kind.CRASH, null);
            case "filediff" -> new Oracle(Kind.FILEDIFF, null);
            default -> throw new IllegalArgumentException("unknown oracle '" + text
                    + "': use diff, error, crash, check:CODE or filediff");
        };
    }

    /** As written in reproducer.json: diff, error, crash, check:CODE, filediff. */
    @Override
    public String toString() {
        return kind == Kind.CHECK ? "check:" + code : kind.name().toLowerCase(Locale.ROOT);
    }

    /** The failure class of reproducer.json for failures this oracle finds. */
    public String failureClass() {
        return switch (kind) {
            case DIFF -> "wrong-result";
            case ERROR -> "error-mismatch";
            case CRASH -> "crash";
            case CHECK -> "corruption";
            case FILEDIFF -> "file-compat";
        };
    }

    /** True when the oracle judges the database files the engines leave, not their outputs. */
    public boolean needsFiles() {
        return kind == Kind.CHECK || kind == Kind.FILEDIFF;
    }
}
