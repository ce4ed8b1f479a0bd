package dev.loupe.format.hexdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.format.page.MemoryPageSource;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout details of dbtotxt, checked by hand against tool/dbtotxt.c, and the writer's three sources agreeing. */
class HexDbWriterTest {

    @TempDir
    Path dir;

    @Test
    void displayColumnShowsPrintableAsciiExceptBracesQuoteAndBackslash() {
        byte[] image = new byte[512];
        for (int i = 0; i < 256; i++) {
            image[i] = (byte) i;
        }
        String text = HexDbWriter.toText(image, 512, "all.bin");
        // hand-checked: dbtotxt's bShow[] maps ' '..'~' to themselves except { } " \ and all else to '.'
        assertThat(text).contains(
                "|      0: 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f   ................\n",
                "|     32: 20 21 22 23 24 25 26 27 28 29 2a 2b 2c 2d 2e 2f    !.#$%&'()*+,-./\n",
                "|     80: 50 51 52 53 54 55 56 57 58 59 5a 5b 5c 5d 5e 5f   PQRSTUVWXYZ[.]^_\n",
                "|    112: 70 71 72 73 74 75 76 77 78 79 7a 7b 7c 7d 7e 7f   pqrstuvwxyz.|.~.\n",
                "|    240: f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 fa fb fc fd fe ff   ................\n");
        assertThat(text).startsWith("| size 512 pagesize 512 filename all.bin\n| page 1 offset 0\n")
                .endsWith("| end all.bin\n");
    }

    @Test
    void omitsZeroLinesAndZeroPagesAndPadsTheLastLine() {
        byte[] image = new byte[3 * 1024 + 20]; // three whole pages and a partial fourth
        image[1024 - 1] = 7;          // last line of page 1
        image[3 * 1024 + 17] = 9;     // in the last, partial line of the partial page 4
        String text = HexDbWriter.toText(image, 1024, "odd.bin");
        assertThat(text).isEqualTo("""
                | size 3092 pagesize 1024 filename odd.bin
                | page 1 offset 0
                |   1008: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 07   ................
                | page 4 offset 3072
                |     16: 00 09 00 00 00 00 00 00 00 00 00 00 00 00 00 00   ................
                | end odd.bin
                """);
    }

    @Test
    void largestOffsetOfA64KPageFitsTheColumn() {
        byte[] image = new byte[65536];
        image[65535] = 1;
        assertThat(HexDbWriter.toText(image, 65536, "big.db"))
                .contains("\n|  65520: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01   ................\n");
    }

    @Test
    void fileAndPageSourceAndArrayGiveTheSameText() throws Exception {
        byte[] image = new byte[5 * 512 + 100];
        for (int i = 0; i < image.length; i += 37) {
            image[i] = (byte) (i * 31);
        }
        Path f = dir.resolve("x.bin");
        Files.write(f, image);
        StringWriter fromFile = new StringWriter();
        try (ReadOnlyFile file = ReadOnlyFile.open(f)) {
            HexDbWriter.write(file, 512, "x.bin", fromFile);
        }
        assertThat(fromFile.toString()).isEqualTo(HexDbWriter.toText(image, 512, "x.bin"));

        // a page source has whole pages only: bytes past them are not written, the size line still says all
        byte[] whole = java.util.Arrays.copyOf(image, 5 * 512);
        StringWriter fromPages = new StringWriter();
        HexDbWriter.write(new MemoryPageSource(image, 512, "x"), image.length, "x.bin", fromPages);
        assertThat(fromPages.toString()).isEqualTo(HexDbWriter.toText(whole, 512, "x.bin")
                .replace("| size " + whole.length, "| size " + image.length));
    }

    @Test
    void readerReturnsWhatTheWriterWrote() {
        byte[] image = new byte[4 * 512];
        for (int i = 0; i < image.length; i += 3) {
            image[i] = (byte) (i ^ 0x5a);
        }
        HexDbImage back = HexDbReader.read(HexDbWriter.toText(image, 512, "a b.db"));
        assertThat(back.problems()).isEmpty();
        assertThat(back.bytes()).isEqualTo(image);
        assertThat(back.name()).isEqualTo("a b.db");
    }

    @Test
    void rejectsArgumentsThatCannotBeWritten() {
        assertThatThrownBy(() -> HexDbWriter.toText(new byte[1024], 1000, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HexDbWriter.toText(new byte[1024], 512, "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
