package dev.loupe.issue;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Mustache template for the issue body. Markdown, not HTML: nothing is escaped (code blocks come fenced from
 * {@link Fence}). A variable the model lacks is an error rather than silently empty, so a typo in a user's template
 * shows; a variable that is present but null renders as nothing.
 */
public final class IssueTemplate {

    static final String BUILT_IN = "issue.md.mustache";

    private final String name;
    private final Template template;

    private IssueTemplate(String name, Template template) {
        this.name = name;
        this.template = template;
    }

    /** Loupe's own template (resources/dev/loupe/issue/issue.md.mustache). */
    public static IssueTemplate builtIn() {
        try (InputStream in = IssueTemplate.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            return parse(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IssueTemplateException e) {
            throw new IllegalStateException("the built-in template does not parse", e);
        }
    }

    /** A template from text; {@code name} is used in error messages. */
    public static IssueTemplate parse(String name, String text) throws IssueTemplateException {
        try {
            Template t = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true)
                    .compile(text);
            return new IssueTemplate(name, t);
        } catch (MustacheException e) {
            throw new IssueTemplateException(name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    String render(Map<String, Object> model) throws IssueTemplateException {
        try {
            return template.execute(model);
        } catch (MustacheException e) {
            throw new IssueTemplateException(name + ": " + e.getMessage(), e);
        }
    }
}
