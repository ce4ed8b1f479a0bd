package dev.loupe.repro.file;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.Checker;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random damage (a few bytes overwritten anywhere after page 1) on samples with overflow chains, several
 * indexes and a pointer map: the reducer never throws on what it meets while editing, and what it returns still
 * shows the finding it kept, with SQLite's verdict of the same kind as on the damaged original.
 */
class RandomDamageReductionTest {
    private static final Sample[] SAMPLES = {
        Sample.PAGE_1024, Sample.OVERFLOW, Sample.INDEXES, Sample.AUTOVACUUM_FULL, Sample.PAGE_512};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomDamageReduces(int seed) throws Exception {
        Random rnd = new Random(seed);
        byte[] db = Samples.bytes(SAMPLES[seed % SAMPLES.length]).clone();
        int pageSize = DbImage.pageSizeOf(db);
        int bytes = 1 + rnd.nextInt(8);
        for (int k = 0; k < bytes; k++) {
            db[pageSize + rnd.nextInt(db.length - pageSize)] = (byte) rnd.nextInt(256);
        }
        FileReduction r;
        try {
            r = new FileReducer(new FileReducer.Options(null, Duration.ofSeconds(20))).reduce(db);
        } catch (FileReducer.NothingToReduce e) {
            return; // the bytes hit nothing the checker calls an error
        }
        assertThat(r.reducedPages()).isLessThanOrEqualTo(r.originalPages());
        CandidateTest.Verdict v = CandidateTest.check(Checker.standard(CheckOptions.defaults()), r.reduced());
        assertThat(r.target().match(v.findings(), v.schema())).as("seed %d", seed).isNotNull();
        assertThat(SqliteIntegrity.kind(r.sqliteReduced())).isEqualTo(SqliteIntegrity.kind(r.sqliteOriginal()));
    }
}
