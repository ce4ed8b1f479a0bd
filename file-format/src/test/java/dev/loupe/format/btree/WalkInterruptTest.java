package dev.loupe.format.btree;

import dev.loupe.format.Database;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.TableReader;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InterruptedIOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An interrupted thread's tree walk stops with an InterruptedIOException; the database stays usable. */
class WalkInterruptTest {

    @TempDir
    Path tmp;

    @Test
    void interruptStopsAWalkAndTheDatabaseStaysUsable() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        try (Database d = Database.open(db)) {
            Table books = d.schema().table("books").orElseThrow();
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> new TableReader(d).readAll(books)).isInstanceOf(InterruptedIOException.class);
            } finally {
                Thread.interrupted();
            }
            assertThat(new TableReader(d).readAll(books)).hasSize(540);
        }
    }
}
