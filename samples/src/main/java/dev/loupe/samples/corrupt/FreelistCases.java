package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** The freelist (fileformat2 §1.5): trunk pages, their leaf counts, the header's count. */
final class FreelistCases {
    private FreelistCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("freelist-leaf-count-too-big", Sample.FREELIST,
                        "Leaf count of the first freelist trunk set to U/4-1 (SQLite accepts at most U/4-2)",
                        img -> img.put32(img.pageStart(img.freelistTrunks().get(0)) + 4, img.usableSize() / 4 - 1),
                        "freelist-leaf-count"),
                of("freelist-trunk-over-write-limit", Sample.FREELIST,
                        "A leaf moved from a partly filled freelist trunk to a full one: U/4-7 leaves, more than"
                                + " SQLite ever writes (U/4-8) though integrity_check accepts up to U/4-2",
                        img -> {
                            List<Integer> trunks = img.freelistTrunks();
                            int limit = img.usableSize() / 4 - 8;
                            int full = -1;
                            int donor = -1;
                            for (int t : trunks) {
                                long n = img.u32(img.pageStart(t) + 4);
                                if (n == limit && full < 0) {
                                    full = img.pageStart(t);
                                } else if (n > 0 && n < limit && donor < 0) {
                                    donor = img.pageStart(t);
                                }
                            }
                            if (full < 0 || donor < 0) {
                                throw new IllegalStateException("freelist sample needs a full and a partial trunk");
                            }
                            long nd = img.u32(donor + 4);
                            long nf = img.u32(full + 4);
                            long moved = img.u32(donor + 8 + 4 * (int) (nd - 1));
                            img.put32(donor + 8 + 4 * (int) (nd - 1), 0);
                            img.put32(donor + 4, nd - 1);
                            img.put32(full + 8 + 4 * (int) nf, moved);
                            img.put32(full + 4, nf + 1);
                        }, "freelist-leaf-count"),
                of("freelist-count-too-high", Sample.FREELIST,
                        "Header freelist page count @36 one more than the pages on the list",
                        img -> img.put32(36, img.u32(36) + 1), "freelist-count"),
                of("freelist-count-too-low", Sample.FREELIST,
                        "Header freelist page count @36 one less than the pages on the list",
                        img -> img.put32(36, img.u32(36) - 1), "freelist-count"),
                of("freelist-trunk-next-invalid", Sample.FREELIST,
                        "Next-trunk pointer of the last freelist trunk points past the end of the file",
                        img -> {
                            List<Integer> trunks = img.freelistTrunks();
                            img.put32(img.pageStart(trunks.get(trunks.size() - 1)), img.pageCount() + 3L);
                        }, "page-number-invalid"),
                of("freelist-leaf-in-use", Sample.FREELIST,
                        "First leaf of the first freelist trunk replaced by a leaf page of table items",
                        img -> img.put32(img.pageStart(img.freelistTrunks().get(0)) + 8,
                                img.leaves(img.rootPage("items")).get(0)), "page-referenced-twice"),
                of("freelist-leaf-dropped", Sample.FREELIST,
                        "Last leaf of the last trunk dropped (trunk count and header count decreased): an orphan page",
                        img -> {
                            List<Integer> trunks = img.freelistTrunks();
                            int last = img.pageStart(trunks.get(trunks.size() - 1));
                            img.put32(last + 4, img.u32(last + 4) - 1);
                            img.put32(36, img.u32(36) - 1);
                        }, "page-never-used"));
    }
}
