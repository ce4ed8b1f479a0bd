package dev.loupe.format;

import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each header rule of fileformat2 §1.3, on a damaged copy of a sample: Loupe reports the expected problem kind,
 * and SQLite confirms the damage matters (it refuses the file, or integrity_check complains).
 */
class HeaderRulesTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("magic", 0, new byte[]{'X'}, ProblemKind.HEADER_MAGIC),
                Arguments.of("page size 1000", 16, new byte[]{0x03, (byte) 0xe8}, ProblemKind.HEADER_PAGE_SIZE),
                Arguments.of("page size 256", 16, new byte[]{0x01, 0x00}, ProblemKind.HEADER_PAGE_SIZE),
                Arguments.of("read version 3", 19, new byte[]{3}, ProblemKind.HEADER_FILE_FORMAT_VERSION),
                Arguments.of("max payload fraction 65", 21, new byte[]{65}, ProblemKind.HEADER_PAYLOAD_FRACTION),
                Arguments.of("min payload fraction 31", 22, new byte[]{31}, ProblemKind.HEADER_PAYLOAD_FRACTION),
                Arguments.of("leaf payload fraction 33", 23, new byte[]{33}, ProblemKind.HEADER_PAYLOAD_FRACTION),
                Arguments.of("schema format 5", 44, new byte[]{0, 0, 0, 5}, ProblemKind.HEADER_SCHEMA_FORMAT),
                Arguments.of("page count beyond the file", 28, new byte[]{0, 0, 0x7f, 0}, ProblemKind.HEADER_PAGE_COUNT),
                Arguments.of("incremental vacuum without auto-vacuum", 64, new byte[]{0, 0, 0, 1},
                        ProblemKind.HEADER_AUTO_VACUUM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void loupeReportsWhatSqliteRejects(String what, int offset, byte[] bytes, ProblemKind kind) throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp.resolve("loupe"));
        byte[] image = Files.readAllBytes(db);
        System.arraycopy(bytes, 0, image, offset, bytes.length);
        Files.write(db, image);

        DatabaseHeader h = DatabaseHeader.decode(java.util.Arrays.copyOf(image, 100), image.length);
        assertThat(h.problems()).extracting(Problem::kind).contains(kind);
        for (Problem p : h.problems()) {
            assertThat(p.span().page()).isEqualTo(1);
            assertThat(p.span().offset()).isBetween(0L, 99L);
        }

        String verdict;
        try (Sqlite sqlite = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
            verdict = String.join("\n", sqlite.query("PRAGMA integrity_check").stream()
                    .map(r -> String.valueOf(r.get(0))).toList());
        } catch (java.sql.SQLException e) {
            verdict = e.getMessage();
        }
        assertThat(verdict).as("SQLite must notice '%s'", what).isNotEqualTo("ok");
    }

    @ParameterizedTest
    @MethodSource("intactSamples")
    void intactHeadersHaveNoProblems(Sample sample) throws Exception {
        byte[] image = Samples.bytes(sample);
        assertThat(DatabaseHeader.decode(java.util.Arrays.copyOf(image, 100), image.length).problems()).isEmpty();
    }

    static Stream<Sample> intactSamples() {
        return Stream.of(Sample.values());
    }
}
