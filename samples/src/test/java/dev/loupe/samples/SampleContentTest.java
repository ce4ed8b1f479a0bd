package dev.loupe.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each sample exercises what MANIFEST.md says it does: checked with SQLite's own view of the file (dbstat, pragmas,
 * typeof, hex) and, for the freelist, by following the trunk chain in the bytes.
 */
class SampleContentTest {
    @TempDir
    Path dir;

    private Sqlite open(Sample sample) throws Exception {
        return Sqlite.open(Samples.copyTo(sample, dir));
    }

    /** B-tree levels of a table or index (1 = the root is a leaf), from dbstat's page paths ('/', '/000/', ...). */
    private static long levels(Sqlite sqlite, String name) throws Exception {
        return sqlite.number("SELECT max(length(path) - length(replace(path, '/', ''))) FROM dbstat"
                + " WHERE name = ? AND pagetype <> 'overflow'", name);
    }

    private static long overflowPages(Sqlite sqlite, String name) throws Exception {
        return sqlite.number("SELECT count(*) FROM dbstat WHERE name = ? AND pagetype = 'overflow'", name);
    }

    @Test
    void demoHasARealisticSchemaWithOverflowAndFreelist() throws Exception {
        try (Sqlite sqlite = open(Sample.DEMO)) {
            assertThat(sqlite.strings("SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('view', 'trigger')"))
                    .containsExactlyInAnyOrder("view open_loans", "trigger loans_returned");
            assertThat(sqlite.number("SELECT wr FROM pragma_table_list WHERE name = 'tags'")).isOne();
            assertThat(sqlite.strings("SELECT name FROM sqlite_schema WHERE sql LIKE '%COLLATE NOCASE%'"))
                    .contains("authors_name", "members_email");
            for (String table : List.of("books", "loans", "tags", "books_title")) {
                assertThat(levels(sqlite, table)).as(table).isGreaterThanOrEqualTo(2);
            }
            assertThat(overflowPages(sqlite, "books")).isPositive();
            assertThat(sqlite.number("PRAGMA freelist_count")).isPositive();
            assertThat(sqlite.number("SELECT count(*) FROM loan_events")).isPositive();
            assertThat(sqlite.number("SELECT count(*) FROM open_loans")).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"PAGE_512", "PAGE_1024", "PAGE_65536", "RESERVED_8", "RESERVED_32"})
    void mixedTableHasEveryWidthDepthAndOverflow(Sample sample) throws Exception {
        try (Sqlite sqlite = open(sample)) {
            assertThat(levels(sqlite, "mixed")).isGreaterThanOrEqualTo(2);
            assertThat(overflowPages(sqlite, "mixed")).isPositive();
            for (long value : List.of(127L, 128L, -129L, 32768L, 8388608L, 2147483648L, (1L << 47), Long.MAX_VALUE,
                    Long.MIN_VALUE)) {
                assertThat(sqlite.number("SELECT count(*) FROM mixed WHERE i = ?", value)).as("i = %d", value)
                        .isPositive();
            }
            assertThat(sqlite.strings("SELECT DISTINCT typeof(v) FROM mixed"))
                    .contains("null", "integer", "real", "text", "blob");
            assertThat(sqlite.number("SELECT count(*) FROM mixed WHERE t = '' AND b = x''")).isOne();
            assertThat(sqlite.number("SELECT count(*) FROM mixed WHERE i IS NULL AND t IS NULL AND v IS NULL")).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"UTF16LE", "UTF16BE"})
    void utf16TextIsStoredInTheDatabaseEncoding(Sample sample) throws Exception {
        try (Sqlite sqlite = open(sample)) {
            // hex() shows the stored bytes: U+1D11E is the surrogate pair D834 DD1E in the file's byte order.
            String expected = sample == Sample.UTF16LE ? "34D81EDD" : "D834DD1E";
            assertThat(sqlite.text("SELECT hex(word) FROM words WHERE word = '𝄞' AND lang = 'single'")).isEqualTo(expected);
            assertThat(sqlite.number("SELECT count(*) FROM words INDEXED BY words_word WHERE word = 'café' AND lang = 'single'"))
                    .isOne();
            assertThat(sqlite.number("SELECT count(*) FROM words WHERE word GLOB '*日本語*'")).isGreaterThan(10);
            assertThat(overflowPages(sqlite, "words")).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"AUTOVACUUM_FULL", "AUTOVACUUM_INCREMENTAL"})
    void autoVacuumHasPointerMapsAndOverflowChains(Sample sample) throws Exception {
        ByteBuffer header = ByteBuffer.wrap(Samples.bytes(sample));
        assertThat(header.getInt(52)).as("largest root page").isPositive();
        assertThat(header.getInt(64)).as("incremental-vacuum flag").isEqualTo(sample.autoVacuum() == 2 ? 1 : 0);
        try (Sqlite sqlite = open(sample)) {
            int usable = sample.pageSize() - sample.reservedBytes();
            // Pointer-map pages sit at 2, 3 + U/5, ...: two of them need more than 2 + U/5 + 1 pages.
            assertThat(sqlite.number("PRAGMA page_count")).isGreaterThan(3 + usable / 5);
            assertThat(overflowPages(sqlite, "docs")).isGreaterThan(50);
            long free = sqlite.number("PRAGMA freelist_count");
            if (sample.autoVacuum() == 1) {
                assertThat(free).isZero();
            } else {
                assertThat(free).isGreaterThan(20);
            }
        }
    }

