package dev.loupe.check;

import dev.loupe.check.mutants.Mutant;
import dev.loupe.check.structure.PageDamage;
import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deep check's structural pass takes the leaf pages the record pass found sound from its summaries instead of
 * reading them (dev.loupe.check.structure.LeafSummaries). That must not change a single finding: every sample,
 * every catalogue case, a thousand seeded mutants and 480 copies with one b-tree page field damaged give the same
 * report, finding for finding, as a check whose structural pass reads every page. The checker's agreement with
 * SQLite on such files is held by CatalogueTest, MutantTest and StructureMatchesSqliteTest; this test holds the
 * two ways of running the structural pass to each other, sequentially and with four threads.
 */
class LeafSummariesFindingsTest {

    private static final long FIRST_SEED = 91_000_000L;
    private static final int MUTANTS = 1000;

    private final Checker summaries = Checker.standard(CheckOptions.defaults().withThreads(1));
    private final Checker parallel = Checker.standard(CheckOptions.defaults().withThreads(4));
    private final Checker every = summaries.withoutLeafSummaries();

    @Test
    void samplesAndCatalogueCasesGiveTheSameFindings(@TempDir Path dir) throws Exception {
        int compared = 0;
        int withFindings = 0;
        for (Sample s : Sample.values()) {
            same(Samples.copyTo(s, dir.resolve(s.name())), s.name());
            compared++;
        }
        for (Corruption c : Corruptions.all()) {
            withFindings += same(c.apply(dir.resolve(c.name())), c.name());
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(withFindings).isGreaterThan(50);
    }

    @Test
    void mutantsGiveTheSameFindings(@TempDir Path dir) throws Exception {
        assertThat(Mutant.eachAsFile(FIRST_SEED, MUTANTS, dir, this::same)).isGreaterThan(300);
    }

    @Test
    void damagedPageFieldsGiveTheSameFindings(@TempDir Path dir) throws Exception {
        Random random = new Random(20261123L);
        int withFindings = 0;
        for (int n = 0; n < 480; n++) {
            Path db = dir.resolve("d" + n + ".db");
            withFindings += same(db, PageDamage.damagedCopy(n, random, db));
            Files.delete(db);
        }
        assertThat(withFindings).isGreaterThan(300);
    }

    /** Compares the three checkers on {@code db}; 1 when the file has findings, else 0. */
    private int same(Path db, String what) throws Exception {
        CheckReport expected = every.check(db, OpenOptions.defaults());
        assertThat(summaries.check(db, OpenOptions.defaults()).findings()).as(what)
                .isEqualTo(expected.findings());
        assertThat(parallel.check(db, OpenOptions.defaults()).findings()).as(what + " (4 threads)")
                .isEqualTo(expected.findings());
        return expected.findings().isEmpty() ? 0 : 1;
    }
}
