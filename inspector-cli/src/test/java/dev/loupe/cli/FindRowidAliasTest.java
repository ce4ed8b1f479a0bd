package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An INTEGER PRIMARY KEY column is stored as NULL and read as the rowid: `loupe find` shows the stored NULL and
 * says what SQLite returns for it, which the test takes from SQLite itself.
 */
class FindRowidAliasTest {

    @Test
    void storedNullOfTheRowidAliasIsExplained(@TempDir Path tmp) throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        long id;
        Path copy = Samples.copyTo(Sample.DEMO, tmp.resolve("oracle"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, typeof(id) FROM authors WHERE rowid = 5")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("integer");
            id = rs.getLong(1);
        }
        Cli text = Cli.run("find", db.toString(), "authors", "5");
        assertThat(text.out()).contains("0  id                   NULL  (stored; INTEGER PRIMARY KEY: reads as the"
                + " rowid, " + id + ")");
        JsonNode json = new ObjectMapper().readTree(Cli.run("find", "--format", "json", db.toString(), "authors",
                "5").out());
        assertThat(json.get("rowidAliasColumn").asInt()).isZero();
        assertThat(json.get("values").get(0).isNull()).isTrue();
    }
}
