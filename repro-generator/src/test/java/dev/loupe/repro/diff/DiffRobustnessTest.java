package dev.loupe.repro.diff;

import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import dev.loupe.format.Database;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import dev.loupe.samples.corrupt.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged files are the normal case: every case of the corruption catalogue diffed against its intact sample, and
 * seeded random byte mutations of samples, never make the diff throw; a file diffed against itself has no
 * difference, however damaged; a case SQLite's reader would call corrupt (an error finding) is incompatible.
 */
class DiffRobustnessTest {

    @TempDir
    Path dir;

    private static FileDiff diff(Database a, Database b, boolean check) throws Exception {
        return new FileDiffer(DiffOptions.defaults().withCheckThreads(1).withCheck(check).withMaxListed(100_000))
                .diff(a, b);
    }

    @Test
    void everyCatalogueCaseAgainstItsIntactSample() throws Exception {
        for (Corruption c : Corruptions.all()) {
            Path intact = Samples.copyTo(c.base(), dir.resolve("intact-" + c.name()));
            Path damaged = c.apply(dir.resolve("damaged-" + c.name()));
            FileDiff d;
            try (Database a = Database.open(intact); Database b = Database.open(damaged)) {
                d = diff(a, b, true);
            }
            boolean error = c.expectedCodes().stream().map(FindingCode::byCode)
                    .anyMatch(code -> code != null && code.severity() == Severity.ERROR);
            Image img = c.image();
            if (error && img.wal() == null) {
                assertThat(d.hasIncompatible()).as(c.name() + ": " + d.summary()).isTrue();
                assertThat(d.listed()).as(c.name()).anyMatch(x -> x.kind() == DiffKind.FINDING
                        && c.expectedCodes().contains(x.field()));
            }
        }
    }

    @Test
    void randomMutationsNeverThrowAndAFileEqualsItself() throws Exception {
        List<Sample> samples = List.of(Sample.PAGE_1024, Sample.INDEXES, Sample.OVERFLOW, Sample.WITHOUT_ROWID,
                Sample.AUTOVACUUM_FULL, Sample.UTF16LE, Sample.FREELIST);
        Random r = new Random(20261122L);
        for (int round = 0; round < 100; round++) {
            Sample s = samples.get(round % samples.size());
            byte[] base = Samples.bytes(s);
            byte[] mutated = base.clone();
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                // mostly inside page headers, cell pointers and record headers, where damage matters most
                int pos = r.nextBoolean() ? r.nextInt(base.length) : (r.nextInt(Math.max(1, base.length / 512)) * 512
                        + r.nextInt(64)) % base.length;
                mutated[pos] = (byte) r.nextInt(256);
            }
            Database a = Database.fromImage(base, s.fileName());
            Database b = Database.fromImage(mutated, "mutated-" + round);
            FileDiff d = diff(a, b, round % 10 == 0);
            assertThat(d.total()).isGreaterThanOrEqualTo(d.listed().size());
            assertThat(diff(b, Database.fromImage(mutated.clone(), "again"), round % 10 == 0).total())
                    .as("round %d: a damaged file diffed with itself", round).isZero();
        }
    }

    @Test
    void aSampleWithItsWalEqualsACopy() throws Exception {
        Path a = Samples.copyTo(Sample.WAL, dir.resolve("a"));
        Path b = Samples.copyTo(Sample.WAL, dir.resolve("b"));
        assertThat(Files.exists(dir.resolve("b").resolve(Sample.WAL.fileName() + "-wal"))).isTrue();
        try (Database da = Database.open(a); Database db = Database.open(b)) {
            assertThat(da.appliedCommit()).isPositive();
            assertThat(diff(da, db, true).total()).isZero();
        }
    }
}
