package dev.loupe.format.hexdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.format.page.FilePageSource;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loupe writes the text, the real sqlite3 CLI loads it with {@code .open --hexdb}: the CLI must see the same
 * database (same {@code .dump}, integrity ok, the same bytes on every page), and Loupe's reader must give back the
 * original file exactly.
 */
class HexDbCliRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {512, 1024, 4096, 65536})
    void cliLoadsLoupesTextAsTheSameDatabase(int pageSize) throws Exception {
        Path db = dir.resolve("rt.db");
        makeDatabase(db, pageSize);
        byte[] original = Files.readAllBytes(db);
        assertThat(original.length % pageSize).isZero();
        assertThat(hasAllZeroPageInside(original, pageSize)).as("a zero page inside the file").isTrue();

        String text = writeStreaming(db, pageSize);
        assertThat(text).isEqualTo(HexDbWriter.toText(original, pageSize, "rt.db"));
        assertThat(text).startsWith("| size " + original.length + " pagesize " + pageSize + " filename rt.db\n")
                .endsWith("| end rt.db\n");
        long pageLines = text.lines().filter(l -> l.startsWith("| page ")).count();
        assertThat(pageLines).as("zero pages are left out").isLessThan(original.length / pageSize);

        HexDbImage back = HexDbReader.read(text);
        assertThat(back.problems()).isEmpty();
        assertThat(back.pageSize()).isEqualTo(pageSize);
        assertThat(back.name()).isEqualTo("rt.db");
        assertThat(SqliteCli.firstDifference(back.bytes(), original)).as("first differing byte").isEqualTo(-1);

        Path txt = dir.resolve("rt.txt");
        Files.writeString(txt, text);
        SqliteCli.Result fromText = SqliteCli.run(dir, ".open --hexdb rt.txt\n.dump\nPRAGMA integrity_check;\n");
        SqliteCli.Result fromFile = SqliteCli.run(dir, ".dump\nPRAGMA integrity_check;\n", "-readonly", "rt.db");
        assertThat(fromText.err()).isEmpty();
        assertThat(fromText.exitCode()).isZero();
        assertThat(fromText.out()).endsWith("ok\n").contains("INSERT INTO t ");
        assertThat(fromText.out()).isEqualTo(fromFile.out());

        byte[] saved = SqliteCli.loadAndSave(dir, text);
        assertThat(SqliteCli.firstDifference(SqliteCli.maskBackupFields(saved), SqliteCli.maskBackupFields(original)))
                .as("first byte where the CLI's image differs").isEqualTo(-1);
    }

    /** Streams the file page by page, as a large file is written. */
    private static String writeStreaming(Path db, int pageSize) throws Exception {
        StringWriter out = new StringWriter();
        try (ReadOnlyFile f = ReadOnlyFile.open(db); FilePageSource pages = new FilePageSource(f, pageSize, false)) {
            HexDbWriter.write(pages, f.size(), "rt.db", out);
        }
        return out.toString();
    }

    private static boolean hasAllZeroPageInside(byte[] file, int pageSize) {
        for (int p = 1; p < file.length / pageSize - 1; p++) {
            boolean zero = true;
            for (int i = p * pageSize; i < (p + 1) * pageSize && zero; i++) {
                zero = file[i] == 0;
            }
            if (zero) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text with every byte value (the display column's rules), numbers, an index, rows whose zeroblob overflow
     * chains end in all-zero pages, and deleted rows (secure_delete zeroes what they leave).
     */
    static void makeDatabase(Path db, int pageSize) throws Exception {
        Random random = new Random(pageSize);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + pageSize);
            s.execute("PRAGMA auto_vacuum=NONE");
            s.execute("PRAGMA secure_delete=ON");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)");
            s.execute("CREATE INDEX t_name ON t(name)");
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES(?, ?, ?, ?)")) {
                for (int i = 1; i <= 300; i++) {
                    ins.setInt(1, i);
                    ins.setString(2, "row {" + i + "} \"q\" \\ ~" + (char) ('a' + i % 26));
                    ins.setDouble(3, i * 1.5);
                    byte[] data = new byte[i % 10 == 0 ? 3 * pageSize : i % 97];
                    if (i % 10 != 0) {
                        random.nextBytes(data);
                    }
                    ins.setBytes(4, data);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("DELETE FROM t WHERE id % 7 = 0");
        }
    }
}
