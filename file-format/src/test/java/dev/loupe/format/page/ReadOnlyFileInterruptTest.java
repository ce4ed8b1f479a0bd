package dev.loupe.format.page;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An interrupted read (Ctrl-C in the shell) fails, and the file stays readable for the next command. */
class ReadOnlyFileInterruptTest {

    @TempDir
    Path tmp;

    @Test
    void interruptedReadFailsAndTheFileStaysUsable() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        byte[] expected = Arrays.copyOf(Files.readAllBytes(db), 4096);
        try (ReadOnlyFile f = ReadOnlyFile.open(db)) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> f.read(0, new byte[4096], 0, 4096)).isInstanceOf(InterruptedIOException.class);
            } finally {
                Thread.interrupted(); // clear the flag for the rest of the test
            }
            byte[] page = new byte[4096];
            assertThat(f.read(0, page, 0, 4096)).isEqualTo(4096);
            assertThat(page).isEqualTo(expected);
            assertThat(f.size()).isEqualTo(Files.size(db));
        }
    }
}
