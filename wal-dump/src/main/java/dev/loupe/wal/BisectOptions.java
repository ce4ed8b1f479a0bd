package dev.loupe.wal;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;

/**
 * What {@link WalBisect} looks for and how.
 *
 * @param finding  the finding code to look for (e.g. {@code rowid-order}); null for any finding of error severity
 * @param check    the checker's options (quick, threads, finding limit); its object filter is not used: every
 *                 table is checked
 * @param strategy naive or incremental
 */
public record BisectOptions(FindingCode finding, CheckOptions check, BisectStrategy strategy) {

    public static BisectOptions defaults() {
        return new BisectOptions(null, CheckOptions.defaults().withThreads(1), BisectStrategy.INCREMENTAL);
    }

    public BisectOptions withFinding(FindingCode code) {
        return new BisectOptions(code, check, strategy);
    }

    public BisectOptions withStrategy(BisectStrategy s) {
        return new BisectOptions(finding, check, s);
    }

    public BisectOptions withCheck(CheckOptions c) {
        return new BisectOptions(finding, c, strategy);
    }

    /** Whether {@code f} is what the bisection looks for. */
    public boolean matches(Finding f) {
        return finding == null ? f.severity() == Severity.ERROR : f.code() == finding;
    }
}
