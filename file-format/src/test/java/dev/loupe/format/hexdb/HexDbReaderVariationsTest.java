package dev.loupe.format.hexdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts that differ from what dbtotxt writes but that the sqlite3 CLI still loads: Loupe must build exactly the
 * bytes the CLI builds (compared page for page through the CLI's {@code .save}) and report the oddities it was
 * told to report.
 */
class HexDbReaderVariationsTest {

    @TempDir
    static Path dir;

    static String text;
    static byte[] original;

    @BeforeAll
    static void makeText() throws Exception {
        Path db = dir.resolve("v.db");
        HexDbCliRoundTripTest.makeDatabase(db, 512);
        original = Files.readAllBytes(db);
        text = HexDbWriter.toText(original, 512, "v.db");
    }

    /** A variation, whether Loupe must report a problem for it, and a word its message must contain. */
    static Stream<Arguments> variations() {
        return Stream.of(
                variation("no display column", t -> mapDataLines(t, l -> l.substring(0, 57)), null),
                variation("tabs and CRLF", t -> t.replace("\n", "\r\n").replace(": ", ":\t").replace("   ", "\t"),
                        null),
                variation("upper case and 0x prefixes", t -> mapDataLines(t, l -> l.substring(0, 9)
                        + l.substring(9, 57).replace(" 0", " 0x0").replace(" a", " A")), null),
                variation("ends with a bare | end", t -> t.replace("| end v.db\n", "| end\n"), null),
                variation("15 values on a line", t -> mapLine(t, "| page 3 ", 1,
                        l -> l.substring(0, 54) + "   ................"), "expected 16 byte values"),
                variation("display column read as a value", t -> mapLine(t, "| page 3 ", 1,
                        l -> l.substring(0, 54) + "   ab.............."), null),
                variation("page number disagrees with offset", t -> t.replace("| page 3 offset 1024",
                        "| page 7 offset 1024"), "uses the offset"),
                variation("offset past the page end", t -> mapLine(t, "| page 2 ", 1,
                        l -> "|    512" + l.substring(8)), "not the start of a 16-byte line"),
                variation("line outside the image", t -> t.replace("| end v.db",
                        "| page 999 offset 510976\n|     16: 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10\n"
                                + "| end v.db"), "outside the"),
                variation("three hex digits", t -> mapLine(t, "| page 2 ", 1, l -> l.replaceFirst(": (..)", ": 1$1")),
                        "low 8 bits"),
                variation("same line twice", t -> mapLine(t, "| page 2 ", 1,
                        l -> l + "\n" + l.substring(0, 9) + " ff".repeat(16)), "given before"),
                variation("no end line", t -> t.replace("| end v.db\n", ""), "cut short"),
                variation("size not a page multiple", t -> t.replaceFirst("\\| size (\\d+)",
                        "| size " + (original.length - 100)), "rounded up"),
                variation("stray lines", t -> t.replace("| page 2 ", "hello\n\n# note\n| page 2 "),
                        "not a dbtotxt line"));
    }

    private static Arguments variation(String name, UnaryOperator<String> change, String problem) {
        return Arguments.of(name, change, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variations")
    void buildsTheBytesTheCliBuilds(String name, UnaryOperator<String> change, String problem) throws Exception {
        String varied = change.apply(text);
        assertThat(varied).as("the variation changed something").isNotEqualTo(text);
        HexDbImage image = HexDbReader.read(varied);
        byte[] cli = SqliteCli.loadAndSave(dir, varied);
        assertThat(SqliteCli.firstDifference(SqliteCli.maskBackupFields(image.bytes()),
                SqliteCli.maskBackupFields(cli))).as("first byte differing from the CLI's image").isEqualTo(-1);
        if (problem == null) {
            assertThat(image.problems()).isEmpty();
        } else {
            assertThat(image.problems()).extracting(Problem::message).anyMatch(m -> m.contains(problem));
            assertThat(image.problems()).allMatch(p -> p.span().page() == 0);
        }
    }

    /** Random character changes in the lines of pages 2 and later: whatever the CLI makes of them, so must Loupe. */
    @Test
    void randomlyDamagedLinesGiveTheCliBytes() throws Exception {
        String[] lines = text.split("\n", -1);
        int firstEditable = List.of(lines).indexOf("| page 2 offset 512");
        String alphabet = "0123456789abcdefABCDEFxX+-:| \t.g";
        for (int seed = 1; seed <= 25; seed++) {
            Random r = new Random(seed);
            String[] copy = lines.clone();
            for (int k = 0; k < 6; k++) {
                int i = firstEditable + r.nextInt(lines.length - 2 - firstEditable);
                StringBuilder sb = new StringBuilder(copy[i]);
                if (sb.length() == 0) {
                    continue;
                }
                int at = r.nextInt(sb.length());
                switch (r.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 1 -> sb.deleteCharAt(at);
                    default -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
                copy[i] = sb.toString();
            }
            String varied = String.join("\n", copy);
            HexDbImage image = HexDbReader.read(varied);
            byte[] cli = SqliteCli.loadAndSave(dir, varied);
            assertThat(SqliteCli.firstDifference(SqliteCli.maskBackupFields(image.bytes()),
                    SqliteCli.maskBackupFields(cli))).as("seed %d", seed).isEqualTo(-1);
        }
    }

    @Test
    void textBeforeTheSizeLineIsSkippedWithAProblem() {
        HexDbImage image = HexDbReader.read("From a bug report:\n> paste below\n" + text);
        assertThat(image.bytes()).isEqualTo(original);
        assertThat(image.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.HEXDB_SYNTAX);
            assertThat(p.message()).startsWith("lines 1-2 before the '| size' line skipped");
        });
    }

    private static String mapDataLines(String t, UnaryOperator<String> f) {
        return t.lines().map(l -> l.matches("\\|\\s+\\d+:.*") ? f.apply(l) : l)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Changes the {@code n}-th data line after the line starting with {@code after}. */
    private static String mapLine(String t, String after, int n, UnaryOperator<String> f) {
        List<String> out = new ArrayList<>(t.lines().toList());
        int start = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith(after)) {
                start = i;
                break;
            }
        }
        out.set(start + n, f.apply(out.get(start + n)));
        return String.join("\n", out) + "\n";
    }
}
