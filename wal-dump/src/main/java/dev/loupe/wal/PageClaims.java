package dev.loupe.wal;

import dev.loupe.format.map.PageKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every claimant's {@link Claim} and, per page, how many claimants take it: kept up to date by replacing one claim
 * at a time, so that a commit costs what its changed claims hold, not what the database holds.
 *
 * <p>Claims are each computed alone (a b-tree walked with no page taken yet). {@link dev.loupe.format.map.PageMap}
 * walks them in turn, each skipping the pages earlier ones took; the two agree exactly when no page is taken twice:
 * a walk then meets no page another took, so it goes where it goes alone. {@link #conflicted()} says when they may
 * not agree (a damaged file: two trees sharing a page, a free page still in a tree).
 */
final class PageClaims {

    /** Largest page number claims hold; a database as of a commit with more pages is mapped by PageMap instead. */
    static final int MAX_PAGE = Integer.MAX_VALUE - 8;

    private final Map<Integer, Claim> claims = new HashMap<>();
    private int[] counts = new int[1024];
    private int[] claimants = new int[1024];
    private int conflicts;

    /** Replaces the claim of {@code id} (a claimant's number, 0 or more) with {@code claim}. */
    void put(int id, Claim claim) {
        remove(id);
        claims.put(id, claim);
        int[] pages = claim.pages();
        if (pages.length > 0) {
            grow(pages[pages.length - 1]);
        }
        for (int p : pages) {
            int c = ++counts[p];
            if (c == 1) {
                claimants[p] = id;
            } else if (c == 2) {
                conflicts++;
            }
        }
    }

    /** Drops the claim of {@code id}, if any. */
    void remove(int id) {
        Claim old = claims.remove(id);
        if (old == null) {
            return;
        }
        for (int p : old.pages()) {
            int c = --counts[p];
            if (c == 1) {
                conflicts--;
                claimants[p] = findClaimant(p);
            }
        }
    }

    /** Whether some page is taken by two claimants. */
    boolean conflicted() {
        return conflicts > 0;
    }

    /** The claimants of {@code page}: none, one, or several in a damaged file. */
    List<Integer> claimantsOf(long page) {
        if (page < 1 || page >= counts.length || counts[(int) page] == 0) {
            return List.of();
        }
        if (counts[(int) page] == 1) {
            return List.of(claimants[(int) page]);
        }
        List<Integer> out = new ArrayList<>();
        claims.forEach((id, c) -> {
            if (c.kindOf(page) != null) {
                out.add(id);
            }
        });
        return out;
    }

    /** The one claimant of {@code page}, -1 when none takes it; only meaningful when not {@link #conflicted()}. */
    int claimant(long page) {
        return page < 1 || page >= counts.length || counts[(int) page] == 0 ? -1 : claimants[(int) page];
    }

    /** The kind the claimant of {@code page} gives it; ORPHAN when none takes it. */
    PageKind kind(long page) {
        int id = claimant(page);
        return id < 0 ? PageKind.ORPHAN : claims.get(id).kindOf(page);
    }

    /** Forgets every claim. */
    void clear() {
        claims.clear();
        Arrays.fill(counts, 0);
        conflicts = 0;
    }

    /** The claimant left on a page that two claimants took; rare (damaged files), so found by asking each. */
    private int findClaimant(int page) {
        for (Map.Entry<Integer, Claim> e : claims.entrySet()) {
            if (e.getValue().kindOf(page) != null) {
                return e.getKey();
            }
        }
        return -1;
    }

    private void grow(int page) {
        if (page < counts.length) {
            return;
        }
        int size = (int) Math.min(MAX_PAGE + 1L, Math.max(page + 1L, 2L * counts.length));
        counts = Arrays.copyOf(counts, size);
        claimants = Arrays.copyOf(claimants, size);
    }
}
