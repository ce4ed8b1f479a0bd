package dev.loupe.format.robustness;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadPiece;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.format.page.MemoryPageSource;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.TableReader;
import dev.loupe.format.wal.WalPageSource;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader bugs the robustness tests found, each with its smallest reproducer, and SQLite's verdict on the same
 * bytes where SQLite can be asked.
 */
class ReaderFixesTest {

    @TempDir
    Path tmp;

    /**
     * Found by MutationRobustnessTest (RECORD_HEADER, CELL_COUNT): serial types whose value sizes add up past
     * 2^63 made {@code body + size} overflow, pass the bounds check, and throw NegativeArraySizeException. A
     * 9-byte serial type with its top bit set was read as a small type (int8, float...) by an int cast. SQLite
     * reads any serial type above 2^32-1 as 0xffffffff (util.c sqlite3GetVarint32): a text longer than any payload.
     */
    @Test
    void hugeSerialTypesAreValuesPastThePayloadNotExceptions() throws Exception {
        byte[] nineFf = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff};
        // header: size 20, two 9-byte serial types of 0xffff...ff (negative as a long), then NULL; 12 body bytes
        byte[] record = new byte[32];
        record[0] = 20;
        System.arraycopy(nineFf, 0, record, 1, 9);
        System.arraycopy(nineFf, 0, record, 10, 9);
        record[19] = 0;
        Arrays.fill(record, 20, 32, (byte) 0xab);

        Record r = new RecordDecoder(TextEncoding.UTF8, true).decode(payloadOf(record));
        assertThat(r.columnCount()).isEqualTo(3);
        assertThat(r.value(0)).isNull();
        assertThat(r.value(1)).isNull();
        assertThat(r.problems()).extracting(Problem::kind).contains(ProblemKind.RECORD_BODY);

        // 0x8000000000000001 (9 bytes: c0 80 80 80 80 80 80 80 01) used to read as serial type 1, an int8
        byte[] negative = new byte[12];
        negative[0] = 10;
        Arrays.fill(negative, 1, 9, (byte) 0x80);
        negative[1] = (byte) 0xc0;
        negative[9] = 0x01;
        negative[10] = 0x2a;
        negative[11] = 0x2a;
        Record n = new RecordDecoder(TextEncoding.UTF8, true).decode(payloadOf(negative));
        assertThat(n.value(0)).as("a value SQLite never sees as an int8").isNull();
        assertThat(n.problems()).extracting(Problem::kind).contains(ProblemKind.RECORD_BODY);

        // SQLite on the same record bytes, put in place of a real row's 32-byte payload: corrupt, not a value
        Path db = tmp.resolve("huge-serial-types.db");
        try (Sqlite s = Sqlite.openCopy(emptyDb(), tmp.resolve("build"))) {
            for (String sql : List.of("CREATE TABLE t(x)", "INSERT INTO t VALUES (x'" + "ab".repeat(30) + "')",
                    "VACUUM INTO '" + db + "'")) {
                try (var st = s.connection().createStatement()) {
                    st.executeUpdate(sql);
                }
            }
        }
        byte[] image = Files.readAllBytes(db);
        int body = indexOf(image, new byte[30], (byte) 0xab);
        int start = body - 2; // header: size 2, serial type 72 (blob of 30)
        assertThat(image[start]).isEqualTo((byte) 2);
        System.arraycopy(record, 0, image, start, 32);
        Files.write(db, image);
        try (Sqlite s = Sqlite.openCopy(db, tmp.resolve("check"))) {
            assertThatThrownBy(() -> s.query("SELECT x FROM t")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("malformed");
        }
        try (Database ours = Database.open(db)) {
            FullRead.of(ours); // no exception anywhere
        }
    }

    /**
     * Found by MutationRobustnessTest (CELL_COUNT on page65536.db: 10922 cell pointers into one page): each payload
     * read allocated its local part plus four overflow pages up front, before following a chain that here ends at
     * once; thousands of garbage cells made gigabytes of allocation and a multi-second hang. Now the buffer grows
     * only with overflow pages actually read.
     */
    @Test
    void payloadBuffersGrowWithPagesReadNotWithTheDeclaredSize() throws Exception {
        int pageSize = 65536;
        byte[] page = new byte[pageSize];
        page[0] = 13; // table leaf
        int cells = 5000;
        BigEndian.putU16(page, 3, cells);
        int cellAt = 20_000;
        BigEndian.putU16(page, 5, cellAt);
        for (int i = 0; i < cells; i++) {
            BigEndian.putU16(page, 8 + 2 * i, cellAt); // every pointer to the same cell
        }
        // payload size 2^31-1 (5-byte varint), rowid 1; the local part and a first-overflow pointer of 0 follow
        byte[] cell = {(byte) 0x87, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x01};
        System.arraycopy(cell, 0, page, cellAt, cell.length);
        byte[] image = page.clone();
        MemoryPageSource source = new MemoryPageSource(image, pageSize, "many-cells");
        BTreePage p = BTreePage.decode(2, page, pageSize);
        PayloadReader reader = new PayloadReader(source, pageSize);

        long before = allocated();
        int read = 0;
        for (int i = 0; i < p.cellCount(); i++) {
            Cell c = p.cell(i);
            if (c instanceof PayloadCell pc) {
                Payload payload = reader.read(p.data(), pc.payload());
                assertThat(payload.problems()).isNotEmpty();
                read++;
            }
        }
        long used = allocated() - before;
        assertThat(read).isEqualTo(cells);
        // local part: 8199 bytes per cell here (M for U = 65536); the old code took 8199 + 4 * 65536 per cell
        assertThat(used).as("bytes allocated reading %d payloads", read).isLessThan(cells * 20_000L);
    }