    @Test
    void withoutRowidTablesAreMultiLevelWithDescAndTextKeys() throws Exception {
        try (Sqlite sqlite = open(Sample.WITHOUT_ROWID)) {
            assertThat(sqlite.strings("SELECT name FROM pragma_table_list WHERE wr = 1 ORDER BY name"))
                    .containsExactly("dict", "edges", "events");
            for (String name : List.of("edges", "dict", "events", "edges_dst", "events_kind")) {
                assertThat(levels(sqlite, name)).as(name).isGreaterThanOrEqualTo(2);
            }
            assertThat(levels(sqlite, "dict")).isGreaterThanOrEqualTo(3);
            assertThat(overflowPages(sqlite, "dict")).isPositive();
            assertThat(sqlite.strings("SELECT name || ':' || desc FROM pragma_index_xinfo('sqlite_autoindex_events_1')"
                    + " WHERE key = 1")).containsExactly("day:1", "seq:0");
        }
    }

    @Test
    void overflowChainsMatchTheLocalPayloadRule() throws Exception {
        try (Sqlite sqlite = open(Sample.OVERFLOW)) {
            assertThat(sqlite.number("SELECT max(length(body)) FROM docs")).isEqualTo(60_000);
            assertThat(sqlite.number("SELECT max(length(data)) FROM docs")).isEqualTo(58_000);
            assertThat(overflowPages(sqlite, "docs")).isGreaterThan(150);
            assertThat(overflowPages(sqlite, "docs_abstract")).as("index cells overflow").isPositive();

            // SQLite's payload bytes over all pages of `boundary` = the record sizes the generator aimed at.
            assertThat(sqlite.number("SELECT sum(payload) FROM dbstat WHERE name = 'boundary'"))
                    .isEqualTo(sqlite.number("SELECT sum(payload_size) FROM boundary"));
            // Overflow pages per cell, from dbstat paths '/00L/00C+00000N', against fileformat2 §1.6.
            List<Long> actual = new ArrayList<>();
            for (String count : sqlite.strings("SELECT count(*) FROM dbstat WHERE name = 'boundary'"
                    + " AND pagetype = 'overflow' GROUP BY substr(path, 1, instr(path, '+')) ORDER BY 1")) {
                actual.add(Long.parseLong(count));
            }
            List<Long> expected = new ArrayList<>();
            int usable = Sample.OVERFLOW.pageSize();
            for (String size : sqlite.strings("SELECT payload_size FROM boundary")) {
                long pages = overflowPageCount(Integer.parseInt(size), usable);
                if (pages > 0) {
                    expected.add(pages);
                }
            }
            expected.sort(null);
            assertThat(actual).isEqualTo(expected).contains(1L, 2L, 3L);
        }
    }

    private static long overflowPageCount(int payload, int usable) {
        int maxLocal = usable - 35;
        int minLocal = (usable - 12) * 32 / 255 - 23;
        int k = minLocal + (payload - minLocal) % (usable - 4);
        int local = payload <= maxLocal ? payload : k <= maxLocal ? k : minLocal;
        return (payload - local + usable - 5) / (usable - 4);
    }

    @Test
    void freelistHasSeveralTrunks() throws Exception {
        ByteBuffer file = ByteBuffer.wrap(Samples.bytes(Sample.FREELIST));
        int pageSize = Sample.FREELIST.pageSize();
        int trunks = 0;
        long pages = 0;
        for (int trunk = file.getInt(32); trunk != 0 && trunks < 100; trunk = file.getInt((trunk - 1) * pageSize)) {
            trunks++;
            pages += 1 + file.getInt((trunk - 1) * pageSize + 4);
        }
        assertThat(trunks).isGreaterThanOrEqualTo(2);
        try (Sqlite sqlite = open(Sample.FREELIST)) {
            assertThat(sqlite.number("PRAGMA freelist_count")).isEqualTo(pages).isEqualTo(file.getInt(36))
                    .isGreaterThan(200);
        }
    }

