package dev.loupe.check.report;

import java.util.Locale;

/** The output formats of {@code loupe check}. */
public enum ReportFormat {
    TEXT, JSON, JSONL, JUNIT, SARIF;

    /** Lower case, as on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code s} (case-insensitive), or null. */
    public static ReportFormat parse(String s) {
        for (ReportFormat f : values()) {
            if (f.code().equalsIgnoreCase(s)) {
                return f;
            }
        }
        return null;
    }

    public Reporter reporter(ReportSettings settings) {
        return switch (this) {
            case TEXT -> new TextReporter();
            case JSON -> new JsonReporter();
            case JSONL -> new JsonlReporter();
            case JUNIT -> new JunitReporter(settings.failOn());
            case SARIF -> new SarifReporter(settings);
        };
    }
}
