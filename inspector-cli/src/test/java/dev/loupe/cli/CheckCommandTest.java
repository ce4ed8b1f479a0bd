package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.check.FindingCode;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe check}: every format on intact samples and on a damaged copy that SQLite's integrity_check also
 * flags, the exit codes of the DESIGN.md contract, directory search and the -o file.
 */
class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** INDEXES with the page-type byte of one index leaf page set to 0 (not a b-tree page type). */
    private Path damagedIndexes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("damaged"));
        Path db = Samples.copyTo(Sample.INDEXES, dir);
        long page;
        int pageSize;
        Path probe = Samples.copyTo(Sample.INDEXES, Files.createDirectories(tmp.resolve("probe")));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + probe); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT d.pageno FROM dbstat d JOIN sqlite_schema s ON s.name ="
                    + " d.name WHERE s.type = 'index' AND d.pagetype = 'leaf' ORDER BY d.pageno LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                page = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
        }
        byte[] b = Files.readAllBytes(db);
        b[(int) ((page - 1) * pageSize)] = 0; // fileformat2 §1.6: the b-tree page type is 2, 5, 10 or 13
        Files.write(db, b);
        Path oracle = Files.createDirectories(tmp.resolve("oracle")).resolve("indexes.db");
        Files.copy(db, oracle, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + oracle); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).as("SQLite flags the damage too").isNotEqualTo("ok");
        }
        return db;
    }

    private Path intact(Sample s) throws Exception {
        return Samples.copyTo(s, Files.createDirectories(tmp.resolve(s.name().toLowerCase())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "jsonl", "junit", "sarif"})
    void intactSamplesPassInEveryFormat(String format) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--format", format));
        for (Sample s : List.of(Sample.DEMO, Sample.INDEXES, Sample.WITHOUT_ROWID, Sample.AUTOVACUUM_FULL,
                Sample.WAL)) {
            args.add(intact(s).toString());
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).isEmpty();
        parseBack(format, r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "jsonl", "junit", "sarif"})
    void damagedCopyFailsInEveryFormat(String format) throws Exception {
        Path bad = damagedIndexes();
        Path good = intact(Sample.DEMO);
        Cli r = Cli.run("check", "--format", format, bad.toString(), good.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FINDINGS);
        parseBack(format, r.out());
        switch (format) {
            case "text" -> assertThat(r.out()).contains(bad + ": CORRUPT", good + ": ok", "page-header-invalid",
                    "1 corrupt");
            case "jsonl" -> {
                List<String> lines = r.out().lines().toList();
                JsonNode first = JSON.readTree(lines.get(0));
                JsonNode second = JSON.readTree(lines.get(1));
                // sorted paths: .../damaged/indexes.db before .../demo/demo.db
                assertThat(first.get("file").asText()).isEqualTo(bad.toString());
                assertThat(first.get("verdict").asText()).isEqualTo("corrupt");
                assertThat(second.get("verdict").asText()).isEqualTo("ok");
                assertThat(codes(first)).contains("page-header-invalid");
            }
            case "junit" -> {
                Document d = xml(r.out());
                assertThat(d.getElementsByTagName("failure").getLength()).isPositive();
            }
            case "sarif" -> {
                JsonNode results = JSON.readTree(r.out()).get("runs").get(0).get("results");
                assertThat(results).isNotEmpty();
                assertThat(results.get(0).get("level").asText()).isEqualTo("error");
            }
            default -> assertThat(JSON.readTree(r.out()).get("summary").get("corrupt").asInt()).isEqualTo(1);
        }
    }

    @Test
    void quickCheckFindsTheDamagedPageToo() throws Exception {
        Cli r = Cli.run("check", "--quick", "--format", "jsonl", damagedIndexes().toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(codes(JSON.readTree(r.out()))).contains("page-header-invalid");
    }

    @Test
    void missingFileAmongOthersIsUnreadableAndExit3Wins() throws Exception {
        Path bad = damagedIndexes();
        Path missing = tmp.resolve("missing.db");
        Cli r = Cli.run("check", "--format", "jsonl", bad.toString(), missing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().lines().toList()) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).hasSize(2);
        JsonNode m = lines.stream().filter(n -> n.get("file").asText().equals(missing.toString())).findFirst()
                .orElseThrow();
        assertThat(m.get("verdict").asText()).isEqualTo("unreadable");
        assertThat(codes(m)).containsExactly("file-unreadable");
        assertThat(lines).anySatisfy(n -> assertThat(n.get("verdict").asText()).isEqualTo("corrupt"));
    }

    @Test
    void missingFileAloneIsExit3() {
        Cli r = Cli.run("check", tmp.resolve("nope.db").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(r.out()).contains("UNREADABLE", "file-unreadable", "no such file");
    }

    @Test
    void damagedMagicIsAFindingNotExit3() throws Exception {
        Path db = intact(Sample.DEMO);
        byte[] b = Files.readAllBytes(db);
        b[0] = 'X';
        Files.write(db, b);
        Cli r = Cli.run("check", "--format", "jsonl", db.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(codes(JSON.readTree(r.out()))).contains(FindingCode.NOT_A_DATABASE.code());
    }

    @Test
    void failOnWarningTurnsAWarningIntoExit1() throws Exception {
        Path db = intact(Sample.DEMO);
        byte[] b = Files.readAllBytes(db);
        b[80] = 7; // header bytes 72..91 are reserved for expansion and must be zero (fileformat2 §1.3)
        Files.write(db, b);
        Cli lenient = Cli.run("check", "--format", "jsonl", db.toString());
        assertThat(lenient.exitCode()).as(lenient.out()).isEqualTo(ExitCode.OK);
        assertThat(codes(JSON.readTree(lenient.out()))).contains(FindingCode.HEADER_RESERVED_NOT_ZERO.code());
        Cli strict = Cli.run("check", "--fail-on", "warning", "--format", "jsonl", db.toString());
        assertThat(strict.exitCode()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void usageErrorsAreExit2() throws Exception {
        String db = intact(Sample.DEMO).toString();
        assertUsage(Cli.run("check", "--format", "xml", db), "--format must be");
        assertUsage(Cli.run("check", "--fail-on", "info", db), "--fail-on must be error or warning");
        assertUsage(Cli.run("check", "--max-findings", "0", db), "--max-findings");
        assertUsage(Cli.run("check", "--threads", "0", db), "--threads");
        assertUsage(Cli.run("check"), "FILE|DIR");
        assertUsage(Cli.run("check", Files.createDirectories(tmp.resolve("empty")).toString()),
                "no SQLite database files");
        assertUsage(Cli.run("check", "--wal", db + "-wal", db, db.replace("demo.db", "x.db")), "--wal PATH");
    }

    private static void assertUsage(Cli r, String text) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("loupe: ").contains(text).doesNotContain("Exception");
    }

    @Test
    void directoriesAreSearchedRecursivelyByMagicSkippingSideFiles() throws Exception {
        Path root = tmp.resolve("tree");
        Path deep = Files.createDirectories(root.resolve("b/deeper"));
        Path a = Samples.copyTo(Sample.WAL, Files.createDirectories(root.resolve("a"))); // with wal.db-wal
        Path c = Samples.copyTo(Sample.DEMO, deep);
        Files.copy(c, root.resolve("renamed.sqlite"));
        Files.writeString(root.resolve("notes.txt"), "not a database");
        Files.write(root.resolve("b/x.db-journal"), Samples.bytes(Sample.DEMO));
        Cli r = Cli.run("check", "--format", "jsonl", root.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        List<String> files = new ArrayList<>();
        for (String l : r.out().lines().toList()) {
            files.add(JSON.readTree(l).get("file").asText());
        }
        assertThat(files).containsExactly(a.toString(), c.toString(), root.resolve("renamed.sqlite").toString());
        // the WAL beside a.db was applied (the view SQLite gives), not checked as a file of its own
        assertThat(Files.exists(root.resolve("a/wal.db-wal"))).isTrue();
    }

    @Test
    void outputFileReceivesTheReport() throws Exception {
        Path db = intact(Sample.DEMO);
        Path out = tmp.resolve("report.sarif");
        Cli r = Cli.run("check", "--format", "sarif", "-o", out.toString(), db.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEmpty();
        assertThat(JSON.readTree(Files.readString(out)).get("version").asText()).isEqualTo("2.1.0");
        Cli again = Cli.run("check", "--format", "sarif", "-o", out.toString(), db.toString());
        assertUsage(again, "--force");
        assertUsage(Cli.run("check", "-o", db.toString(), "--force", db.toString()), "input file");
    }

    @Test
    void sarifRegionIsTheAbsoluteOffsetOfTheDamagedPage() throws Exception {
        Path bad = damagedIndexes();
        Cli r = Cli.run("check", "--format", "sarif", bad.toString());
        JsonNode results = JSON.readTree(r.out()).get("runs").get(0).get("results");
        JsonNode header = null;
        for (JsonNode res : results) {
            if (res.get("ruleId").asText().equals("page-header-invalid")) {
                header = res;
            }
        }
        assertThat(header).isNotNull();
        long page = header.get("properties").get("page").asLong();
        JsonNode region = header.get("locations").get(0).get("physicalLocation").get("region");
        byte[] b = Files.readAllBytes(bad);
        long offset = region.get("byteOffset").asLong();
        assertThat(offset).isBetween((page - 1) * 1024, page * 1024 - 1);
        assertThat(b[(int) ((page - 1) * 1024)]).isZero();
    }

    private static List<String> codes(JsonNode fileLine) {
        List<String> codes = new ArrayList<>();
        fileLine.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    /** Each format parses back; jsonl lines carry exactly the contract's keys. */
    private static void parseBack(String format, String out) throws Exception {
        switch (format) {
            case "json" -> assertThat(JSON.readTree(out).get("files")).isNotEmpty();
            case "jsonl" -> {
                for (String line : out.lines().toList()) {
                    JsonNode o = JSON.readTree(line);
                    List<String> keys = new ArrayList<>();
                    o.fieldNames().forEachRemaining(keys::add);
                    assertThat(keys).containsExactly("file", "verdict", "findings");
                }
            }
            case "junit" -> assertThat(xml(out).getDocumentElement().getTagName()).isEqualTo("testsuites");
            case "sarif" -> assertThat(JSON.readTree(out).get("runs").get(0).get("tool").get("driver").get("name")
                    .asText()).isEqualTo("loupe");
            default -> assertThat(out).contains("files checked:");
        }
    }

    private static Document xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
        NodeList suites = d.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element e = (Element) suites.item(i);
            assertThat(e.getElementsByTagName("testcase").getLength()).isPositive();
        }
        return d;
    }
}
