package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cell pointer moved out of the cell content area: Loupe reports the same offset and the same allowed range as
 * integrity_check's "Offset N out of range A..B" (A = the cell content area's start, B = usable size - 4).
 */
class CellPointerRangeTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {5, 40, 140, 4093, 4095})
    void rangeMatchesIntegrityCheck(int badOffset) throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp.resolve("loupe"));
        byte[] image = Files.readAllBytes(db);
        int pgno = 22; // a leaf of table books
        int at = (pgno - 1) * 4096 + 8; // first cell pointer
        image[at] = (byte) (badOffset >>> 8);
        image[at + 1] = (byte) badOffset;
        Files.write(db, image);

        byte[] page = java.util.Arrays.copyOfRange(image, (pgno - 1) * 4096, pgno * 4096);
        List<Problem> problems = BTreePage.decode(pgno, page, 4096).problems();
        assertThat(problems).extracting(Problem::kind).containsExactly(ProblemKind.CELL_POINTER);
        Matcher ours = Pattern.compile("offset (\\d+) out of range (\\d+)\\.\\.(\\d+)").matcher(problems.get(0).message());
        assertThat(ours.find()).isTrue();

        String verdict;
        try (Sqlite sqlite = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
            verdict = String.join("\n", sqlite.query("PRAGMA integrity_check").stream()
                    .map(r -> String.valueOf(r.get(0))).toList());
        } catch (java.sql.SQLException e) {
            // A pointer into the last 4 bytes of the page: SQLite sometimes gives up on the whole check with
            // SQLITE_CORRUPT instead of listing the range (seen in about one run in two); both say "damaged".
            assertThat(badOffset).as("SQLite refused the check: %s", e.getMessage()).isGreaterThan(4092);
            assertThat(e.getMessage()).contains("malformed");
            return;
        }
        Matcher theirs = Pattern.compile("page " + pgno + " cell 0: Offset (\\d+) out of range (\\d+)\\.\\.(\\d+)")
                .matcher(verdict);
        assertThat(theirs.find()).as(verdict).isTrue();
        assertThat(ours.group(1)).isEqualTo(theirs.group(1));
        assertThat(ours.group(2)).isEqualTo(theirs.group(2));
        assertThat(ours.group(3)).isEqualTo(theirs.group(3));
    }
}
