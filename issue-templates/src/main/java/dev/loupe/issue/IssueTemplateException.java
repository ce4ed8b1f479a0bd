package dev.loupe.issue;

/** A template that does not parse, or names a variable the draft does not have. */
public final class IssueTemplateException extends Exception {

    public IssueTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
