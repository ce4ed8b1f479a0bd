package dev.loupe.wal;

import dev.loupe.samples.corrupt.WalAppender;
import dev.loupe.check.FindingCode;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Database;
import dev.loupe.format.Progress;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.page.PageSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WAL made by SQLite, then three appended commits written by {@link WalAppender} with valid checksums: a
 * harmless one, one with a damaged page image, another harmless one. Bisect must name the damaged commit, with
 * either strategy, and SQLite's integrity_check on checkouts must agree (ok before it, not ok at it).
 */
class BisectTest {

    /** The damage the middle appended commit carries. */
    enum Damage {
        /** Table leaf: cell pointers 0 and 1 swapped, rowids out of order ("Rowid N out of order"). */
        ROWIDS_SWAPPED("t", PageKind.TABLE_LEAF, FindingCode.ROWID_ORDER),
        /** Table leaf: cell pointer 0 points into the page header ("Offset N out of range"). */
        POINTER_OUT_OF_RANGE("t", PageKind.TABLE_LEAF, FindingCode.CELL_POINTER_OUT_OF_RANGE),
        /** Index leaf: one key byte changed, the entry no longer matches its row (record-level only). */
        INDEX_KEY_CHANGED("t_a", PageKind.INDEX_LEAF, null);

        final String owner;
        final PageKind kind;
        final FindingCode code;

        Damage(String owner, PageKind kind, FindingCode code) {
            this.owner = owner;
            this.kind = kind;
            this.code = code;
        }
    }

    record Case(Path db, int damagedCommit, long damagedPage) {
    }

    @TempDir
    static Path dir;

    static WalFixtures.Pair pair;

    @BeforeAll
    static void build() throws Exception {
        pair = WalFixtures.build(dir, 30, 11);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void namesTheDamagedCommitAndSqliteAgrees(Damage damage) throws Exception {
        Case c = damaged(damage);
        try (WalPair wal = WalPair.open(c.db(), null)) {
            for (BisectStrategy s : BisectStrategy.values()) {
                BisectResult r = WalBisect.run(wal, BisectOptions.defaults().withStrategy(s), Progress.NONE);
                assertThat(r.firstBad()).as("%s %s", damage, s).isEqualTo(c.damagedCommit());
                assertThat(r.changedPages()).extracting(ChangedPage::page).containsExactly(c.damagedPage());
                assertThat(r.changedPages().get(0).owner()).isEqualTo(damage.owner);
                assertThat(r.findings()).isNotEmpty();
                if (damage.code != null) {
                    assertThat(r.findings()).extracting(f -> f.code()).contains(damage.code);
                    BisectResult byCode = WalBisect.run(wal, BisectOptions.defaults().withStrategy(s)
                            .withFinding(damage.code), Progress.NONE);
                    assertThat(byCode.firstBad()).isEqualTo(c.damagedCommit());
                }
            }
            assertThat(sqliteCheck(wal, c.damagedCommit() - 1)).containsExactly("ok");
            assertThat(sqliteCheck(wal, c.damagedCommit())).isNotEqualTo(List.of("ok"));
            assertThat(sqliteCheck(wal, c.damagedCommit() + 1)).isNotEqualTo(List.of("ok"));
        }
    }

    @Test
    void cleanWalHasNoBadCommitWithEitherStrategy() throws Exception {
        try (WalPair wal = WalPair.open(pair.db(), null)) {
            for (BisectStrategy s : BisectStrategy.values()) {
                BisectResult r = WalBisect.run(wal, BisectOptions.defaults().withStrategy(s), Progress.NONE);
                assertThat(r.firstBad()).isEqualTo(-1);
                assertThat(r.checked()).isEqualTo(wal.commitCount() + 1);
            }
            assertThat(sqliteCheck(wal, wal.commitCount())).containsExactly("ok");
        }
    }

    @Test
    void incrementalChecksFewerTablesThanNaive() throws Exception {
        try (WalPair wal = WalPair.open(pair.db(), null)) {
            BisectResult naive = WalBisect.run(wal, BisectOptions.defaults().withStrategy(BisectStrategy.NAIVE),
                    Progress.NONE);
            BisectResult inc = WalBisect.run(wal, BisectOptions.defaults(), Progress.NONE);
            assertThat(inc.tablesChecked() + inc.quickCommits()).isLessThan(naive.tablesChecked());
        }
    }

    private static List<String> sqliteCheck(WalPair wal, int k) throws Exception {
        Path out = Files.createTempDirectory(dir, "co").resolve("k.db");
        try (OutputStream o = Files.newOutputStream(out)) {
            Checkout.write(wal, k, o);
        }
        return WalFixtures.integrityCheck(out);
    }

    /** Copies the pair and appends: a harmless commit, the damaged commit, another harmless commit. */
    static Case damaged(Damage damage) throws Exception {
        return damaged(dir, pair, damage);
    }

    /** As {@link #damaged(Damage)}, for the pair {@code pair}, in a new directory below {@code dir}. */
    static Case damaged(Path dir, WalFixtures.Pair pair, Damage damage) throws Exception {
        Path work = Files.createTempDirectory(dir, damage.name());
        Path db = work.resolve("w.db");
        Files.copy(pair.db(), db);
        try (WalPair wal = WalPair.open(pair.db(), null); Database latest = Database.open(pair.db())) {
            int n = wal.commitCount();
            PageSource view = wal.view(n);
            long size = view.pageCount();
            long target = pick(latest, damage);
            byte[] page = view.read(target);
            damage(page, target, latest.usableSize(), damage);
            new WalAppender(pair.wal(), wal.commit(n).lastFrame())
                    .frame(1, size, view.read(1))
                    .frame(target, size, page)
                    .frame(1, size, view.read(1))
                    .writeTo(work.resolve("w.db-wal"));
            return new Case(db, n + 2, target);
        }
    }

    private static long pick(Database db, Damage damage) throws Exception {
        PageMap map = PageMap.build(db);
        for (long p = 2; p <= db.pageCount(); p++) {
            ObjectPages owner = map.owner(p);
            if (map.kind(p) == damage.kind && owner != null && owner.name().equals(damage.owner)
                    && BTreePage.decode(p, db.pages().read(p), db.usableSize()).cellCount() >= 2) {
                return p;
            }
        }
        throw new AssertionError("no " + damage.kind + " page of " + damage.owner);
    }

    private static void damage(byte[] page, long pgno, int usable, Damage damage) {
        int ptr = BTreePage.headerOffset(pgno) + 8;
        switch (damage) {
            case ROWIDS_SWAPPED -> {
                int a = BigEndian.u16(page, ptr);
                BigEndian.putU16(page, ptr, BigEndian.u16(page, ptr + 2));
                BigEndian.putU16(page, ptr + 2, a);
            }
            case POINTER_OUT_OF_RANGE -> BigEndian.putU16(page, ptr, 4);
            case INDEX_KEY_CHANGED -> {
                BTreePage p = BTreePage.decode(pgno, page, usable);
                var local = ((dev.loupe.format.btree.PayloadCell) p.cell(0)).payload();
                // the record header is a few bytes; the text key starts after it: flip a letter's case
                int at = local.localOffset() + (page[local.localOffset()] & 0xff) + 1;
                page[at] = (byte) (page[at] ^ 0x20);
            }
            default -> throw new IllegalArgumentException();
        }
    }
}
