package dev.loupe.check.structure;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import dev.loupe.check.Sqlite340;
import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The b-tree level checks against the sqlite3 3.40 CLI: on intact samples neither reports anything; on damaged
 * copies (page headers, cell pointers, child pointers, freelist and fragment counts, overflow pointers, chosen
 * by a seeded generator, {@link PageDamage}) every b-tree level line SQLite prints is a line Loupe's findings carry,
 * and the reverse, for the quick check and for the deep one.
 */
class StructureMatchesSqliteTest {

    @TempDir
    Path dir;

    private static Checker quick() {
        return new Checker(CheckOptions.defaults().withQuick(true).withThreads(1), List.of());
    }

    /** The same check with subtrees walked in parallel: its findings must equal the sequential ones exactly. */
    private static Checker quickParallel() {
        return new Checker(CheckOptions.defaults().withQuick(true).withThreads(4), List.of());
    }

    /** The deep check (record pass, then the structural pass helped by the record pass's leaf summaries). */
    private static Checker deep() {
        return Checker.standard(CheckOptions.defaults().withThreads(1));
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void intactSamplesHaveNoErrors(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, dir);
        CheckReport r = quick().check(db, OpenOptions.defaults());
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void damagedCopiesGiveSqlitesLines() throws Exception {
        Random random = new Random(20261122L);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (int n = 0; n < 480; n++) {
            Path db = dir.resolve("m" + n + ".db");
            String what = PageDamage.damagedCopy(n, random, db);
            List<String> sqlite = btreeLevel(Sqlite340.integrityCheck(db, dir.resolve("s" + n)));
            CheckReport r = quick().check(db, OpenOptions.ignoreWal());
            CheckReport parallel = quickParallel().check(db, OpenOptions.ignoreWal());
            if (!parallel.findings().equals(r.findings())) {
                failures.add(what + ": the parallel walk found " + parallel.findings().size()
                        + " findings, the sequential one " + r.findings().size());
            }
            // the deep check runs the structural pass after the record pass, taking the leaves that pass found
            // sound from its summaries: its b-tree level lines must be SQLite's all the same
            List<String> deepLines = new ArrayList<>();
            for (Finding f : deep().check(db, OpenOptions.ignoreWal()).findings()) {
                if (f.sqlite() != null) {
                    deepLines.add(f.sqlite());
                }
            }
            if (!new LinkedHashSet<>(sqlite).equals(new LinkedHashSet<>(btreeLevel(deepLines)))) {
                failures.add(what + " (deep check)\n  sqlite: " + sqlite + "\n  loupe:  "
                        + btreeLevel(deepLines));
            }
            Set<String> ours = new LinkedHashSet<>();
            for (Finding f : r.findings()) {
                if (f.sqlite() != null) {
                    ours.add(f.sqlite());
                }
            }
            compared++;
            if (!new LinkedHashSet<>(sqlite).equals(ours)) {
                failures.add(what + "\n  sqlite: " + sqlite + "\n  loupe:  " + ours);
            }
        }
        assertThat(compared).isEqualTo(480);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /** SQLite's b-tree level lines: the table-level ones and error trailers are for other checks. */
    private static List<String> btreeLevel(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.equals("ok") || l.startsWith("Error:") || l.equals("database disk image is malformed")
                    || l.startsWith("row ") || l.startsWith("wrong # of entries") || l.startsWith("NULL value")
                    || l.startsWith("non-unique entry") || l.contains(" value in ") || l.startsWith("CHECK constraint")) {
                continue;
            }
            out.add(l);
        }
        return out;
    }
}
