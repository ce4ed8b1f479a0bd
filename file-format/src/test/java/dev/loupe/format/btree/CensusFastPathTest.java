package dev.loupe.format.btree;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page map built with the fast census (leaf cells counted from their varints) equals, census by census, the
 * one the decode-every-cell walk gives ({@link ReferenceCensus}): same pages in the same order, page types,
 * overflow pages, counts, depth and problems in the same order, and the same pages claimed after every tree. On
 * intact samples, on every catalogue corruption, and on seeded random damage to the samples.
 */
class CensusFastPathTest {

    /** Mutants per run: enough to hit damaged varints, payload sizes and pointers on leaves of every sample. */
    private static final int MUTANTS = 400;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void intactSamplesGiveTheSameMap(Sample sample) throws Exception {
        assertSameAsReference(Samples.bytes(sample), sample.fileName());
    }

    @Test
    void everyCatalogueCorruptionGivesTheSameMap() throws Exception {
        List<Corruption> all = Corruptions.all();
        assertThat(all).isNotEmpty();
        for (Corruption c : all) {
            assertSameAsReference(c.image().db(), c.name());
        }
    }

    @Test
    void seededMutationsGiveTheSameMap() throws Exception {
        Sample[] bases = Sample.values();
        byte[][] bytes = new byte[bases.length][];
        for (int i = 0; i < bases.length; i++) {
            bytes[i] = Samples.bytes(bases[i]);
        }
        int problemMaps = 0;
        for (long seed = 1; seed <= MUTANTS; seed++) {
            Random r = new Random(seed);
            int which = r.nextInt(bases.length);
            byte[] b = mutate(r, bytes[which].clone(), bases[which].pageSize());
            if (assertSameAsReference(b, "seed " + seed + " on " + bases[which].fileName())) {
                problemMaps++;
            }
        }
        // The mutations must actually damage b-trees, or this test compares intact walks only.
        assertThat(problemMaps).isGreaterThan(MUTANTS / 4);
    }

    /** One seeded change: random bytes, a run of random or 0xff bytes, a zeroed or 0xff page, or a bit flip. */
    private static byte[] mutate(Random r, byte[] b, int pageSize) {
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> {
                int len = 2 + r.nextInt(63);
                int at = r.nextInt(b.length - len);
                boolean ones = r.nextBoolean(); // 0xff runs make varints that run off the page
                for (int i = 0; i < len; i++) {
                    b[at + i] = ones ? (byte) 0xff : (byte) r.nextInt(256);
                }
            }
            case 2 -> {
                int page = 2 + r.nextInt(b.length / pageSize - 1);
                Arrays.fill(b, (page - 1) * pageSize, page * pageSize, r.nextBoolean() ? (byte) 0xff : 0);
            }
            case 3 -> {
                // a cell's first bytes on a random page: payload-size and rowid varints
                int page = 2 + r.nextInt(b.length / pageSize - 1);
                int at = (page - 1) * pageSize + pageSize / 2 + r.nextInt(pageSize / 2 - 9);
                for (int i = 0; i < 9; i++) {
                    b[at + i] = (byte) (0x80 | r.nextInt(256));
                }
            }
            default -> {
                int at = r.nextInt(b.length);
                b[at] ^= (byte) (1 << r.nextInt(8));
            }
        }
        return b;
    }

    /** Asserts the map's censuses equal the reference walk's; returns whether the map reports problems. */
    private static boolean assertSameAsReference(byte[] image, String what) throws Exception {
        Database db;
        try {
            db = Database.fromImage(image, what);
        } catch (RuntimeException e) {
            return false; // not openable as a database at all: no map to compare
        }
        try (db) {
            PageMap map = PageMap.build(db);
            PageSource pages = db.pages();
            int n = (int) Math.min(pages.pageCount(), Integer.MAX_VALUE - 8L);
            PageSet claimed = new PageSet();
            long lockByte = LockBytePage.of(pages.pageSize());
            if (lockByte <= n) {
                claimed.add(lockByte);
            }
            if (db.header().autoVacuum()) {
                for (long p = 2; p <= n; p++) {
                    if (PointerMap.isPtrmapPage(p, db.usableSize())) {
                        claimed.add(p);
                    }
                }
            }
            List<Problem> treeProblems = new ArrayList<>();
            for (ObjectPages o : map.objects()) {
                TreeCensus fast = o.census();
                TreeCensus ref = ReferenceCensus.of(pages, db.usableSize(), fast.root(), claimed);
                String at = what + ", tree " + o.name();
                assertThat(fast.pages()).as(at).containsExactly(ref.pages());
                assertThat(fast.pageTypes()).as(at).containsExactly(ref.pageTypes());
                assertThat(fast.overflow()).as(at).containsExactly(ref.overflow());
                assertThat(fast.problems()).as(at).containsExactlyElementsOf(ref.problems());
                assertThat(List.of(fast.interiorPages(), fast.leafPages(), fast.overflowPages(), fast.entries(),
                        (long) fast.depth())).as(at).containsExactly(ref.interiorPages(), ref.leafPages(),
                        ref.overflowPages(), ref.entries(), (long) ref.depth());
                treeProblems.addAll(ref.problems());
            }
            List<Problem> mapProblems = map.problems();
            int skip = n < pages.pageCount() ? 1 : 0;
            assertThat(mapProblems.subList(skip, skip + treeProblems.size())).as(what)
                    .containsExactlyElementsOf(treeProblems);
            return !mapProblems.isEmpty();
        }
    }
}
