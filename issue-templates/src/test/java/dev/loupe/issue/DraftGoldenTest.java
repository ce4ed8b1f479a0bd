package dev.loupe.issue;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts of each failure class, with the built-in template and a custom one, compared with golden files. */
class DraftGoldenTest {

    @TempDir
    Path tmp;

    static List<String> cases() {
        return Fixtures.CASES;
    }

    static IssueDraft draft(Path dir, IssueTemplate template) throws Exception {
        Reproducer r = ReproducerReader.read(dir);
        return IssueDrafter.draft(r, new DraftOptions("tursodatabase/turso", "DIR/issue.md", "Linux 6.1.0 (amd64)",
                "0.1.0-test", template));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void builtInTemplate(String name) throws Exception {
        IssueDraft d = draft(Fixtures.write(name, tmp.resolve(name)), IssueTemplate.builtIn());
        Golden.check(name + ".md", d.body());
        Golden.check(name + ".regression.sql", d.regressionTest());
        Golden.check(name + ".gh.txt", "title: " + d.title() + "\nlabels: " + d.labels() + "\ndedup: "
                + d.dedupKey() + "\nfingerprint: " + d.fingerprint() + "\n" + d.gh().shellLine() + "\n");
        assertThat(d.body()).contains(d.dedupKey()).doesNotContain("{{");
        assertThat(d.title()).startsWith(switch (name.substring(0, name.lastIndexOf('-'))) {
            case "wrong-result" -> "Wrong result: ";
            case "error-mismatch" -> "Error mismatch: ";
            case "crash" -> "Crash: ";
            case "corruption" -> "Corruption: ";
            default -> "File compat: ";
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void customTemplate(String name) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("custom.mustache")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        IssueDraft d = draft(Fixtures.write(name, tmp.resolve(name)), IssueTemplate.parse("custom.mustache", text));
        Golden.check("custom-" + name + ".md", d.body());
    }
}
