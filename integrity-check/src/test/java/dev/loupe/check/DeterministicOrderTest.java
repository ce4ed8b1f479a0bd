package dev.loupe.check;

import dev.loupe.format.OpenOptions;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report does not depend on the number of threads: every catalogue case checked with 1 and with 4 threads
 * gives the same findings in the same order.
 */
class DeterministicOrderTest {

    @Test
    void findingsAreTheSameForAnyThreadCount(@TempDir Path dir) throws Exception {
        Checker one = Checker.standard(CheckOptions.defaults().withThreads(1));
        Checker four = Checker.standard(CheckOptions.defaults().withThreads(4));
        int compared = 0;
        for (Corruption c : Corruptions.all()) {
            Path db = c.apply(dir.resolve(c.name()));
            CheckReport a = one.check(db, OpenOptions.defaults());
            CheckReport b = four.check(db, OpenOptions.defaults());
            assertThat(b.findings()).as(c.name()).isEqualTo(a.findings());
            assertThat(b.verdict()).as(c.name()).isEqualTo(a.verdict());
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(50);
    }
}
