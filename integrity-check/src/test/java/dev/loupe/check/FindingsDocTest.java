package dev.loupe.check;

import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/findings.md documents every finding code exactly once, under a {@code ## code} heading (the anchor SARIF
 * rules link to), and names no code or catalogue case that does not exist.
 */
class FindingsDocTest {
    private static final Path DOC = Path.of("..", "docs", "findings.md");
    /** A level-2 heading that is a kebab-case code, as opposed to a group heading such as "## Freelist". */
    private static final Pattern CODE_HEADING = Pattern.compile("(?m)^## ([a-z0-9]+(?:-[a-z0-9]+)+)\\s*$");
    private static final Pattern SEVERITY = Pattern.compile("(?m)^- Severity: (error|warning|info)\\b");
    private static final Pattern CASE_LINK = Pattern.compile("\\[`([a-z0-9-]+)`]\\(corruption-catalogue\\.md\\)");

    @Test
    void everyCodeHasOneSectionAndEverySectionIsACode() throws IOException {
        List<String> headings = headings(Files.readString(DOC));
        Set<String> codes = Arrays.stream(FindingCode.values()).map(FindingCode::code)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(headings)).as("codes without a '## code' section in docs/findings.md")
                .containsAll(codes);
        assertThat(headings).as("'## code' sections naming no FindingCode").allMatch(codes::contains)
                .doesNotHaveDuplicates();
    }

    @Test
    void eachSectionGivesTheCodesDefaultSeverity() throws IOException {
        String doc = Files.readString(DOC);
        for (FindingCode c : FindingCode.values()) {
            String section = section(doc, c.code());
            Matcher m = SEVERITY.matcher(section);
            assertThat(m.find()).as("section %s has a '- Severity:' line", c.code()).isTrue();
            assertThat(m.group(1)).as("severity of %s", c.code()).isEqualTo(c.severity().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void catalogueCasesNamedExist() throws IOException {
        Set<String> cases = Corruptions.all().stream().map(Corruption::name).collect(Collectors.toSet());
        Matcher m = CASE_LINK.matcher(Files.readString(DOC));
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(cases).as("catalogue case linked from docs/findings.md").contains(m.group(1));
        }
        assertThat(links).isGreaterThan(40);
    }

    private static List<String> headings(String doc) {
        Matcher m = CODE_HEADING.matcher(doc);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String section(String doc, String code) {
        int start = doc.indexOf("\n## " + code + "\n");
        assertThat(start).as("section %s", code).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }
}
