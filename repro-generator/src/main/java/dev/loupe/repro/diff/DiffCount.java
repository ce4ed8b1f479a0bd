package dev.loupe.repro.diff;

/** How many differences of one class and kind were found (listed or not). */
public record DiffCount(DiffClass diffClass, DiffKind kind, long count) {
}
