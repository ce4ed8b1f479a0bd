package dev.loupe.check;

import java.util.List;

/**
 * The result of checking one file.
 *
 * @param file      the file as named by the caller
 * @param verdict   ok, corrupt or unreadable
 * @param findings  in a deterministic order: file and header, then each tree in schema order, then page use,
 *                  freelist and pointer map, then row and index checks, then the WAL
 * @param dropped   findings not reported because of the limit
 * @param stats     what was covered
 */
public record CheckReport(String file, Verdict verdict, List<Finding> findings, long dropped, CheckStats stats) {

    public CheckReport {
        findings = List.copyOf(findings);
    }

    /** The verdict implied by a list of findings. */
    public static Verdict verdictOf(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return Verdict.CORRUPT;
            }
        }
        return Verdict.OK;
    }

    /** True if some finding is at least as severe as {@code threshold}. */
    public boolean hasFindingAtLeast(Severity threshold) {
        for (Finding f : findings) {
            if (f.severity().atLeast(threshold)) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
