package dev.loupe.format;

import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-object page counts (interior, leaf, overflow) equal SQLite's dbstat virtual table, and every page is
 * accounted for: b-tree pages + freelist + pointer map + lock-byte page = page count, with no orphans.
 */
class SamplePagesMatchDbstatTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void pageCountsPerObjectEqualDbstat(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        try (Database loupe = Database.open(db); Sqlite sqlite = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
            Map<String, String> expected = new TreeMap<>();
            for (List<Object> r : sqlite.query("SELECT name, sum(pagetype = 'internal'), sum(pagetype = 'leaf'),"
                    + " sum(pagetype = 'overflow') FROM dbstat GROUP BY name")) {
                expected.put(((String) r.get(0)).toLowerCase(), r.get(1) + "/" + r.get(2) + "/" + r.get(3));
            }
            PageMap map = PageMap.build(loupe);
            assertThat(map.problems()).isEmpty();
            Map<String, String> actual = new TreeMap<>();
            for (ObjectPages o : map.objects()) {
                var c = o.census();
                String name = o.name().equals("sqlite_schema") ? "sqlite_schema" : o.name().toLowerCase();
                actual.put(name, c.interiorPages() + "/" + c.leafPages() + "/" + c.overflowPages());
            }
            if (expected.containsKey("sqlite_master")) {
                expected.put("sqlite_schema", expected.remove("sqlite_master"));
            }
            assertThat(actual).isEqualTo(expected);

            Map<PageKind, Long> kinds = map.countsByKind();
            assertThat(kinds.get(PageKind.ORPHAN)).isZero();
            assertThat(kinds.get(PageKind.UNREADABLE)).isZero();
            assertThat(kinds.get(PageKind.FREELIST_TRUNK) + kinds.get(PageKind.FREELIST_LEAF))
                    .isEqualTo(sqlite.scalarLong("PRAGMA freelist_count"));
            long treePages = sqlite.scalarLong("SELECT count(*) FROM dbstat");
            assertThat(treePages + kinds.get(PageKind.FREELIST_TRUNK) + kinds.get(PageKind.FREELIST_LEAF)
                    + kinds.get(PageKind.PTRMAP) + kinds.get(PageKind.LOCK_BYTE)).isEqualTo(loupe.pageCount());
        }
    }
}
