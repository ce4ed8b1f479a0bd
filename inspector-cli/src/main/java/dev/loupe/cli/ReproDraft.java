package dev.loupe.cli;

import dev.loupe.issue.DraftOptions;
import dev.loupe.issue.IssueDraft;
import dev.loupe.issue.IssueDrafter;
import dev.loupe.issue.IssueTemplate;
import dev.loupe.issue.IssueTemplateException;
import dev.loupe.issue.ReproducerException;
import dev.loupe.issue.ReproducerReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Drafts the GitHub issue for a reproducer folder and writes it beside the reproducer: DIR/issue.md (the body) and
 * DIR/regression-test.sql. `loupe issue draft` does this on request; `loupe repro` does it by default.
 */
final class ReproDraft {

    private ReproDraft() {
    }

    /** Drafts from {@code dir} with {@code template} for {@code repo} (null: none) and writes the two files. */
    static IssueDraft write(Path dir, String repo, IssueTemplate template)
            throws IOException, ReproducerException, IssueTemplateException {
        IssueDraft d = IssueDrafter.draft(ReproducerReader.read(dir), new DraftOptions(repo,
                dir.resolve("issue.md").toString(), DraftOptions.thisOs(), Version.number(), template));
        Files.writeString(dir.resolve("issue.md"), d.body(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("regression-test.sql"), d.regressionTest(), StandardCharsets.UTF_8);
        return d;
    }

    /**
     * The draft `loupe repro` writes by default; a reproducer the drafter cannot read is reported as one line on
     * {@code err} (the reproducer itself is written and stays valid), not an error of the reduction.
     */
    static IssueDraft writeQuietly(Path dir, java.io.PrintWriter err) {
        try {
            return write(dir, null, IssueTemplate.builtIn());
        } catch (IOException | ReproducerException | IssueTemplateException e) {
            err.println("loupe: the reproducer is written, but no issue draft: " + e.getMessage());
            return null;
        }
    }
}
