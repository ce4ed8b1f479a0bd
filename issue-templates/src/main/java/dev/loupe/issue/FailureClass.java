package dev.loupe.issue;

import java.util.List;

/**
 * The kind of failure a reproducer shows (reproducer.json's failure.class), which decides the issue's title prefix
 * and its suggested labels.
 */
public enum FailureClass {
    WRONG_RESULT("wrong-result", "Wrong result", List.of("bug", "compatibility", "wrong-result")),
    ERROR_MISMATCH("error-mismatch", "Error mismatch", List.of("bug", "compatibility", "error-handling")),
    CRASH("crash", "Crash", List.of("bug", "crash")),
    CORRUPTION("corruption", "Corruption", List.of("bug", "corruption")),
    FILE_COMPAT("file-compat", "File compat", List.of("bug", "compatibility", "file-format"));

    private final String id;
    private final String titlePrefix;
    private final List<String> labels;

    FailureClass(String id, String titlePrefix, List<String> labels) {
        this.id = id;
        this.titlePrefix = titlePrefix;
        this.labels = labels;
    }

    /** The name reproducer.json uses: wrong-result, error-mismatch, crash, corruption, file-compat. */
    public String id() {
        return id;
    }

    /** What the issue title starts with, before ": summary". */
    public String titlePrefix() {
        return titlePrefix;
    }

    /** Labels to suggest for an issue of this class. */
    public List<String> labels() {
        return labels;
    }

    /** The class named {@code id}, or null when there is none of that name. */
    public static FailureClass byId(String id) {
        for (FailureClass c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
