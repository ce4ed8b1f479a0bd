package dev.loupe.check.index;

import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.LocalLeafCell;
import dev.loupe.format.record.RecordView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntryHash#endingWith}, which the index's walk uses with the rowid it reads for the digest, hashes an entry
 * as {@link EntryHash#of(RecordView, int)} does: on the entries SQLite wrote for rowids of every integer serial type
 * (0 and 1 as types 8 and 9, then one to eight bytes) and negative ones.
 */
class EntryHashTest {

    @TempDir
    Path dir;

    @Test
    void anEntryHashesAlikeWithItsRowidReadApart() throws Exception {
        Path db = dir.resolve("rowids.db");
        long[] rowids = {0, 1, 2, -1, 127, 128, 32_767, 32_768, 8_388_607, 8_388_608, 2_147_483_647L,
            2_147_483_648L, 140_737_488_355_327L, 140_737_488_355_328L, Long.MAX_VALUE, Long.MIN_VALUE};
        StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < rowids.length; i++) {
            insert.append(i == 0 ? "" : ", ").append('(').append(rowids[i]).append(", 'v").append(i).append("', ")
                    .append(i % 3 == 0 ? "NULL" : i % 3 == 1 ? Integer.toString(i) : i + ".5").append(')');
        }
        IndexFixtures.build(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b)", insert.toString(),
                "CREATE INDEX tab ON t(a, b)");
        long root = IndexFixtures.rootPage(db, "tab");
        int hashed = 0;
        try (Database d = Database.open(db)) {
            BTreePage page = BTreePage.decode(root, d.pages().read(root), d.usableSize());
            RecordView r = new RecordView(d.encoding());
            LocalLeafCell cell = new LocalLeafCell();
            for (int i = 0; i < page.cellCount(); i++) {
                assertThat(cell.read(page, i)).isTrue();
                assertThat(r.parse(page.data(), cell.payloadOffset(), cell.payloadSize(), 3)).isTrue();
                assertThat(r.isInteger(2)).isTrue();
                assertThat(EntryHash.endingWith(r, 3, r.integer(2))).as("entry %d", i).isEqualTo(EntryHash.of(r, 3));
                hashed++;
            }
        }
        assertThat(hashed).isEqualTo(rowids.length);
    }
}
