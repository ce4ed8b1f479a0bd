package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code loupe cell} against {@code SELECT rowid, *}; {@code loupe hexdump} against the file's bytes. */
class CellAndHexdumpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * Every cell of every leaf page of overflow.db's docs table (texts and blobs of up to 60000 bytes on chains of up
     * to 61 overflow pages): rowid and values equal SQLite's, and each value's spans hold exactly its bytes.
     */
    @Test
    void overflowCellsEqualSqlite() throws Exception {
        Path db = Samples.copyTo(Sample.OVERFLOW, tmp.resolve("loupe"));
        Path copy = Samples.copyTo(Sample.OVERFLOW, tmp.resolve("sqlite"));
        Map<Long, List<Object>> rows = new HashMap<>();
        List<long[]> cells = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rowid, title, abstract, body, data FROM docs")) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), Arrays.asList(rs.getObject(2), rs.getObject(3), rs.getObject(4),
                            rs.getObject(5)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT pageno, ncell FROM dbstat WHERE name = 'docs'"
                    + " AND pagetype = 'leaf'")) {
                while (rs.next()) {
                    for (int i = 0; i < rs.getInt(2); i++) {
                        cells.add(new long[]{rs.getLong(1), i});
                    }
                }
            }
        }
        byte[] file = Files.readAllBytes(db);
        int overflowing = 0;
        for (long[] pc : cells) {
            Cli r = Cli.run("cell", "--format", "json", db.toString(), Long.toString(pc[0]), Long.toString(pc[1]));
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode cell = JSON.readTree(r.out());
            List<Object> expected = rows.remove(cell.get("rowid").asLong());
            assertThat(expected).as("rowid %s exists", cell.get("rowid")).isNotNull();
            JsonNode cols = cell.get("record").get("columns");
            assertThat(cols.get(0).get("value").isNull()).as("INTEGER PRIMARY KEY stored as NULL").isTrue();
            for (int k = 1; k < cols.size(); k++) {
                JsonNode col = cols.get(k);
                Object want = expected.get(k - 1);
                byte[] bytes = spanBytes(file, col.get("spans"), 1024);
                assertThat((long) bytes.length).isEqualTo(col.get("length").asLong());
                if (want instanceof byte[] blob) {
                    assertThat(col.get("value").get("blob").asText()).isEqualTo(HexFormat.of().formatHex(blob));
                    assertThat(bytes).isEqualTo(blob);
                } else if (want == null) {
                    assertThat(col.get("value").isNull()).isTrue();
                } else {
                    assertThat(col.get("value").asText()).isEqualTo(want.toString());
                    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(want.toString());
                }
            }
            long declared = cell.get("payload").get("declaredSize").asLong();
            long held = cell.get("payload").get("localSize").asLong();
            for (JsonNode step : cell.get("overflowChain")) {
                held += step.get("length").asLong();
            }
            assertThat(held).isEqualTo(declared);
            if (cell.get("overflowChain").size() > 0) {
                overflowing++;
            }
        }
        assertThat(rows).as("every row found in a cell").isEmpty();
        assertThat(overflowing).isPositive();
    }

    @Test
    void textShowsVarintsRecordHeaderValuesAndChain() throws Exception {
        Path db = Samples.copyTo(Sample.OVERFLOW, tmp);
        Cli r = Cli.run("cell", db.toString(), "267", "2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("payloadSize        267:693+2      98 5c                       3164",
                "Record header  5 bytes", "blob(3157)", "267:701+99, 270:4+1020, 271:4+1020, 272:4+1018",
                "Overflow chain  3 pages", "Problems   none");
    }

    @Test
    void interiorCellOfATableAndBadCellIndexes() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli r = Cli.run("cell", "--format", "json", db.toString(), "4", "0");
        assertThat(r.exitCode()).isZero();
        JsonNode cell = JSON.readTree(r.out());
        assertThat(cell.get("pageType").asText()).isEqualTo("table-interior");
        assertThat(cell.get("fields").get(0).get("name").asText()).isEqualTo("leftChild");
        PageCommandTest.assertOneLine(Cli.run("cell", db.toString(), "4", "28"), ExitCode.USAGE,
                "cell 28 is out of range: page 4 has cells 0..27");
        PageCommandTest.assertOneLine(Cli.run("cell", db.toString(), "4", "-1"), ExitCode.USAGE, "out of range");
        PageCommandTest.assertOneLine(Cli.run("cell", db.toString(), "0", "0"), ExitCode.USAGE, "out of range");
    }

    @Test
    void hexdumpOfAPageAndOfARangeIsTheFilesBytes() throws Exception {
        Path db = Samples.copyTo(Sample.RESERVED_8, tmp);
        byte[] file = Files.readAllBytes(db);
        Cli r = Cli.run("hexdump", "--page", "3", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        StringBuilder hex = new StringBuilder();
        r.out().lines().skip(1).forEach(l -> hex.append(l.substring(10, 10 + 47).replace(" ", "")));
        assertThat(hex.toString()).isEqualTo(HexFormat.of().formatHex(file, 2048, 3072));
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("       0  ");

        Cli j = Cli.run("hexdump", "--format", "json", "--offset", "90", "--length", "30", db.toString());
        JsonNode d = JSON.readTree(j.out());
        assertThat(d.get("hex").asText()).isEqualTo(HexFormat.of().formatHex(file, 90, 120));
        assertThat(d.get("lines").get(1).get("offset").asLong()).isEqualTo(106);

        PageCommandTest.assertOneLine(Cli.run("hexdump", "--offset", "46080", "--length", "1", db.toString()),
                ExitCode.USAGE, "outside");
        assertThat(Cli.run("hexdump", db.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("hexdump", "--page", "1", "--offset", "0", "--length", "1", db.toString()).exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    private static byte[] spanBytes(byte[] file, JsonNode spans, int pageSize) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (JsonNode s : spans) {
            int at = (int) ((s.get("page").asLong() - 1) * pageSize + s.get("offset").asLong());
            out.write(file, at, s.get("length").asInt());
        }
        return out.toByteArray();
    }
}