    @Test
    void walHasUncheckpointedCommitsRewritingPagesAndGrowingTheFile() {
        byte[] wal = Samples.walBytes(Sample.WAL);
        ByteBuffer frames = ByteBuffer.wrap(wal);
        Map<Integer, Integer> versions = new HashMap<>();
        List<Integer> commitSizes = new ArrayList<>();
        for (int frame = 0; frame < WalFrames.frameCount(wal); frame++) {
            int offset = WalFrames.frameOffset(wal, frame);
            versions.merge(frames.getInt(offset), 1, Integer::sum);
            if (frames.getInt(offset + 4) != 0) {
                commitSizes.add(frames.getInt(offset + 4));
            }
        }
        assertThat(commitSizes).hasSizeGreaterThanOrEqualTo(25);
        assertThat(versions.values().stream().filter(n -> n >= 3).count()).as("pages with 3+ versions")
                .isGreaterThanOrEqualTo(3);
        int pagesInFile = Samples.bytes(Sample.WAL).length / Sample.WAL.pageSize();
        assertThat(commitSizes.get(0)).isEqualTo(pagesInFile);
        assertThat(commitSizes).isSorted();
        assertThat(commitSizes.get(commitSizes.size() - 1)).isGreaterThan(2 * pagesInFile);
    }

    @Test
    void indexesCoverEveryKind() throws Exception {
        try (Sqlite sqlite = open(Sample.INDEXES)) {
            List<String> sql = sqlite.strings("SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL");
            for (String feature : List.of("DESC", "COLLATE NOCASE", "COLLATE RTRIM", "WHERE age >= 18", "lower(last)",
                    "a + b", "substr(code, 1, 3)", "CREATE UNIQUE INDEX")) {
                assertThat(sql).as(feature).anyMatch(s -> s.contains(feature));
            }
            assertThat(sqlite.strings("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NULL"))
                    .containsExactlyInAnyOrder("sqlite_autoindex_people_1", "sqlite_autoindex_codes_1",
                            "sqlite_autoindex_codes_2", "sqlite_autoindex_pairs_1", "sqlite_autoindex_pairs_2");
            assertThat(sqlite.number("SELECT count(*) FROM people INDEXED BY people_adults WHERE age >= 18"))
                    .isEqualTo(sqlite.number("SELECT count(*) FROM people NOT INDEXED WHERE age >= 18"));
            assertThat(sqlite.number("SELECT count(*) FROM people WHERE code <> rtrim(code)")).isPositive();
            assertThat(sqlite.number("SELECT count(*) FROM people WHERE email IS NULL")).isGreaterThan(1);
            assertThat(levels(sqlite, "people_email_nocase")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void addedColumnsReadTheirDefaultsFromOldRows() throws Exception {
        try (Sqlite sqlite = open(Sample.ALTER_ADD_COLUMN)) {
            assertThat(sqlite.single("SELECT qty, delta, ratio, label, tag, extra, weight, typeof(weight), offset_,"
                    + " big, plain FROM items WHERE id = 1"))
                    .isEqualTo("7 | -42 | 2.5/4004000000000000 | 'unlabelled' | x'cafe01' | NULL"
                            + " | 3.0/4008000000000000 | 'real' | -0.5/bfe0000000000000 | 9223372036854775807 | NULL");
            assertThat(sqlite.number("SELECT count(*) FROM items")).isEqualTo(40 + 10 * 6);
        }
    }

    @Test
    void typesCoverSerialTypesAffinitiesAndSpecialTables() throws Exception {
        try (Sqlite sqlite = open(Sample.TYPES)) {
            assertThat(sqlite.strings("SELECT DISTINCT typeof(v) FROM serial"))
                    .containsExactlyInAnyOrder("null", "integer", "real", "text", "blob");
            assertThat(sqlite.number("SELECT count(*) FROM serial WHERE v = 0 OR v = 1")).isGreaterThanOrEqualTo(2);
            // REAL affinity: the integer 12 comes back as a real.
            assertThat(sqlite.text("SELECT typeof(r) FROM affinity WHERE input = 'Long 12'")).isEqualTo("real");
            assertThat(sqlite.text("SELECT typeof(n) || ' ' || typeof(t) || ' ' || typeof(i) FROM affinity"
                    + " WHERE input = 'String ''123'''")).isEqualTo("integer text integer");
            assertThat(sqlite.strings("SELECT min(id) || ' ' || max(id) FROM rowids"))
                    .containsExactly(Long.MIN_VALUE + " " + Long.MAX_VALUE);
            assertThat(sqlite.number("SELECT strict FROM pragma_table_list WHERE name = 'strict_t'")).isOne();
            // table_xinfo hidden: 2 = VIRTUAL generated column, 3 = STORED.
            assertThat(sqlite.strings("SELECT name || ':' || hidden FROM pragma_table_xinfo('generated') WHERE hidden > 0"))
                    .containsExactlyInAnyOrder("total:3", "label:2", "doubled:2");
            assertThat(sqlite.single("SELECT total, label, doubled FROM generated WHERE a = -7")).isEqualTo("0 | '-7/7' | 0");
        }
    }
}
