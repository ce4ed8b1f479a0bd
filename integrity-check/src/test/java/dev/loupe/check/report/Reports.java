package dev.loupe.check.report;

import dev.loupe.check.CheckReport;
import dev.loupe.check.CheckStats;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Verdict;
import dev.loupe.format.Span;
import dev.loupe.format.btree.PathStep;

import java.util.List;

/** Hand-built reports for the reporter tests (the checker's own output is tested in the CLI module). */
final class Reports {

    private Reports() {
    }

    static final CheckStats STATS = new CheckStats(57, 9, 1200, 800, 42);

    static CheckReport ok(String file) {
        return new CheckReport(file, Verdict.OK, List.of(), 0, STATS);
    }

    static CheckReport corrupt(String file) {
        List<Finding> findings = List.of(
                Finding.of(FindingCode.CELL_OVERLAP, "Cells 2 and 3 of page 4 both use bytes 1012..1023")
                        .object("t1a").at(Span.inPage(4, 1012, 12)).cell(3)
                        .path(List.of(new PathStep(2, 3), new PathStep(4, 3)))
                        .sqlite("On tree page 4 cell 3: Multiple uses for byte 1012 of page 4").build(),
                Finding.of(FindingCode.PAGE_NEVER_USED, "Page 7 belongs to no b-tree, the freelist or the pointer"
                        + " map: it was probably freed and lost, or a parent pointer to it was overwritten, which"
                        + " makes this sentence long enough to wrap at one hundred columns.")
                        .page(7).sqlite("Page 7 is never used").build(),
                Finding.of(FindingCode.INDEX_ENTRY_MISSING, "Row 5 of t1 has no entry in index t1a")
                        .object("t1a").key("5").sqlite("row 5 missing from index t1a").build(),
                Finding.of(FindingCode.CELL_OVERLAP, "Cells 0 and 1 of page 5 both use bytes 900..903")
                        .object("t1a").at(Span.inPage(5, 900, 4)).cell(1).build(),
                Finding.of(FindingCode.TEXT_ENCODING_INVALID, "t1.b holds text that is not valid UTF-8")
                        .object("t1").at(Span.inPage(3, 4000, 5)).cell(0).key("12").build(),
                Finding.of(FindingCode.WAL_UNCOMMITTED_FRAMES, "3 frames after the last commit")
                        .at(Span.inFile(32 + 3 * 1048, 3 * 1048)).build());
        return new CheckReport(file, CheckReport.verdictOf(findings), findings, 2, STATS);
    }

    static CheckReport unreadable(String file) {
        return new CheckReport(file, Verdict.UNREADABLE, List.of(Finding.of(FindingCode.FILE_UNREADABLE,
                file + ": no such file").build()), 0, CheckStats.NONE);
    }

    static List<CheckedFile> three() {
        return List.of(new CheckedFile(ok("ok.db"), 1024, List.of("sqlite_schema", "t1", "t1a")),
                new CheckedFile(corrupt("bad.db"), 1024, List.of("sqlite_schema", "t1", "t1a")),
                CheckedFile.of(unreadable("missing.db")));
    }
}