    /**
     * Found by MutationRobustnessTest (WAL RECHAINED_COMMIT_SIZE): a commit frame with a valid checksum whose
     * database size is 0xffffffff gave a WAL view of 4 billion pages, and PageMap.build died allocating per page
     * (OutOfMemoryError). SQLite accepts the WAL, and its b-tree layer then takes the size from page 1's header
     * (btree.c lockBtree: the header's page count when valid), here the true 24 pages; our view keeps at most twice
     * the pages the files supply plus {@link WalPageSource#MAX_EXTRA_ZERO_PAGES} and reports the rest.
     */
    @Test
    void aCommitFrameClaimingBillionsOfPagesDoesNotMakeTheViewThatLarge() throws Exception {
        WalDamage.Files f = new WalDamage.Files(Samples.bytes(Sample.WAL), Samples.walBytes(Sample.WAL));
        int last = -1;
        for (int k = 0; k < f.frames(); k++) {
            if (BigEndian.u32(f.wal, f.frameStart(k) + 4) != 0) {
                last = k;
            }
        }
        BigEndian.putU32(f.wal, f.frameStart(last) + 4, 0xffffffffL);
        f.rechain();
        Path dir = Files.createDirectories(tmp.resolve("wal"));
        Path db = dir.resolve("wal.db");
        Files.write(db, f.db);
        Files.write(dir.resolve("wal.db-wal"), f.wal);

        try (Sqlite s = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
            assertThat(s.scalarLong("PRAGMA page_count")).as("SQLite uses page 1's page count").isEqualTo(24);
            assertThat(s.scalarText("PRAGMA integrity_check")).isEqualTo("ok");
        }
        try (Database ours = Database.open(db)) {
            long supplied = f.db.length / 1024 + (last + 1);
            assertThat(ours.pageCount()).isLessThanOrEqualTo(2 * supplied + WalPageSource.MAX_EXTRA_ZERO_PAGES);
            assertThat(ours.problems()).extracting(Problem::kind).contains(ProblemKind.WAL_FRAME);
            assertThat(PageMap.build(ours).pageCount()).isEqualTo(ours.pageCount());
        }
    }

    /**
     * Found by MutationRobustnessTest (seed 1, TARGETED_BIT_FLIPS on page65536.db): a 64 KiB page of garbage holds
     * thousands of overlapping cells whose record headers each list thousands of serial types; reading its rows
     * decoded every column of every cell, about 41 million fields and 2.7 GB of allocation for this one page.
     * TableReader now decodes a record's header only as far as the table's columns (and one more), as SQLite's
     * OP_Column does. SQLite's integrity_check reports the page.
     */
    @Test
    void rowsOfAGarbagePageCostWhatTheTableNeedsNotWhatTheHeadersList() throws Exception {
        Path db = tmp.resolve("garbage-page.db");
        try (Sqlite s = Sqlite.openCopy(emptyDb(), tmp.resolve("build"))) {
            for (String sql : List.of("PRAGMA page_size = 65536", "CREATE TABLE t(a, b)",
                    "INSERT INTO t VALUES (1, 2)", "VACUUM INTO '" + db + "'")) {
                try (var st = s.connection().createStatement()) {
                    st.executeUpdate(sql);
                }
            }
        }
        byte[] image = Files.readAllBytes(db);
        int pageSize = 65536;
        byte[] page = new byte[pageSize];
        page[0] = 13; // table leaf, root of t
        int cells = 9000;
        BigEndian.putU16(page, 3, cells);
        BigEndian.putU16(page, 5, 20_000);
        for (int i = 0; i < cells; i++) {
            BigEndian.putU16(page, 8 + 2 * i, 20_000 + i); // a cell at every byte: they overlap
        }
        for (int i = 20_000; i < pageSize; i++) {
            // 83 80 00 repeated: every third cell declares a 49152-byte payload with a 49152-byte record header
            page[i] = (byte) new int[]{0x83, 0x80, 0x00}[(i - 20_000) % 3];
        }
        System.arraycopy(page, 0, image, pageSize, pageSize);
        Files.write(db, image);

        try (Sqlite s = Sqlite.openCopy(db, tmp.resolve("check"))) {
            assertThat(s.scalarText("PRAGMA integrity_check")).isNotEqualTo("ok");
        }
        try (Database ours = Database.open(db)) {
            Table t = ours.schema().tables().get(0);
            long before = allocated();
            List<Row> rows = new TableReader(ours).readAll(t);
            long used = allocated() - before;
            assertThat(rows).hasSize(cells);
            assertThat(used).as("bytes allocated reading the rows").isLessThan(200L << 20);
        }
    }

    private static Payload payloadOf(byte[] record) {
        return new Payload(record, 0, record.length, record.length,
                List.of(new PayloadPiece(0, Span.inPage(2, 100, record.length))), new long[0], List.of());
    }

    private Path emptyDb() throws Exception {
        Path p = tmp.resolve("empty.db");
        Files.write(p, new byte[0]);
        return p;
    }

    private static int indexOf(byte[] image, byte[] run, byte value) {
        Arrays.fill(run, value);
        for (int i = 0; i + run.length <= image.length; i++) {
            if (Arrays.equals(image, i, i + run.length, run, 0, run.length)) {
                return i;
            }
        }
        throw new AssertionError("run not found");
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
