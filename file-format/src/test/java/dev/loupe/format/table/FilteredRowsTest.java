package dev.loupe.format.table;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.schema.Table;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TableReader#read(Table, TableReader.RowFilter, RowSink)} reads its leaf pages itself: what it hands on must
 * be what the plain read hands on, less the rows the filter turns down. On every intact sample and every catalogue
 * corruption (damaged cells, pointers, pages and overflow chains among them).
 */
class FilteredRowsTest {

    @Test
    void samplesAndCatalogueReadAsWithoutTheFilter() throws Exception {
        int asked = 0;
        int handedOn = 0;
        for (Sample s : Sample.values()) {
            int[] n = compare(Samples.bytes(s), s.fileName());
            asked += n[0];
            handedOn += n[1];
        }
        for (Corruption c : Corruptions.all()) {
            int[] n = compare(c.image().db(), c.name());
            asked += n[0];
            handedOn += n[1];
        }
        // most rows lie wholly on their leaf; some do not (overflow, damage) and are handed on unasked
        assertThat(asked).isGreaterThan(1_000);
        assertThat(handedOn).isGreaterThan(0);
    }

    /** {rows the filter was asked about, rows handed on although the filter turned every row down}. */
    private static int[] compare(byte[] image, String what) throws Exception {
        Database db;
        try {
            db = Database.fromImage(image, what);
        } catch (RuntimeException e) {
            return new int[2]; // not openable as a database at all
        }
        int asked = 0;
        int handedOn = 0;
        try (db) {
            for (Table t : db.schema().tables()) {
                if (t.virtual() || t.rootPage() == 0) {
                    continue;
                }
                String table = what + " " + t.name();
                Read plain = new Read();
                new TableReader(db).read(t, plain);
                // a filter that wants every row: the same rows and problems, in the same order
                Read all = new Read();
                new TableReader(db).read(t, (page, offset, size, rowid) -> true, all);
                assertThat(all.rows).as(table).isEqualTo(plain.rows);
                assertThat(all.problems).as(table).isEqualTo(plain.problems);
                // a filter that wants none: the rows it was not asked about, in order, and the same problems
                Read none = new Read();
                int[] count = {0};
                new TableReader(db).read(t, (page, offset, size, rowid) -> {
                    count[0]++;
                    return false;
                }, none);
                if (!none.rows.isEmpty()) {
                    assertThat(plain.rows).as(table).containsSubsequence(none.rows);
                }
                assertThat(count[0] + none.rows.size()).as(table).isEqualTo(plain.rows.size());
                assertThat(none.problems).as(table).isEqualTo(plain.problems);
                asked += count[0];
                handedOn += none.rows.size();
            }
        }
        return new int[] {asked, handedOn};
    }

    private static final class Read implements RowSink {
        final List<Row> rows = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        @Override
        public boolean row(Row row) {
            rows.add(row);
            return true;
        }

        @Override
        public void problem(Problem problem) {
            problems.add(problem);
        }
    }
}
