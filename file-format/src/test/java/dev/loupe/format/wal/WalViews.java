package dev.loupe.format.wal;

import dev.loupe.format.page.FilePageSource;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Test support: opens our views of a database + WAL and compares them with bytes SQLite produced. */
final class WalViews {

    private WalViews() {
    }

    static WalFile readWal(Path wal) throws IOException {
        try (ReadOnlyFile f = ReadOnlyFile.open(wal)) {
            return WalFile.read(f);
        }
    }

    /** Our view of {@code db} with {@code wal} at {@code commit}, rendered as one byte array (page 1 first). */
    static byte[] image(Path db, Path wal, int pageSize, int commit) throws IOException {
        try (ReadOnlyFile dbFile = ReadOnlyFile.open(db); ReadOnlyFile walFile = ReadOnlyFile.open(wal)) {
            WalFile w = WalFile.read(walFile);
            PageSource source = new WalPageSource(new FilePageSource(dbFile, pageSize, false), w, walFile, commit);
            return render(source);
        }
    }

    static byte[] render(PageSource source) throws IOException {
        int size = source.pageSize();
        byte[] out = new byte[Math.toIntExact(source.pageCount() * size)];
        for (long p = 1; p <= source.pageCount(); p++) {
            byte[] page = source.read(p);
            System.arraycopy(page, 0, out, (int) ((p - 1) * size), size);
        }
        return out;
    }

    /** Page count first, then page by page, naming the first page that differs. */
    static void assertSameDatabase(byte[] ours, byte[] sqlite, int pageSize, String what) {
        assertThat(ours.length / pageSize).as(what + ": page count").isEqualTo(sqlite.length / pageSize);
        assertThat(ours.length).as(what + ": size").isEqualTo(sqlite.length);
        for (int p = 0; p < sqlite.length / pageSize; p++) {
            int from = p * pageSize;
            if (!Arrays.equals(ours, from, from + pageSize, sqlite, from, from + pageSize)) {
                fail(what + ": page " + (p + 1) + " differs from SQLite's");
            }
        }
    }
}
