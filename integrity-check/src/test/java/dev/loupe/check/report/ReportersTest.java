package dev.loupe.check.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String render(ReportFormat format, Severity failOn) throws IOException {
        StringWriter w = new StringWriter();
        format.reporter(ReportSettings.of(failOn, "9.9.9")).write(Reports.three(), w);
        return w.toString();
    }

    @Test
    void textGroupsByObjectFileLevelFirstAndFitsIn100Columns() throws IOException {
        String text = render(ReportFormat.TEXT, Severity.ERROR);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(text).contains("ok.db: ok\n  checked 57 pages, 9 trees, 1,200 rows, 800 index entries in 42 ms\n");
        assertThat(text).contains("bad.db: CORRUPT, 4 errors, 1 warning, 1 info");
        assertThat(text).contains("missing.db: UNREADABLE");
        int fileGroup = text.indexOf("  (file:");
        int t1a = text.indexOf("\n  t1a\n");
        int t1 = text.indexOf("\n  t1\n");
        assertThat(fileGroup).isPositive().isLessThan(t1a);
        assertThat(t1a).isLessThan(t1);
        // the title once per code and file, the location, SQLite's line
        assertThat(text.split("cell-overlap: Two cells or freeblocks use the same bytes", -1)).hasSize(2);
        assertThat(text).contains("at page 4, cell 3, bytes 1012+12, path 2[3] > 4[3]");
        assertThat(text).contains("SQLite 3.40: Page 7 is never used");
        assertThat(text).contains("at file bytes 3176+3144");
        assertThat(text).contains("... and 2 more findings not reported");
        assertThat(text.strip()).endsWith("3 files checked: 1 ok, 1 corrupt, 1 unreadable; 5 errors, 1 warning,"
                + " 1 info; 2 more not reported");
    }

    @Test
    void jsonHasFilesAndSummary() throws IOException {
        JsonNode root = JSON.readTree(render(ReportFormat.JSON, Severity.ERROR));
        assertThat(root.get("files")).hasSize(3);
        JsonNode bad = root.get("files").get(1);
        assertThat(bad.get("verdict").asText()).isEqualTo("corrupt");
        assertThat(bad.get("dropped").asLong()).isEqualTo(2);
        assertThat(bad.get("stats").get("indexEntries").asLong()).isEqualTo(800);
        JsonNode overlap = bad.get("findings").get(0);
        assertThat(overlap.get("code").asText()).isEqualTo("cell-overlap");
        assertThat(overlap.get("page").asLong()).isEqualTo(4);
        assertThat(overlap.get("offset").asLong()).isEqualTo(1012);
        assertThat(overlap.get("length").asInt()).isEqualTo(12);
        assertThat(overlap.get("cell").asInt()).isEqualTo(3);
        assertThat(overlap.get("path").get(1).get("page").asLong()).isEqualTo(4);
        JsonNode never = bad.get("findings").get(1);
        assertThat(never.get("object").isNull()).isTrue();
        assertThat(never.get("offset").isNull()).isTrue();
        assertThat(never.get("cell").isNull()).isTrue();
        JsonNode summary = root.get("summary");
        assertThat(summary.get("files").asInt()).isEqualTo(3);
        assertThat(summary.get("unreadable").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").asLong()).isEqualTo(5);
    }

    @Test
    void jsonlHasExactlyTheContractKeys() throws IOException {
        List<String> lines = render(ReportFormat.JSONL, Severity.ERROR).lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            assertThat(fieldNames(o)).containsExactly("file", "verdict", "findings");
            assertThat(o.get("verdict").asText()).isIn("ok", "corrupt", "unreadable");
            for (JsonNode f : o.get("findings")) {
                assertThat(fieldNames(f)).startsWith("code", "severity", "page", "offset", "object", "message")
                        .containsExactly("code", "severity", "page", "offset", "object", "message", "cell",
                                "length", "path", "keys", "sqlite");
                assertThat(FindingCode.byCode(f.get("code").asText())).isNotNull();
            }
        }
        assertThat(JSON.readTree(lines.get(2)).get("findings").get(0).get("code").asText())
                .isEqualTo("file-unreadable");
    }

    @Test
    void junitParsesBackWithOneSuitePerFileAndOneCasePerObject() throws Exception {
        Document doc = parseXml(render(ReportFormat.JUNIT, Severity.ERROR));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        Element ok = (Element) suites.item(0);
        assertThat(ok.getAttribute("name")).isEqualTo("ok.db");
        assertThat(ok.getAttribute("tests")).isEqualTo("4");
        assertThat(ok.getAttribute("failures")).isEqualTo("0");
        assertThat(ok.getElementsByTagName("failure").getLength()).isZero();
        Element bad = (Element) suites.item(1);
        assertThat(caseNames(bad)).containsExactly("(file)", "sqlite_schema", "t1", "t1a");
        // errors in (file) and t1a fail; t1's warning only goes to system-out
        assertThat(bad.getAttribute("failures")).isEqualTo("2");
        assertThat(bad.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("type")
                .getNodeValue()).isEqualTo("page-never-used");
        Element missing = (Element) suites.item(2);
        assertThat(missing.getAttribute("errors")).isEqualTo("1");
        assertThat(missing.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(root.getAttribute("tests")).isEqualTo("9");
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            for (String attr : List.of("name", "tests", "failures", "errors", "time")) {
                assertThat(s.hasAttribute(attr)).as(attr).isTrue();
            }
            NodeList cases = s.getElementsByTagName("testcase");
            for (int j = 0; j < cases.getLength(); j++) {
                Element c = (Element) cases.item(j);
                assertThat(c.hasAttribute("name") && c.hasAttribute("classname") && c.hasAttribute("time")).isTrue();
            }
        }
    }

    @Test
    void junitFailOnWarningFailsTheWarningCase() throws Exception {
        Document doc = parseXml(render(ReportFormat.JUNIT, Severity.WARNING));
        Element bad = (Element) doc.getElementsByTagName("testsuite").item(1);
        assertThat(bad.getAttribute("failures")).isEqualTo("3");
    }

    @Test
    void junitReplacesCharactersXmlCannotCarry() {
        assertThat(JunitReporter.clean("a\u0001b\uD83D\uDE00")).isEqualTo("a\uFFFDb\uD83D\uDE00");
    }

    @Test
    void sarifHasTheRequiredStructureOf210() throws IOException {
        JsonNode root = JSON.readTree(render(ReportFormat.SARIF, Severity.ERROR));
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("$schema").asText()).endsWith("sarif-schema-2.1.0.json");
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("loupe");
        assertThat(driver.get("version").asText()).isEqualTo("9.9.9");
        assertThat(driver.get("informationUri").asText()).startsWith("https://");
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(FindingCode.values().length);
        for (FindingCode c : FindingCode.values()) {
            JsonNode r = rules.get(c.ordinal());
            assertThat(r.get("id").asText()).isEqualTo(c.code());
            assertThat(r.get("shortDescription").get("text").asText()).isEqualTo(c.title());
            assertThat(r.get("helpUri").asText()).endsWith("docs/findings.md#" + c.code());
        }
        JsonNode results = run.get("results");
        assertThat(results).hasSize(7);
        for (JsonNode r : results) {
            // required by the 2.1.0 schema: message; ruleId must name a rule; level from the enum
            assertThat(r.get("message").get("text").asText()).isNotEmpty();
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.get("level").asText()).isIn("error", "warning", "note", "none");
            assertThat(r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri")
                    .asText()).isNotEmpty();
        }
        JsonNode overlap = results.get(0);
        JsonNode region = overlap.get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("byteOffset").asLong()).isEqualTo(3L * 1024 + 1012);
        assertThat(region.get("byteLength").asLong()).isEqualTo(12);
        assertThat(overlap.get("locations").get(0).get("logicalLocations").get(0).get("name").asText())
                .isEqualTo("t1a");
        JsonNode neverUsed = results.get(1);
        assertThat(neverUsed.get("locations").get(0).get("physicalLocation").get("region").get("byteOffset")
                .asLong()).isEqualTo(6L * 1024);
        JsonNode badText = results.get(4);
        assertThat(badText.get("level").asText()).isEqualTo("warning");
        JsonNode wal = results.get(5);
        assertThat(wal.get("level").asText()).isEqualTo("note");
        assertThat(wal.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("bad.db-wal");
        JsonNode unreadable = results.get(6);
        assertThat(unreadable.get("locations").get(0).get("physicalLocation").has("region")).isFalse();
    }

    @Test
    void artifactUrisAreRelativeAndEncoded() {
        assertThat(ArtifactUri.of("dir/my file.db")).isEqualTo("dir/my%20file.db");
        assertThat(ArtifactUri.of("/tmp/a.db")).isEqualTo("file:///tmp/a.db");
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> caseNames(Element suite) {
        List<String> names = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
