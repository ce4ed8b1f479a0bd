package dev.loupe.check.index;

import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's "row N missing from index I" line read back, and an index's findings put in SQLite's row order by it
 * (IndexChecksTest holds whole reports to sqlite3's order).
 */
class MissingRowLineTest {

    @Test
    void readsBackThePositionItWrites() {
        assertThat(MissingRowLine.position(line(MissingRowLine.of(1, "i")))).isEqualTo(1);
        assertThat(MissingRowLine.position(line(MissingRowLine.of(9_876_543_210L, "t_name"))))
                .isEqualTo(9_876_543_210L);
        assertThat(MissingRowLine.of(402, "i")).isEqualTo("row 402 missing from index i");
    }

    @Test
    void otherLinesHaveNoPosition() {
        for (String s : new String[] {null, "wrong # of entries in index i", "row 5 values differ from index i",
                "row  missing from index i", "row 5x missing from index i", "row -5 missing from index i",
                "non-unique entry in index i"}) {
            assertThat(MissingRowLine.position(line(s))).as(s).isEqualTo(-1);
        }
    }

    /** The rows named in two passes come out in row order, in the slots those findings held; the others stay. */
    @Test
    void anIndexsMissingRowsComeInRowOrder() {
        FindingSink sink = new FindingSink(100);
        Finding count = line("wrong # of entries in index i");
        Finding notChecked = Finding.of(FindingCode.NOT_CHECKED, "not checked").object("i").build();
        Finding r401 = line(MissingRowLine.of(401, "i"));
        Finding r403 = line(MissingRowLine.of(403, "i"));
        Finding extra = Finding.of(FindingCode.INDEX_ENTRY_EXTRA, "extra").object("i").build();
        Finding r402 = line(MissingRowLine.of(402, "i"));
        Finding r3 = line(MissingRowLine.of(3, "i"));
        for (Finding f : List.of(count, notChecked, r401, r403, extra, r402, r3)) {
            sink.add(f);
        }
        sink.order(MissingRowLine::position);
        assertThat(sink.findings()).containsExactly(count, notChecked, r3, r401, extra, r402, r403);
    }

    private static Finding line(String sqlite) {
        return Finding.of(FindingCode.INDEX_ENTRY_MISSING, "m").object("i").sqlite(sqlite).build();
    }
}
