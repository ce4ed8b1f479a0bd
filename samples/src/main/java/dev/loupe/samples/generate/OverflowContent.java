package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Payloads spanning many overflow pages at page size 1024, in a table and in an index, plus a table whose payload
 * sizes sit exactly at the local-size boundaries of fileformat2 §1.6 (X = U-35, M, K = M+((P-M) mod (U-4))).
 */
final class OverflowContent implements Content {
    private static final long SEED = 0x0F10L;

    private final int usableSize;

    OverflowContent(int usableSize) {
        this.usableSize = usableSize;
    }

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec("CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT NOT NULL, abstract TEXT, body TEXT, data BLOB)",
                "CREATE INDEX docs_abstract ON docs(abstract)",
                "CREATE TABLE boundary(id INTEGER PRIMARY KEY, b BLOB, payload_size INTEGER)");
        int[] bodies = {20_000, 0, 37_500, 0, 60_000, 512};
        int[] data = {0, 24_000, 0, 58_000, 0, 3_000};
        // Abstracts overflow the index too: index cells keep at most ((U-12)*64/255)-23 bytes locally.
        int[] abstracts = {1_500, 4_200, 9_000, 300, 2_600, 700};
        List<Object[]> docs = new ArrayList<>();
        for (int n = 0; n < bodies.length; n++) {
            docs.add(new Object[] {"doc " + n + " " + source.words(2), source.text(abstracts[n]),
                bodies[n] == 0 ? null : source.text(bodies[n]), data[n] == 0 ? null : source.blob(data[n])});
        }
        for (int n = 0; n < 40; n++) {
            docs.add(new Object[] {"note " + n, source.text(source.between(10, 120)), source.text(source.between(20, 300)),
                null});
        }
        List<Object[]> boundary = new ArrayList<>();
        for (int payload : boundaryPayloads()) {
            boundary.add(new Object[] {source.blob(blobLengthForPayload(payload)), (long) payload});
        }
        db.transaction(() -> {
            db.insert("INSERT INTO docs(title, abstract, body, data) VALUES (?, ?, ?, ?)", docs);
            db.insert("INSERT INTO boundary(b, payload_size) VALUES (?, ?)", boundary);
        });
    }

    /** Table-leaf payload sizes P around the points where the local part changes (fileformat2 §1.6). */
    private int[] boundaryPayloads() {
        int maxLocal = usableSize - 35;
        int minLocal = (usableSize - 12) * 32 / 255 - 23;
        int overflowPageCapacity = usableSize - 4;
        return new int[] {
            maxLocal - 1, maxLocal, maxLocal + 1,                              // last fully local, first spilling
            minLocal + overflowPageCapacity,                                   // K = M: one exactly full overflow page
            minLocal + overflowPageCapacity + (maxLocal - minLocal),           // K = X: largest local part
            minLocal + overflowPageCapacity + (maxLocal - minLocal) + 1,       // K = X+1: falls back to M
            minLocal + 2 * overflowPageCapacity,                               // two exactly full overflow pages
            minLocal + 3 * overflowPageCapacity + 1,                           // K = M+1: local M+1, three full pages
        };
    }

    /**
     * The blob length giving a record of exactly {@code payload} bytes: header = size varint (1 byte), serial type 0
     * for the INTEGER PRIMARY KEY's NULL, the blob's serial type 2n+12 as a varint, the INTEGER column's serial type;
     * body = the blob plus the payload_size integer (2 bytes: all targets lie in 128..32767).
     */
    private static int blobLengthForPayload(int payload) {
        for (int n = 0; n <= payload; n++) {
            int serialType = 2 * n + 12;
            int typeLength = serialType < 0x80 ? 1 : serialType < 0x4000 ? 2 : 3;
            if (1 + 1 + typeLength + 1 + n + 2 == payload) {
                return n;
            }
        }
        throw new IllegalStateException("no blob length gives payload " + payload);
    }
}
