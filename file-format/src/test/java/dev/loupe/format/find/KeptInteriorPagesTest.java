package dev.loupe.format.find;

import dev.loupe.format.Database;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.schema.Table;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search that keeps the interior pages it decoded ({@link TreeSearch#keepingInteriorPages}) finds what a search
 * that reads every page anew finds, step for step, on every sample and every catalogue corruption (damaged
 * interior pages, loops and bad child pointers among them), searching each rowid table many times over. And the
 * rowids a search's probes read straight from the page are the decoded cells' rowids, on every table page of them.
 */
class KeptInteriorPagesTest {

    @Test
    void keptPagesChangeNoSearch() throws Exception {
        assertThat(onEveryFile(KeptInteriorPagesTest::compare)).isGreaterThan(10_000);
    }

    @Test
    void rowidsReadFromThePageAreTheDecodedCellsRowids() throws Exception {
        assertThat(onEveryFile(KeptInteriorPagesTest::rowids)).isGreaterThan(10_000);
    }

    /** What one file gives a test: how many searches or rowids it checked. */
    private interface PerFile {
        int check(Database db, String what) throws Exception;
    }

    /** {@code check} on every sample and catalogue case that opens as a database; the sum of what it counted. */
    private static int onEveryFile(PerFile check) throws Exception {
        int n = 0;
        for (Sample s : Sample.values()) {
            n += open(Samples.bytes(s), s.fileName(), check);
        }
        for (Corruption c : Corruptions.all()) {
            n += open(c.image().db(), c.name(), check);
        }
        return n;
    }

    private static int open(byte[] image, String what, PerFile check) throws Exception {
        Database db;
        try {
            db = Database.fromImage(image, what);
        } catch (RuntimeException e) {
            return 0; // not openable as a database at all
        }
        try (db) {
            return check.check(db, what);
        }
    }

    /** Every table cell of every page: the rowid a probe reads in place is the decoded cell's, when it reads one. */
    private static int rowids(Database db, String what) throws Exception {
        int n = 0;
        for (long pgno = 1; pgno <= db.pages().pageCount(); pgno++) {
            byte[] data = db.pages().read(pgno);
            if (data == null) {
                continue;
            }
            BTreePage page = BTreePage.decode(pgno, data, db.usableSize());
            for (int i = 0; i < page.cellCount(); i++) {
                int at = TreeSearch.rowidAt(page, i);
                if (at < 0) {
                    continue;
                }
                Cell c = page.cell(i);
                long decoded = c instanceof TableLeafCell l ? l.rowid() : ((TableInteriorCell) c).rowid();
                assertThat(Varint.value(data, at)).as(what + " page " + pgno + " cell " + i).isEqualTo(decoded);
                n++;
            }
        }
        return n;
    }

    private static int compare(Database db, String what) throws Exception {
        int n = 0;
        TreeSearch plain = new TreeSearch(db.pages(), db.usableSize(), db.encoding());
        // a small budget too: past it pages are read anew, as by the plain search
        for (TreeSearch kept : new TreeSearch[] {plain.keepingInteriorPages(8 << 20), plain.keepingInteriorPages(1)}) {
            for (Table t : db.schema().tables()) {
                if (t.virtual() || t.rootPage() < 1 || !t.hasRowid()) {
                    continue;
                }
                Random r = new Random(t.name().hashCode());
                for (int k = 0; k < 300; k++) {
                    long rowid = k < 200 ? k : r.nextInt(100_000) - 10;
                    SearchResult a = plain.byRowid(t.rootPage(), rowid);
                    SearchResult b = kept.byRowid(t.rootPage(), rowid);
                    String as = what + " " + t.name() + " rowid " + rowid;
                    assertThat(b.found()).as(as).isEqualTo(a.found());
                    assertThat(b.path()).as(as).isEqualTo(a.path());
                    assertThat(b.foundStep()).as(as).isEqualTo(a.foundStep());
                    assertThat(b.problems()).as(as).isEqualTo(a.problems());
                    if (a.found()) {
                        assertThat(b.cell().index()).as(as).isEqualTo(a.cell().index());
                    }
                    n++;
                }
            }
        }
        return n;
    }
}
