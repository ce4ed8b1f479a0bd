package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.BigEndian;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe page}: per-page figures equal SQLite's dbstat, every byte of a page is labelled exactly once, and bad
 * or damaged input is reported as documented.
 */
class PageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** dbstat's ncell, payload, unused and mx_payload for b-tree pages, payload and unused for overflow pages. */
    @ParameterizedTest
    @EnumSource(Sample.class)
    void figuresEqualDbstat(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        int checked = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pageno, name, pagetype, ncell, payload, unused, mx_payload"
                     + " FROM dbstat ORDER BY pageno")) {
            int row = 0;
            while (rs.next()) {
                if (row++ % 7 != 0 && rs.getLong(1) != 1) {
                    continue; // every 7th page keeps the test quick; page 1 always
                }
                long pgno = rs.getLong(1);
                Cli r = Cli.run("page", "--format", "json", db.toString(), Long.toString(pgno));
                assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
                JsonNode p = JSON.readTree(r.out());
                String what = sample + " page " + pgno;
                String name = rs.getString(2);
                assertThat(p.get("owner").get("name").asText()).as(what).isEqualToIgnoringCase(name);
                if (rs.getString(3).equals("overflow")) {
                    assertThat(p.get("kind").asText()).as(what).isEqualTo("overflow");
                    assertThat(p.get("overflow").get("dataLength").asLong()).as(what).isEqualTo(rs.getLong(5));
                    assertThat(p.get("usableSize").asLong() - 4 - p.get("overflow").get("dataLength").asLong())
                            .as(what).isEqualTo(rs.getLong(6));
                } else {
                    assertThat(p.get("kind").asText()).as(what).endsWith(rs.getString(3).equals("leaf") ? "-leaf"
                            : "-interior");
                    assertThat(p.get("cellCount").asLong()).as(what).isEqualTo(rs.getLong(4));
                    assertThat(p.get("payloadBytes").asLong()).as(what).isEqualTo(rs.getLong(5));
                    assertThat(p.get("unusedBytes").asLong()).as(what).isEqualTo(rs.getLong(6));
                    assertThat(p.get("maxPayload").asLong()).as(what).isEqualTo(rs.getLong(7));
                    assertThat(p.get("cells")).as(what).hasSize(rs.getInt(4));
                }
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    /**
     * Page 1, an interior page, a page with overflowing cells, an overflow page, a WITHOUT ROWID index page, a page
     * with reserved bytes, a freelist trunk, a pointer-map page: the JSON regions tile the page (each byte once) and
     * the --hex text reproduces the page's bytes, region by region.
     */
    @ParameterizedTest
    @CsvSource({"DEMO,1", "DEMO,4", "DEMO,5", "OVERFLOW,261", "OVERFLOW,260", "WITHOUT_ROWID,7", "WITHOUT_ROWID,2",
            "RESERVED_8,4", "RESERVED_8,34", "FREELIST,306", "AUTOVACUUM_FULL,2", "PAGE_65536,2", "UTF16LE,2"})
    void hexLabelsCoverEveryByteOnce(Sample sample, long pgno) throws Exception {
        Path db = Samples.copyTo(sample, tmp);
        byte[] file = Files.readAllBytes(db);
        int ps = sample.pageSize();
        byte[] page = Arrays.copyOfRange(file, (int) ((pgno - 1) * ps), (int) (pgno * ps));

        Cli json = Cli.run("page", "--format", "json", "--hex", db.toString(), Long.toString(pgno));
        assertThat(json.exitCode()).as(json.err()).isZero();
        long at = 0;
        for (JsonNode region : JSON.readTree(json.out()).get("regions")) {
            assertThat(region.get("offset").asLong()).as(region.toString()).isEqualTo(at);
            int len = region.get("length").asInt();
            assertThat(region.get("hex").asText()).isEqualTo(HexFormat.of().formatHex(page, (int) at, (int) at + len));
            assertThat(region.get("label").asText()).isNotBlank();
            at += len;
        }
        assertThat(at).isEqualTo(ps);

        Cli text = Cli.run("page", "--hex", db.toString(), Long.toString(pgno));
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        boolean inHex = false;
        for (String line : text.out().lines().toList()) {
            if (line.startsWith("offset  bytes")) {
                inHex = true;
                continue;
            }
            if (!inHex || line.isBlank()) {
                continue;
            }
            String[] cols = line.trim().split("\\s+");
            if (cols[0].equals("*")) {
                rebuilt.write(new byte[Integer.parseInt(cols[1])]);
                continue;
            }
            assertThat(Integer.parseInt(cols[0])).as(line).isEqualTo(rebuilt.size());
            String hex = line.substring(8, 8 + 39).replace(" ", "");
            rebuilt.write(HexFormat.of().parseHex(hex));
        }
        assertThat(rebuilt.toByteArray()).isEqualTo(page);
    }

    @Test
    void textShowsPageOneWithTheDatabaseHeaderAndAByteMap() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli r = Cli.run("page", "--map", db.toString(), "1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("table-leaf of table sqlite_schema", "Database header (bytes 0..99",
                "B-tree page header (bytes 100..107)", "Cell pointer array", "'table', 'authors'", "Byte map",
                "Problems   none");
        String map = r.out().substring(r.out().indexOf("Byte map"));
        assertThat(map.lines().skip(1).findFirst().orElseThrow()).startsWith("     0  DDDDDDDDDDDDDDDDDDDDDDDDDHHPPPP");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    }

    @Test
    void interiorAndIndexPages() throws Exception {
        Path db = Samples.copyTo(Sample.WITHOUT_ROWID, tmp);
        Cli r = Cli.run("page", db.toString(), "2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("index-interior of table edges", "rightChild");
        Cli leaf = Cli.run("page", "--format", "json", db.toString(), "7");
        JsonNode p = JSON.readTree(leaf.out());
        assertThat(p.get("pageType").asText()).isEqualTo("index-leaf");
        assertThat(p.get("cells").get(0).has("rowid")).isFalse();
        assertThat(p.get("cells").get(0).get("values")).hasSize(4);
    }

    @Test
    void badPageNumbers() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        assertOneLine(Cli.run("page", db.toString(), "0"), ExitCode.USAGE, "page 0 is out of range");
        assertOneLine(Cli.run("page", db.toString(), "121"), ExitCode.USAGE, "has pages 1..120");
        assertOneLine(Cli.run("page", tmp.resolve("nope.db").toString(), "1"), ExitCode.UNREADABLE, "no such file");
        assertOneLine(Cli.run("page", "--format", "xml", db.toString(), "1"), ExitCode.USAGE, "--format must be");
    }

    /** A cell pointer moved outside the content area: the page is still shown, with the problem, exit 1. */
    @Test
    void damagedCellPointerIsShownWithItsProblem() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        byte[] b = Files.readAllBytes(db);
        int page2 = 4096;
        BigEndian.putU16(b, page2 + 8 + 2, 3); // cell 1's pointer (leaf page 2: 8-byte header) -> offset 3
        Files.write(db, b);
        Cli r = Cli.run("page", "--hex", db.toString(), "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("(pointer out of range: not decoded)", "cell-pointer", "out of range");
        Cli j = Cli.run("page", "--format", "json", db.toString(), "2");
        assertThat(j.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(JSON.readTree(j.out()).get("problems").get(0).get("kind").asText()).isEqualTo("cell-pointer");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).as("SQLite sees the damage too").isNotEqualTo("ok");
        }
    }

    static void assertOneLine(Cli r, int code, String text) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("loupe: ").contains(text).doesNotContain("Exception");
    }
}
