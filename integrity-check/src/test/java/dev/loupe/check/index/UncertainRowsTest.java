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
            rows.add(i, true, null, "why");
        }
        assertThat(rows.overflowed()).isFalse();
        assertThat(rows.size()).isEqualTo(UncertainRows.CAP);
        rows.add(-1, true, null, "why");
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
            first.add(i, true, null, "a");
            second.add(UncertainRows.CAP + i, false, new long[] {i}, "b");
        }
        assertThat(first.overflowed() || second.overflowed()).isFalse();
        second.add(-5, true, null, "b");
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
        for (long r : rowids) {
            rows.add(r, r != 900, r == 50 ? new long[] {1, 2} : null, "r" + r);
        }
        rows.seal();
        assertThat(rows.indexOf(-3)).isZero();
        assertThat(rows.indexOf(7)).isEqualTo(1);
        assertThat(rows.rowid(2)).isEqualTo(7);
        assertThat(rows.indexOf(50)).isEqualTo(3);
        assertThat(rows.candidates(3)).containsExactly(1, 2);
        assertThat(rows.needsEntry(4)).isFalse();
        assertThat(rows.indexOf(8)).isEqualTo(-1);
        assertThat(rows.reason(UncertainRows.VERSION_KEYS)).isEqualTo("r50");
        assertThat(rows.reason(UncertainRows.UNKNOWN_KEY)).isEqualTo("r7");
    }
}
