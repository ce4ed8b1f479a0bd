package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** Files cut short. */
final class TruncationCases {
    private TruncationCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("truncated-mid-page", Sample.PAGE_1024, "File cut 300 bytes into its last page (SQLite reads"
                                + " the rest of the page as zeros)",
                        img -> img.truncate(img.pageStart(img.pageCount()) + 300), "file-size-not-page-multiple",
                        "index-entry-missing"),
                of("truncated-last-page", Sample.PAGE_1024, "Last page removed (size still a page multiple)",
                        img -> img.truncate(img.pageStart(img.pageCount())), "file-truncated"),
                of("truncated-half", Sample.DEMO, "File cut to half its pages",
                        img -> img.truncate(img.pageStart(img.pageCount() / 2 + 1)), "file-truncated"),
                of("truncated-to-page-one", Sample.DEMO, "Only page 1 (the schema) left",
                        img -> img.truncate(img.pageSize()), "file-truncated"),
                of("truncated-inside-header", Sample.PAGE_1024, "File cut to 60 bytes, inside the header",
                        img -> img.truncate(60), "file-truncated"));
    }
}
