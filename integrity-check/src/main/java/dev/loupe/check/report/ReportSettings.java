package dev.loupe.check.report;

import dev.loupe.check.Severity;

import java.util.Objects;

/**
 * What the reporters need to know about the run and the tool.
 *
 * @param failOn         the least severe finding that fails a file (JUnit failures, the exit code)
 * @param toolVersion    Loupe's version (SARIF tool.driver.version)
 * @param informationUri the project's home page (SARIF tool.driver.informationUri)
 * @param findingsDocUri the page explaining every finding code; a rule's helpUri is this plus "#code"
 */
public record ReportSettings(Severity failOn, String toolVersion, String informationUri, String findingsDocUri) {

    public static final String HOME = "https://github.com/loupe-dev/loupe";
    public static final String FINDINGS_DOC = HOME + "/blob/main/docs/findings.md";

    public ReportSettings {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(informationUri, "informationUri");
        Objects.requireNonNull(findingsDocUri, "findingsDocUri");
    }

    public static ReportSettings of(Severity failOn, String toolVersion) {
        return new ReportSettings(failOn, toolVersion, HOME, FINDINGS_DOC);
    }
}
