package dev.loupe.issue;

/**
 * The checker finding a reproducer keeps (reproducer.json's "finding"). {@code offset} is within {@code page}, or
 * within the file when page is 0 (as dev.loupe.check.Finding has it); -1 when unknown, as is {@code cell}.
 */
public record Finding(String code, String severity, String message, long page, int cell, long offset, int length,
                      String sqlite) {
}
