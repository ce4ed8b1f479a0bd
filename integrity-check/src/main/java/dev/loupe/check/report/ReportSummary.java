package dev.loupe.check.report;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Severity;

import java.util.List;

/** Totals over the files of one run. */
public record ReportSummary(int files, int ok, int corrupt, int unreadable, long errors, long warnings, long infos,
                            long dropped) {

    public static ReportSummary of(List<CheckedFile> files) {
        int ok = 0;
        int corrupt = 0;
        int unreadable = 0;
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        long dropped = 0;
        for (CheckedFile cf : files) {
            CheckReport r = cf.report();
            switch (r.verdict()) {
                case OK -> ok++;
                case CORRUPT -> corrupt++;
                case UNREADABLE -> unreadable++;
            }
            errors += r.count(Severity.ERROR);
            warnings += r.count(Severity.WARNING);
            infos += r.count(Severity.INFO);
            dropped += r.dropped();
        }
        return new ReportSummary(files.size(), ok, corrupt, unreadable, errors, warnings, infos, dropped);
    }
}
