package dev.loupe.check.mutants;

import dev.loupe.check.CheckCache;
import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.format.Database;
import dev.loupe.format.Progress;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check that reuses per-tree walks and per-table record-level findings ({@link CheckCache}) gives exactly the
 * report of a plain check (same findings, same order, same SQLite lines), on the intact samples and on seeded
 * mutants of them (second references between trees, loops, bad headers, pointer-map damage): with an empty cache
 * (every tree walked on its own and merged in SQLite's order), with a cache that holds every walk, and when the
 * cache comes from the intact sample and is told which pages the mutant changed, as `wal bisect` does between
 * two commits. Whether the plain check itself agrees with SQLite is what MutantTest and the catalogue test.
 */
class CachedCheckTest {

    static final int MUTANTS = 400;

    @Test
    void cachedReportsEqualPlainReports() throws Exception {
        Checker checker = Checker.standard(CheckOptions.defaults().withThreads(1));
        byte[][] bases = Mutant.baseBytes();
        List<String> failures = new ArrayList<>();
        for (Sample s : Sample.values()) {
            compare(checker, null, Samples.bytes(s), s.fileName(), failures);
        }
        for (int i = 0; i < MUTANTS; i++) {
            Mutant m = Mutant.of(MutantTest.FIRST_SEED + i, bases);
            compare(checker, bases[indexOf(m.base())], m.bytes(), m.toString(), failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void compare(Checker checker, byte[] before, byte[] image, String name, List<String> failures)
            throws Exception {
        CheckReport plain = checker.check(Database.fromImage(image, name));
        CheckCache cache = new CheckCache();
        same(plain, checker.check(Database.fromImage(image, name), Progress.NONE, cache), name + " (empty cache)",
                failures);
        same(plain, checker.check(Database.fromImage(image, name), Progress.NONE, cache), name + " (full cache)",
                failures);
        if (before != null) {
            CheckCache fromBase = new CheckCache();
            checker.check(Database.fromImage(before, "base"), Progress.NONE, fromBase);
            fromBase.written(changedPages(before, image, Database.fromImage(image, name).pageSize()));
            same(plain, checker.check(Database.fromImage(image, name), Progress.NONE, fromBase),
                    name + " (cache of the intact file)", failures);
        }
    }

    private static void same(CheckReport plain, CheckReport cached, String what, List<String> failures) {
        if (!plain.findings().equals(cached.findings()) || plain.verdict() != cached.verdict()) {
            failures.add(what + ":\n  plain  " + plain.findings() + "\n  cached " + cached.findings());
        }
    }

    /** Pages whose bytes differ, and pages present in only one of the two images. */
    private static BitSet changedPages(byte[] a, byte[] b, int pageSize) {
        BitSet changed = new BitSet();
        int pages = (Math.max(a.length, b.length) + pageSize - 1) / pageSize;
        for (int p = 0; p < pages; p++) {
            int from = p * pageSize;
            int to = from + pageSize;
            if (to > a.length || to > b.length
                    || !java.util.Arrays.equals(a, from, to, b, from, to)) {
                changed.set(p + 1);
            }
        }
        return changed;
    }

    private static int indexOf(Sample s) {
        for (int i = 0; i < Mutant.BASES.length; i++) {
            if (Mutant.BASES[i] == s) {
                return i;
            }
        }
        throw new AssertionError(s);
    }
}
