package dev.loupe.format;

import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.format.page.FilePageSource;
import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Files over 1 GiB (the lock-byte page) and over 4 GiB (page offsets past 32 bits), as sparse files. */
class LargeFileTest {

    @TempDir
    Path tmp;

    @Test
    void lockBytePageAndUnusedPagesAgreeWithIntegrityCheck() throws Exception {
        // A 65536-byte-page database grown past 1 GiB: pages 7.. are zero (never used), page 16385 is the lock-byte page.
        Path db = Samples.copyTo(Sample.PAGE_65536, tmp.resolve("loupe"));
        long pages = 16390;
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(pages * 65536);
            f.seek(28);
            f.writeInt((int) pages); // header page count, valid because @24 == @92 is unchanged
        }
        try (Database loupe = Database.open(db)) {
            assertThat(loupe.pageCount()).isEqualTo(pages);
            PageMap map = PageMap.build(loupe);
            long lockByte = LockBytePage.of(65536);
            assertThat(lockByte).isEqualTo(16385);
            assertThat(map.kind(lockByte)).isEqualTo(PageKind.LOCK_BYTE);
            Set<Long> orphans = new TreeSet<>();
            for (long p = 1; p <= pages; p++) {
                if (map.kind(p) == PageKind.ORPHAN) {
                    orphans.add(p);
                }
            }
            Set<Long> neverUsed = new TreeSet<>();
            try (Sqlite sqlite = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
                Pattern pat = Pattern.compile("Page (\\d+)(:)? (is )?never used");
                for (List<Object> row : sqlite.query("PRAGMA integrity_check(100000)")) {
                    Matcher m = pat.matcher(String.valueOf(row.get(0)));
                    while (m.find()) {
                        neverUsed.add(Long.parseLong(m.group(1)));
                    }
                }
            }
            assertThat(neverUsed).hasSize((int) (pages - 6 - 1));
            assertThat(orphans).isEqualTo(neverUsed);
        }
    }

    @Test
    void pagesPastFourGibibytesAreReadAtTheRightOffset() throws Exception {
        Path big = tmp.resolve("big.db");
        int pageSize = 4096;
        long pgno = (5L << 30) / pageSize + 3; // offset about 5 GiB: (pgno-1)*pageSize overflows an int
        byte[] marker = new byte[pageSize];
        for (int i = 0; i < pageSize; i++) {
            marker[i] = (byte) (i * 31 + 7);
        }
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(pgno * pageSize);
            f.seek((pgno - 1) * pageSize);
            f.write(marker);
        }
        try (ReadOnlyFile file = ReadOnlyFile.open(big); FilePageSource src = new FilePageSource(file, pageSize, false)) {
            assertThat(src.pageCount()).isEqualTo(pgno);
            assertThat(src.read(pgno)).isEqualTo(marker);
            assertThat(src.read(pgno - 1)).isEqualTo(new byte[pageSize]);
            assertThat(src.read(pgno + 1)).isNull();
        } finally {
            Files.delete(big);
        }
    }
}
