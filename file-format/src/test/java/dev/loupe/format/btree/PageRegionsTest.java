package dev.loupe.format.btree;

import dev.loupe.format.Database;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every byte of every b-tree page is accounted for: header, cell pointers, unallocated region, cells, freeblocks,
 * fragments and the reserved region add up to the page size; the cell count equals dbstat's {@code ncell}; and
 * unallocated + freeblock + fragment bytes equal dbstat's {@code unused} (which leaves the reserved region out).
 */
class PageRegionsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"DEMO", "PAGE_512", "RESERVED_8", "RESERVED_32", "FREELIST", "OVERFLOW"})
    void regionsCoverThePageAndUnusedMatchesDbstat(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        try (Database loupe = Database.open(db); Sqlite sqlite = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
            int checked = 0;
            for (List<Object> r : sqlite.query("SELECT pageno, unused, ncell FROM dbstat WHERE pagetype IN ('internal','leaf')")) {
                long pgno = ((Number) r.get(0)).longValue();
                BTreePage page = BTreePage.decode(pgno, loupe.pages().read(pgno), loupe.usableSize());
                assertThat(page.problems()).isEmpty();
                assertThat((long) page.cellCount()).isEqualTo(((Number) r.get(2)).longValue());
                int cells = page.cells().stream().mapToInt(Cell::size).sum();
                int free = page.freeblocks().stream().mapToInt(Freeblock::size).sum();
                int frag = page.header().fragmentedFreeBytes();
                int header = page.header().offset() + page.header().size() + 2 * page.cellCount();
                assertThat(header + page.unallocatedBytes() + cells + free + frag + page.reservedSpan().length())
                        .as("page %d regions", pgno).isEqualTo(loupe.pageSize());
                assertThat(page.reservedSpan().length()).isEqualTo(sample.reservedBytes());
                assertThat((long) page.unallocatedBytes() + free + frag)
                        .as("page %d unused", pgno).isEqualTo(((Number) r.get(1)).longValue());
                checked++;
            }
            assertThat(checked).isPositive();
        }
    }
}
