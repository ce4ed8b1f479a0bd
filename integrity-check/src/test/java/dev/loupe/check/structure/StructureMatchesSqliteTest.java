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

import java.nio.ByteBuffer;
import java.nio.file.Files;
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
 * by a seeded generator) every b-tree level line SQLite prints is a line Loupe's findings carry, and the reverse.
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

    @ParameterizedTest
    @EnumSource(Sample.class)
    void intactSamplesHaveNoErrors(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, dir);
        CheckReport r = quick().check(db, OpenOptions.defaults());
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void damagedCopiesGiveSqlitesLines() throws Exception {
        Sample[] bases = {Sample.DEMO, Sample.INDEXES, Sample.OVERFLOW, Sample.FREELIST, Sample.PAGE_512,
                Sample.AUTOVACUUM_FULL, Sample.WITHOUT_ROWID, Sample.RESERVED_32, Sample.AUTOVACUUM_INCREMENTAL,
                Sample.UTF16LE, Sample.PAGE_1024, Sample.TYPES};
        Random random = new Random(20261122L);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (int n = 0; n < 480; n++) {
            Sample base = bases[n % bases.length];
            byte[] bytes = Samples.bytes(base);
            String what = mutate(bytes, random);
            Path db = dir.resolve("m" + n + ".db");
            Files.write(db, bytes);
            List<String> sqlite = btreeLevel(Sqlite340.integrityCheck(db, dir.resolve("s" + n)));
            CheckReport r = quick().check(db, OpenOptions.ignoreWal());
            CheckReport parallel = quickParallel().check(db, OpenOptions.ignoreWal());
            if (!parallel.findings().equals(r.findings())) {
                failures.add(base + " " + what + ": the parallel walk found " + parallel.findings().size()
                        + " findings, the sequential one " + r.findings().size());
            }
            Set<String> ours = new LinkedHashSet<>();
            for (Finding f : r.findings()) {
                if (f.sqlite() != null) {
                    ours.add(f.sqlite());
                }
            }
            compared++;
            if (!new LinkedHashSet<>(sqlite).equals(ours)) {
                failures.add(base + " " + what + "\n  sqlite: " + sqlite + "\n  loupe:  " + ours);
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

    /** Damages one b-tree page field, chosen at random; returns what it did. */
    private static String mutate(byte[] b, Random random) {
        int pageSize = Short.toUnsignedInt(ByteBuffer.wrap(b, 16, 2).getShort());
        if (pageSize == 1) {
            pageSize = 65536;
        }
        int pages = b.length / pageSize;
        int page = 1 + random.nextInt(pages);
        int base = (page - 1) * pageSize;
        int hdr = base + (page == 1 ? 100 : 0);
        int type = b[hdr] & 0xff;
        boolean btree = type == 2 || type == 5 || type == 10 || type == 13;
        int kind = random.nextInt(8);
        if (!btree) {
            kind = 7;
        }
        int cells = btree ? Short.toUnsignedInt(ByteBuffer.wrap(b, hdr + 3, 2).getShort()) : 0;
        int ptrArray = hdr + (type == 2 || type == 5 ? 12 : 8);
        switch (kind) {
            case 0 -> {
                b[hdr] = (byte) 7;
                return "page " + page + ": type byte 7";
            }
            case 1 -> {
                if (cells == 0) {
                    b[hdr + 7] = (byte) 5;
                    return "page " + page + ": fragment count 5";
                }
                int i = random.nextInt(cells);
                int v = random.nextInt(pageSize);
                b[ptrArray + 2 * i] = (byte) (v >> 8);
                b[ptrArray + 2 * i + 1] = (byte) v;
                return "page " + page + ": cell pointer " + i + " = " + v;
            }
            case 2 -> {
                b[hdr + 7] = (byte) (b[hdr + 7] + 1 + random.nextInt(3));
                return "page " + page + ": fragment count +";
            }
            case 3 -> {
                if (type != 2 && type != 5) {
                    b[hdr + 1] = (byte) random.nextInt(256);
                    b[hdr + 2] = (byte) random.nextInt(256);
                    return "page " + page + ": first freeblock";
                }
                int child = random.nextBoolean() ? random.nextInt(pages + 3) : 1 + random.nextInt(Math.max(1, pages));
                ByteBuffer.wrap(b, hdr + 8, 4).putInt(child);
                return "page " + page + ": right child " + child;
            }
            case 4 -> {
                if (cells < 2) {
                    b[hdr + 3] = (byte) 0x7f;
                    return "page " + page + ": cell count 0x7f..";
                }
                int i = random.nextInt(cells - 1);
                byte x = b[ptrArray + 2 * i];
                byte y = b[ptrArray + 2 * i + 1];
                b[ptrArray + 2 * i] = b[ptrArray + 2 * i + 2];
                b[ptrArray + 2 * i + 1] = b[ptrArray + 2 * i + 3];
                b[ptrArray + 2 * i + 2] = x;
                b[ptrArray + 2 * i + 3] = y;
                return "page " + page + ": swapped cell pointers " + i + "," + (i + 1);
            }
            case 5 -> {
                int v = random.nextInt(pageSize);
                b[hdr + 5] = (byte) (v >> 8);
                b[hdr + 6] = (byte) v;
                return "page " + page + ": cell content start " + v;
            }
            case 6 -> {
                ByteBuffer.wrap(b, 36, 4).putInt(random.nextInt(5));
                return "freelist count";
            }
            default -> {
                // not a b-tree page (overflow, freelist, ptrmap): overwrite its first word
                int v = random.nextInt(pages + 2);
                ByteBuffer.wrap(b, base + (page == 1 ? 100 : 0), 4).putInt(v);
                return "page " + page + " (type " + type + "): first word = " + v;
            }
        }
    }
}
