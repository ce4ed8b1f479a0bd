package dev.loupe.check.index;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The bound on the rows held: per walk, and shared by the parts of a split walk. */
class UncertainRowsTest {

    @Test
    void aWalkHoldsUpToTheCapAndThenNothing() {
        UncertainRows rows = new UncertainRows();
        for (int i = 0; i < UncertainRows.CAP; i++) {
            rows.add(i, 2, i % 100, true, null, "why");
        }
        assertThat(rows.overflowed()).isFalse();
        assertThat(rows.size()).isEqualTo(UncertainRows.CAP);
        rows.add(-1, 3, 0, true, null, "why");
        assertThat(rows.overflowed()).isTrue();
        assertThat(rows.size()).isZero();
        assertThat(rows.reason()).isEqualTo("why");
    }

    @Test
    void thePartsOfASplitWalkShareTheCap() {
        AtomicInteger budget = new AtomicInteger();
        UncertainRows first = new UncertainRows(budget);
        UncertainRows second = new UncertainRows(budget);
        for (int i = 0; i < UncertainRows.CAP / 2; i++) {
            first.add(i, 2, 0, true, null, "a");
            second.add(UncertainRows.CAP + i, 3, 0, false, new long[] {i}, "b");
        }
        assertThat(first.overflowed() || second.overflowed()).isFalse();
        second.add(-5, 4, 0, true, null, "b");
        assertThat(second.overflowed()).as("past the cap the two hold together").isTrue();
        UncertainRows whole = new UncertainRows();
        whole.addAll(first);
        assertThat(whole.size()).isEqualTo(UncertainRows.CAP / 2);
        whole.addAll(second);
        assertThat(whole.overflowed()).isTrue();
    }

    @Test
    void rowsMetOutOfOrderAreFoundByRowidOnceSealed() {
        UncertainRows rows = new UncertainRows();
        long[] rowids = {50, 7, 900, 7, -3};
        for (int i = 0; i < rowids.length; i++) {
            long r = rowids[i];
            rows.add(r, 4_000_000_000L + i, 65_535 - i, r != 900, r == 50 ? new long[] {1, 2} : null, "r" + r);
        }
        rows.seal();
        assertThat(rows.indexOf(-3)).isZero();
        assertThat(rows.indexOf(7)).isEqualTo(1);
        assertThat(rows.key(2)).isEqualTo(7);
        assertThat(rows.indexOf(50)).isEqualTo(3);
        assertThat(rows.candidates(3)).containsExactly(1, 2);
        assertThat(rows.needsEntry(4)).isFalse();
        assertThat(rows.indexOf(8)).isEqualTo(-1);
        assertThat(rows.reason(UncertainRows.VERSION_KEYS)).isEqualTo("r50");
        assertThat(rows.reason(UncertainRows.UNKNOWN_KEY)).isEqualTo("r7");
        // each row keeps where the walk read it (a page past 2^31, the largest cell index) and when
        long[] walkOrder = {4, 1, 3, 0, 2};
        for (int i = 0; i < rowids.length; i++) {
            long w = walkOrder[i];
            assertThat(rows.walkOrder(i)).isEqualTo(w);
            assertThat(rows.page(i)).isEqualTo(4_000_000_000L + w);
            assertThat(rows.cell(i)).isEqualTo(65_535 - w);
        }
    }
}
