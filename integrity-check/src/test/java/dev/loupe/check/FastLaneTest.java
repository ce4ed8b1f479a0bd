package dev.loupe.check;

import dev.loupe.check.mutants.Mutant;
import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record fast lane (sound records read in place, values decoded only where a check needs them) must not change
 * a single finding: every sample, every catalogue case and a thousand seeded mutants give the same report, finding
 * for finding, with the fast lane and with every record decoded. The checker's agreement with SQLite on these files
 * is held by CatalogueTest and MutantTest; this test holds the two lanes to each other.
 */
class FastLaneTest {

    private static final long FIRST_SEED = 77_000_000L;
    private static final int MUTANTS = 1000;

    private final Checker fast = Checker.standard(CheckOptions.defaults().withThreads(1));
    private final Checker slow = fast.slowLaneOnly();

    @Test
    void samplesAndCatalogueCasesGiveTheSameFindings(@TempDir Path dir) throws Exception {
        int compared = 0;
        for (Sample s : Sample.values()) {
            compared += same(Samples.copyTo(s, dir.resolve(s.name())), s.name());
        }
        for (Corruption c : Corruptions.all()) {
            compared += same(c.apply(dir.resolve(c.name())), c.name());
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void mutantsGiveTheSameFindings(@TempDir Path dir) throws Exception {
        byte[][] bases = new byte[Mutant.BASES.length][];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = Samples.bytes(Mutant.BASES[i]);
        }
        int withRecordFindings = 0;
        for (int i = 0; i < MUTANTS; i++) {
            Mutant m = Mutant.of(FIRST_SEED + i, bases);
            Path db = dir.resolve("m" + i + ".db");
            Files.write(db, m.bytes());
            CheckReport a = fast.check(db, OpenOptions.defaults());
            CheckReport b = slow.check(db, OpenOptions.defaults());
            assertThat(a.findings()).as("Mutant.of(%d): %s", m.seed(), m.description()).isEqualTo(b.findings());
            if (a.stats().rows() > 0 && !a.findings().isEmpty()) {
                withRecordFindings++;
            }
            Files.delete(db);
        }
        assertThat(withRecordFindings).isGreaterThan(100);
    }

    private int same(Path db, String name) throws Exception {
        CheckReport a = fast.check(db, OpenOptions.defaults());
        CheckReport b = slow.check(db, OpenOptions.defaults());
        assertThat(a.findings()).as(name).isEqualTo(b.findings());
        assertThat(a.verdict()).as(name).isEqualTo(b.verdict());
        return 1;
    }
}
