package dev.loupe.check.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Held rows and the entries that take them (the multiset difference the exact pass looks up). */
class RowResiduesTest {

    @Test
    void anEntryTakesOneRowOfItsHashAndTheRestAreLookedUp() {
        RowResidues r = new RowResidues(10);
        assertThat(r.add(false, 7, 1, 2, 0)).isTrue();
        assertThat(r.add(false, 7, 2, 2, 1)).isTrue(); // the same entry implied twice
        assertThat(r.add(false, 9, 3, 3, 0)).isTrue();
        assertThat(r.take(7)).isTrue();
        assertThat(r.take(8)).isFalse();
        assertThat(r.take(9)).isTrue();
        assertThat(r.take(9)).as("a second entry of hash 9: no row left for it").isFalse();
        // in scan order: the first row of hash 7 is the matched one
        assertThat(r.matched(0)).isTrue();
        assertThat(r.matched(1)).isFalse();
        assertThat(r.matched(2)).isTrue();
    }

    @Test
    void aRowLookedUpAnywaySparesTheEntryItMatchesButIsNotMatchedItself() {
        RowResidues r = new RowResidues(10);
        r.add(true, 5, 1, 2, 0);
        assertThat(r.take(5)).isTrue();
        assertThat(r.matched(0)).isFalse();
    }

    @Test
    void refusesRowsPastItsCapAndNeverHoldsMoreThanTheCap() {
        RowResidues r = new RowResidues(3);
        for (int i = 0; i < 3; i++) {
            assertThat(r.add(false, i, i + 1, 2, i)).isTrue();
        }
        assertThat(r.add(false, 3, 4, 2, 3)).isFalse();
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.position(2)).isEqualTo(3);
        assertThat(r.page(2)).isEqualTo(2);
        assertThat(r.cell(2)).isEqualTo(2);
        // growing past the first arrays keeps what was held
        RowResidues big = new RowResidues(RowResidues.CAP * 2);
        for (int i = 0; i < 1_000; i++) {
            big.add(false, i * 31L, i + 1, 100 + i, i % 50);
        }
        assertThat(big.size()).isEqualTo(1_000);
        assertThat(big.page(999)).isEqualTo(1_099);
        assertThat(big.take(31L * 500)).isTrue();
        assertThat(big.matched(500)).isTrue();
        assertThat(big.matched(501)).isFalse();
    }
}
