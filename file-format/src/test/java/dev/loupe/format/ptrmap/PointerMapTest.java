package dev.loupe.format.ptrmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pointer maps of auto-vacuum databases SQLite made, against what SQLite's {@code dbstat} implies for every page:
 * a root page is (1, 0); a non-root b-tree page is (5, the page whose dbstat path is its parent path); the first
 * overflow page of a cell is (3, the cell's page) and a later one (4, the previous overflow page); every other page
 * that is not a pointer-map page is free, (2, 0). Damaged entries are checked against
 * {@code PRAGMA integrity_check}.
 */
class PointerMapTest {

    record Expected(int type, long parent) {
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "page size {0}, reserved {1}, {2}")
    @CsvSource({
            "512, 0, FULL",
            "512, 0, INCREMENTAL",
            "1024, 0, FULL",
            "1024, 0, INCREMENTAL",
            "1024, 32, INCREMENTAL"})
    void everyEntryIsWhatSqliteImplies(int pageSize, int reserved, String mode) throws Exception {
        Path db = dir.resolve("p.db");
        makeDatabase(db, pageSize, reserved, mode);
        byte[] file = Files.readAllBytes(db);
        int usable = pageSize - (file[20] & 0xff);
        assertThat(usable).isEqualTo(pageSize - reserved);
        long pageCount = file.length / pageSize;
        assertThat(query(db, "PRAGMA integrity_check")).containsExactly("ok");

        Map<Long, Expected> expected = expectedFromDbstat(db);
        Set<Long> unused = new TreeSet<>();
        for (long p = 1; p <= pageCount; p++) {
            if (!expected.containsKey(p) && p != 1) {
                unused.add(p);
            }
        }
        Set<Long> ptrmapPages = new TreeSet<>();
        for (long p = 1; p <= pageCount; p++) {
            if (PointerMap.isPtrmapPage(p, usable)) {
                ptrmapPages.add(p);
            }
        }
        assertThat(ptrmapPages).as("pointer-map pages hold nothing dbstat lists").isSubsetOf(unused)
                .hasSizeGreaterThanOrEqualTo(3);
        unused.removeAll(ptrmapPages);
        assertThat((long) unused.size()).as("the rest is free").isEqualTo(Long.parseLong(
                query(db, "PRAGMA freelist_count").get(0)));
        if (mode.equals("INCREMENTAL")) {
            assertThat(unused).isNotEmpty();
        }
        for (long p : unused) {
            expected.put(p, new Expected(2, 0));
        }

        Map<Long, Expected> found = new TreeMap<>();
        for (long p : ptrmapPages) {
            byte[] page = java.util.Arrays.copyOfRange(file, (int) ((p - 1) * pageSize), (int) (p * pageSize));
            PtrmapPage decoded = PointerMap.decode(page, p, usable, pageCount);
            assertThat(decoded.problems()).isEmpty();
            for (PtrmapEntry e : decoded.entries()) {
                assertThat(PointerMap.ptrmapPageFor(e.page(), usable)).isEqualTo(p);
                assertThat(e.span().offset()).isEqualTo(PointerMap.entryOffset(e.page(), usable));
                assertThat(found.put(e.page(), new Expected(e.rawType(), e.parent()))).isNull();
            }
        }
        assertThat(found).isEqualTo(new TreeMap<>(expected));
        assertThat(found.values()).extracting(Expected::type).contains(1, 3, 4, 5);
    }

    @Test
    void damagedEntriesAreFoundWhereSqliteFindsThem() throws Exception {
        Path db = dir.resolve("d.db");
        makeDatabase(db, 512, 0, "FULL");
        byte[] base = Files.readAllBytes(db);
        long pageCount = base.length / 512;
        Map<Long, Expected> expected = expectedFromDbstat(db);
        long btreePage = firstOfType(expected, 5);
        long overflowPage = firstOfType(expected, 3);

        byte[] badType = base.clone();
        int at = entryPosition(btreePage, 512);
        badType[at] = 7;
        // SQLite's ptrmapGet refuses a type outside 1..5, so integrity_check cannot read the entry at all
        assertThat(integrityCheck(badType)).contains("Failed to read ptrmap key=" + btreePage);
        assertThat(decodeAll(badType, 512, pageCount)).singleElement().satisfies(p -> {
            assertThat(p.span().page()).isEqualTo(PointerMap.ptrmapPageFor(btreePage, 512));
            assertThat(p.span().offset()).isEqualTo(PointerMap.entryOffset(btreePage, 512));
            assertThat(p.message()).contains("page " + btreePage + " has type 7");
        });

        byte[] badParent = base.clone();
        BigEndian.putU32(badParent, entryPosition(overflowPage, 512) + 1, pageCount + 50);
        assertThat(integrityCheck(badParent)).contains("Bad ptr map entry key=" + overflowPage + " expected=(3,"
                + expected.get(overflowPage).parent() + ") got=(3," + (pageCount + 50) + ")");
        assertThat(decodeAll(badParent, 512, pageCount)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("page " + overflowPage + " has type 3"));
    }

    /**
     * At page size 1024 with no reserved bytes, the lock-byte page 2^30/1024+1 = 1048577 falls exactly where a
     * pointer-map page would go (1048575 = 205 * 5115), so btree.c's ptrmapPageno puts that pointer-map page at
     * 1048578, covering 203 pages instead of 204.
     */
    @Test
    void pointerMapPageMovesPastTheLockBytePage() {
        int usable = 1024;
        long lock = 1048577;
        assertThat(PointerMap.isPtrmapPage(lock - 205, usable)).isTrue();
        assertThat(PointerMap.isPtrmapPage(lock, usable)).isFalse();
        assertThat(PointerMap.isPtrmapPage(lock + 1, usable)).isTrue();
        assertThat(PointerMap.ptrmapPageFor(lock + 2, usable)).isEqualTo(lock + 1);
        assertThat(PointerMap.entryOffset(lock + 2, usable)).isZero();
        assertThat(PointerMap.entryOffset(lock, usable)).isEqualTo(-1);
        assertThat(PointerMap.ptrmapPageFor(lock + 204, usable)).isEqualTo(lock + 1);
        assertThat(PointerMap.ptrmapPageFor(lock + 205, usable)).isEqualTo(lock + 205);

        byte[] page = new byte[1024];
        for (int i = 0; i < 204; i++) {
            page[5 * i] = 2;
        }
        PtrmapPage moved = PointerMap.decode(page, lock + 1, usable, 2_000_000);
        assertThat(moved.entries()).hasSize(203);
        assertThat(moved.entries().get(0).page()).isEqualTo(lock + 2);
        assertThat(moved.entries().get(202).page()).isEqualTo(lock + 204);
        assertThat(moved.entryFor(lock + 100)).get().extracting(PtrmapEntry::span)
                .isEqualTo(dev.loupe.format.Span.inPage(lock + 1, 5 * 98, 5));

        // at page size 512 the lock-byte page 2097153 lies inside a group: its slot exists but it has no entry
        long lock512 = 2097153;
        long holder = PointerMap.ptrmapPageFor(lock512, 512);
        assertThat(holder).isLessThan(lock512);
        PtrmapPage around = PointerMap.decode(new byte[512], holder, 512, 3_000_000);
        assertThat(around.entries()).hasSize(101).noneMatch(e -> e.page() == lock512);
        assertThat(around.entryFor(lock512)).isEmpty();
        assertThat(around.entryFor(lock512 + 1)).isPresent();
    }

    @Test
    void decodeIsBoundedByTheFileAndTheBytes() {
        byte[] page = new byte[512];
        page[0] = 1;
        page[5] = 9;
        PtrmapPage p = PointerMap.decode(page, 2, 512, 4);
        assertThat(p.entries()).extracting(PtrmapEntry::page).containsExactly(3L, 4L);
        assertThat(p.problems()).singleElement().extracting(Problem::message).asString().contains("has type 9");

        assertThat(PointerMap.decode(new byte[10], 2, 512, 1000).entries()).hasSize(2);
        assertThat(PointerMap.decode(page, 3, 512, 1000).problems()).singleElement().extracting(Problem::message)
                .asString().contains("not a pointer-map page");
        assertThat(PointerMap.ptrmapPageFor(1, 512)).isZero();
        assertThat(PointerMap.isPtrmapPage(1, 512)).isFalse();
    }

    private static List<Problem> decodeAll(byte[] file, int pageSize, long pageCount) {
        List<Problem> problems = new ArrayList<>();
        for (long p = 2; p <= pageCount; p++) {
            if (PointerMap.isPtrmapPage(p, pageSize)) {
                byte[] page = java.util.Arrays.copyOfRange(file, (int) ((p - 1) * pageSize), (int) (p * pageSize));
                problems.addAll(PointerMap.decode(page, p, pageSize, pageCount).problems());
            }
        }
        return problems;
    }

    private static int entryPosition(long pgno, int pageSize) {
        return (int) ((PointerMap.ptrmapPageFor(pgno, pageSize) - 1) * pageSize
                + PointerMap.entryOffset(pgno, pageSize));
    }

    private static long firstOfType(Map<Long, Expected> expected, int type) {
        return expected.entrySet().stream().filter(e -> e.getValue().type() == type).mapToLong(Map.Entry::getKey)
                .min().orElseThrow();
    }

    /** The entry SQLite implies for every page dbstat lists, except page 1 (which has none). */
    static Map<Long, Expected> expectedFromDbstat(Path db) throws Exception {
        Map<String, Long> pageOfPath = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name, path, pageno, pagetype FROM dbstat")) {
            while (r.next()) {
                String[] row = {r.getString(1), r.getString(2), r.getString(3), r.getString(4)};
                rows.add(row);
                pageOfPath.put(row[0] + "\u0000" + row[1], Long.parseLong(row[2]));
            }
        }
        Map<Long, Expected> expected = new TreeMap<>();
        for (String[] row : rows) {
            String name = row[0];
            String path = row[1];
            long page = Long.parseLong(row[2]);
            Expected e;
            if (page == 1) {
                continue;
            } else if (path.equals("/")) {
                e = new Expected(1, 0);
            } else if (row[3].equals("overflow")) {
                // "<cell page path><cell index>+<overflow index, %.6x>"
                int plus = path.lastIndexOf('+');
                int n = Integer.parseInt(path.substring(plus + 1), 16);
                String parentPath = n == 0 ? path.substring(0, path.lastIndexOf('/') + 1)
                        : path.substring(0, plus + 1) + String.format("%06x", n - 1);
                e = new Expected(n == 0 ? 3 : 4, pageOfPath.get(name + "\u0000" + parentPath));
            } else {
                // "<parent path><child index>/"
                String trimmed = path.substring(0, path.length() - 1);
                e = new Expected(5, pageOfPath.get(name + "\u0000" + trimmed.substring(0, trimmed.lastIndexOf('/') + 1)));
            }
            assertThat(expected.put(page, e)).as("page %d listed once", page).isNull();
        }
        return expected;
    }

    /**
     * Several tables with overflow chains, an index, a WITHOUT ROWID table, deletes and a dropped table (which makes
     * auto-vacuum move root pages), made by the sqlite3 CLI because only it can set reserved bytes.
     */
    private void makeDatabase(Path db, int pageSize, int reserved, String mode) throws Exception {
        String script = ".filectrl reserve_bytes " + reserved + "\n"
                + "PRAGMA page_size=" + pageSize + ";\n"
                + "PRAGMA auto_vacuum=" + mode + ";\n"
                + "CREATE TABLE gone(x);\n"
                + "INSERT INTO gone SELECT randomblob(300) FROM generate_series(1, 40);\n"
                + "CREATE TABLE a(id INTEGER PRIMARY KEY, big BLOB);\n"
                + "INSERT INTO a SELECT value, randomblob(" + (3 * pageSize) + ") FROM generate_series(1, 200);\n"
                + "CREATE TABLE b(k TEXT PRIMARY KEY, v) WITHOUT ROWID;\n"
                + "INSERT INTO b SELECT printf('key-%06d', value), randomblob(40) FROM generate_series(1, 400);\n"
                + "CREATE TABLE c(x INTEGER, y TEXT);\n"
                + "CREATE INDEX c_y ON c(y);\n"
                + "INSERT INTO c SELECT value, hex(randomblob(20)) FROM generate_series(1, 600);\n"
                + "DELETE FROM a WHERE id % 3 = 0;\n"
                + "DELETE FROM c WHERE x % 5 = 0;\n"
                + "DROP TABLE gone;\n"
                + (mode.equals("INCREMENTAL") ? "PRAGMA incremental_vacuum(5);\n" : "");
        Process p = new ProcessBuilder("/usr/bin/sqlite3", "-batch", db.toString())
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private String integrityCheck(byte[] file) throws Exception {
        Path copy = Files.createTempFile(dir, "damaged", ".db");
        Files.write(copy, file);
        return String.join("\n", query(copy, "PRAGMA integrity_check"));
    }

    private static List<String> query(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
