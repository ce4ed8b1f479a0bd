package dev.loupe.issue;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gh issue create} command that would post a draft. Loupe prints it and never runs it.
 *
 * @param repo     OWNER/NAME, or null to let gh use the repository of the current folder
 * @param bodyFile the Markdown body, as a path the user can pass from where they are
 */
public record GhCommand(String repo, String title, String bodyFile, List<String> labels) {

    public GhCommand {
        labels = List.copyOf(labels);
    }

    /** The program and its arguments, exactly as gh should receive them. */
    public List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("gh", "issue", "create"));
        if (repo != null) {
            a.add("--repo");
            a.add(repo);
        }
        a.add("--title");
        a.add(title);
        a.add("--body-file");
        a.add(bodyFile);
        for (String label : labels) {
            a.add("--label");
            a.add(label);
        }
        return a;
    }

    /** The command as one line for a POSIX shell, every argument quoted as it needs. */
    public String shellLine() {
        return ShellQuote.line(arguments());
    }
}
