package dev.loupe.issue;

/**
 * How to draft: the target repository (null: gh's default), where the body file will be (as the gh command names
 * it), the machine's description and Loupe's version for the environment section, and the template.
 */
public record DraftOptions(String repo, String bodyFile, String os, String loupeVersion, IssueTemplate template) {

    /** The OS line of this machine: "Linux 6.1.0 (amd64)". */
    public static String thisOs() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }
}
