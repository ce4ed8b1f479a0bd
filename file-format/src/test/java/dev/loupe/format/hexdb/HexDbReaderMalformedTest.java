package dev.loupe.format.hexdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Texts that are not usable: problems, never exceptions, never an allocation a size field asks for. */
class HexDbReaderMalformedTest {

    static final String SMALL = HexDbWriter.toText(smallImage(), 512, "s.db");

    @TempDir
    Path dir;

    /** Texts the sqlite3 CLI refuses to load: Loupe builds no image and says why. */
    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "garbage\n",
            "| size 1024\n| end x\n",
            "| size 1024 pagesize 1000 filename x\n| end x\n",
            "| size 1024 pagesize 256 filename x\n| end x\n",
            "| size 1024 pagesize 131072 filename x\n| end x\n",
            "| size -5 pagesize 512 filename x\n| end x\n",
            "|size 1024 pagesize\n"})
    void textsTheCliRefusesGiveNoImage(String text) throws Exception {
        HexDbImage image = HexDbReader.read(text);
        assertThat(image.bytes()).isEmpty();
        assertThat(image.problems()).isNotEmpty().allMatch(p -> p.kind() == ProblemKind.HEXDB_SYNTAX);

        Files.writeString(dir.resolve("bad.txt"), text);
        SqliteCli.Result cli = SqliteCli.run(dir, ".open --hexdb bad.txt\n");
        assertThat(cli.err()).as("the CLI refuses it too").contains("Error on line");
    }

    @Test
    void hugeSizeIsAProblemNotAnAllocation() {
        HexDbImage image = HexDbReader.read("| size 99999999999999 pagesize 65536 filename huge.db\n| end huge.db\n");
        assertThat(image.bytes()).isEmpty();
        assertThat(image.pageSize()).isEqualTo(65536);
        assertThat(image.problems()).extracting(Problem::message).anyMatch(m -> m.contains("exceeds the limit"));

        HexDbImage absurd = HexDbReader.read("| size 9999999999999999999999999999999 pagesize 512 filename a\n");
        assertThat(absurd.bytes()).isEmpty();
    }

    @Test
    void theLimitCanBeLowered() throws Exception {
        HexDbImage image = HexDbReader.read(new java.io.StringReader(SMALL), 1024);
        assertThat(image.bytes()).isEmpty();
        assertThat(image.problems()).singleElement().extracting(Problem::message).asString()
                .contains("exceeds the limit of 1024");
        assertThat(HexDbReader.read(new java.io.StringReader(SMALL), 2048).bytes()).hasSize(2048);
    }

    @Test
    void truncatedTextKeepsWhatItHadAndSaysItWasCut() {
        for (int cut = 1; cut < SMALL.indexOf("| end"); cut += 7) {
            HexDbImage image = HexDbReader.read(SMALL.substring(0, cut));
            if (image.hasPages()) {
                assertThat(image.bytes()).hasSize(2048);
                assertThat(image.problems()).extracting(Problem::message)
                        .anyMatch(m -> m.contains("cut short"));
            }
        }
    }

    @Test
    void anEndlessLineIsReadOnlyInPart() throws Exception {
        StringBuilder sb = new StringBuilder(SMALL.replace("| end s.db\n", ""));
        sb.append("| 16: ").append("ab ".repeat(300_000)).append("\n| end s.db\n");
        HexDbImage image = HexDbReader.read(sb.toString());
        assertThat(image.problems()).extracting(Problem::message)
                .anyMatch(m -> m.contains("longer than " + HexDbReader.MAX_LINE_CHARS));
        assertThat(image.problems()).extracting(Problem::span)
                .anyMatch(s -> s.length() > 900_000);
    }

    @Test
    void problemsAreCapped() {
        String junk = SMALL.replace("| end s.db\n", "oops\n".repeat(5000) + "| end s.db\n");
        HexDbImage image = HexDbReader.read(junk);
        assertThat(image.problems()).hasSize(HexDbReader.MAX_PROBLEMS + 1);
        assertThat(image.problems().get(HexDbReader.MAX_PROBLEMS).message()).startsWith("4000 more problems");
    }

    @Test
    void problemsNameTheLineAndPointAtIt() {
        String text = SMALL.replace("| page 2 offset 512", "| page 2 offset 512\nbad");
        long lineNumber = text.lines().takeWhile(l -> !l.equals("bad")).count() + 1;
        HexDbImage image = HexDbReader.read(text);
        assertThat(image.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("line " + lineNumber + ": ");
            assertThat(text.substring((int) p.span().offset(), (int) p.span().end())).isEqualTo("bad");
        });
    }

    /** Seeded random damage of every kind, including binary junk: never an exception. */
    @Test
    void randomDamageNeverThrows() throws Exception {
        for (int seed = 0; seed < 2000; seed++) {
            Random r = new Random(seed);
            char[] c = SMALL.toCharArray();
            int edits = 1 + r.nextInt(20);
            for (int k = 0; k < edits; k++) {
                c[r.nextInt(c.length)] = (char) (r.nextBoolean() ? r.nextInt(128) : r.nextInt(0x10000));
            }
            String damaged = new String(c);
            if (r.nextInt(4) == 0) {
                damaged = damaged.substring(0, r.nextInt(damaged.length()));
            }
            try (Reader in = new java.io.StringReader(damaged)) {
                HexDbImage image = HexDbReader.read(in, 1 << 20);
                assertThat(image.bytes().length).isLessThanOrEqualTo(1 << 20);
            }
        }
    }

    private static byte[] smallImage() {
        byte[] b = new byte[4 * 512];
        for (int i = 0; i < b.length; i += 5) {
            b[i] = (byte) (i + 1);
        }
        return b;
    }
}
