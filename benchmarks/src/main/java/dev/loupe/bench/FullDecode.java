package dev.loupe.bench;

import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One full decode of a file, the unit the throughput target is stated in: open it, read pages 1..N in file order,
 * decode each as a b-tree page, decode every cell, assemble every payload (overflow chains included) and decode
 * every record with every value materialized. Pages that are not b-tree pages (overflow, freelist) are still read
 * and given to the page decoder, which reports them as such.
 */
public final class FullDecode {

    private FullDecode() {
    }

    /**
     * @param checkText whether the record decoder also validates text in the database encoding (what the checker
     *                  asks for)
     */
    public static Tally run(Path file, boolean checkText, Sink sink) throws IOException {
        long pageCount = 0;
        long btreePages = 0;
        long cells = 0;
        long records = 0;
        long values = 0;
        long problems = 0;
        try (Database db = Database.open(file)) {
            PageSource pages = db.pages();
            int usable = db.usableSize();
            PayloadReader payloads = new PayloadReader(pages, usable);
            RecordDecoder decoder = new RecordDecoder(db.encoding(), checkText);
            long n = pages.pageCount();
            for (long pgno = 1; pgno <= n; pgno++) {
                byte[] data = pages.read(pgno);
                if (data == null) {
                    continue;
                }
                pageCount++;
                BTreePage page = BTreePage.decode(pgno, data, usable);
                problems += page.problems().size();
                sink.consume(page.problems());
                if (page.type() == null) {
                    continue;
                }
                btreePages++;
                int cellCount = page.cellCount();
                for (int i = 0; i < cellCount; i++) {
                    Cell cell = page.cell(i);
                    if (cell == null) {
                        continue;
                    }
                    cells++;
                    problems += cell.problems().size();
                    sink.consume(cell);
                    if (!(cell instanceof PayloadCell pc)) {
                        continue;
                    }
                    Payload payload = payloads.read(data, pc.payload());
                    problems += payload.problems().size();
                    Record record = decoder.decode(payload);
                    records++;
                    problems += record.problems().size();
                    List<Field> fields = record.fields();
                    for (int f = 0, nf = fields.size(); f < nf; f++) {
                        Values.consume(fields.get(f).value(), sink);
                    }
                    values += fields.size();
                }
            }
        }
        return new Tally(pageCount, btreePages, cells, records, values, problems);
    }
}
