package dev.loupe.issue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms parse back as YAML and follow GitHub's issue-form syntax ("Syntax for issue forms" and "Syntax for
 * GitHub's form schema"): top-level keys, body element types, the keys each type allows, unique ids and labels.
 */
class IssueFormsTest {

    static final Set<String> TOP = Set.of("name", "description", "title", "labels", "assignees", "projects", "type",
            "body");
    static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "markdown", Set.of("value"),
            "input", Set.of("label", "description", "placeholder", "value"),
            "textarea", Set.of("label", "description", "placeholder", "value", "render"),
            "dropdown", Set.of("label", "description", "multiple", "options", "default"),
            "checkboxes", Set.of("label", "description", "options"));

    @TempDir
    Path tmp;

    @Test
    void formsAreValidIssueForms() throws Exception {
        List<Path> written = IssueForms.write(tmp.resolve(".github/ISSUE_TEMPLATE"));
        assertThat(written).hasSize(2);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path p : written) {
            JsonNode form = yaml.readTree(p.toFile());
            form.fieldNames().forEachRemaining(k -> assertThat(TOP).as("%s key", p).contains(k));
            assertThat(form.path("name").asText()).isNotBlank();
            assertThat(form.path("description").asText()).isNotBlank();
            assertThat(form.path("labels").isArray()).isTrue();
            JsonNode body = form.path("body");
            assertThat(body.isArray() && !body.isEmpty()).isTrue();
            Set<String> ids = new HashSet<>();
            Set<String> labels = new HashSet<>();
            boolean anyInput = false;
            for (JsonNode el : body) {
                String type = el.path("type").asText();
                assertThat(ATTRIBUTES).as("%s type", p).containsKey(type);
                el.fieldNames().forEachRemaining(k ->
                        assertThat(Set.of("type", "id", "attributes", "validations")).contains(k));
                JsonNode attrs = el.path("attributes");
                attrs.fieldNames().forEachRemaining(k -> assertThat(ATTRIBUTES.get(type)).as("%s %s", p, type)
                        .contains(k));
                if (type.equals("markdown")) {
                    assertThat(attrs.path("value").asText()).isNotBlank();
                    assertThat(el.has("validations")).isFalse();
                    continue;
                }
                anyInput = true;
                String id = el.path("id").asText();
                assertThat(id).matches("[A-Za-z0-9_-]+");
                assertThat(ids.add(id)).as("unique id %s", id).isTrue();
                String label = attrs.path("label").asText();
                assertThat(label).isNotBlank();
                assertThat(labels.add(label)).as("unique label %s", label).isTrue();
                el.path("validations").fieldNames().forEachRemaining(k -> assertThat(k).isEqualTo("required"));
                if (type.equals("dropdown")) {
                    JsonNode options = attrs.path("options");
                    assertThat(options.isArray() && !options.isEmpty()).isTrue();
                    Set<String> seen = new HashSet<>();
                    options.forEach(o -> assertThat(seen.add(o.asText())).isTrue());
                }
            }
            assertThat(anyInput).as("a form needs a non-markdown field").isTrue();
        }
    }
}
