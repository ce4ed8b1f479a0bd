package dev.loupe.issue;

import java.util.List;

/**
 * A drafted issue: what {@code gh issue create} would post, and the files that go with it.
 *
 * @param body           the Markdown body (the --body-file)
 * @param dedupKey       16 hex digits shared by drafts of the same bug (see {@link DedupKey})
 * @param fingerprint    the failing statement's fingerprint (or the finding's, for a database reproducer)
 * @param regressionTest the regression test file's text
 * @param gh             the command that would post the draft (printed, never run)
 */
public record IssueDraft(String title, String body, List<String> labels, String dedupKey, String fingerprint,
                         String regressionTest, GhCommand gh) {

    public IssueDraft {
        labels = List.copyOf(labels);
    }
}
