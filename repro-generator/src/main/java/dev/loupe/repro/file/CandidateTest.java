package dev.loupe.repro.file;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import dev.loupe.format.Database;
import dev.loupe.format.SchemaEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a candidate image still shows the failure: the checker, in process on the image, reports the
 * target finding; it reports no error of a code the original did not have (no drift to another bug); and, when
 * SQLite flagged the original, SQLite flags the candidate too, in the same way ({@link SqliteIntegrity#kind}):
 * a file whose integrity_check listed problems must not become one SQLite refuses to read at all, which would
 * hide a new kind of damage behind "flagged".
 */
final class CandidateTest {

    /** What the checker said of an image: its findings and the schema rows they are read against. */
    record Verdict(List<Finding> findings, List<SchemaEntry> schema) {
    }

    private final Checker checker = Checker.standard(CheckOptions.defaults().withThreads(1));
    private final FindingTarget target;
    private final Set<String> allowedErrors;
    /** The kind of SQLite's verdict on the original when it flagged it, else null (SQLite is not asked). */
    private final String sqliteKind;
    private int runs;

    CandidateTest(FindingTarget target, Set<String> allowedErrors, String sqliteKind) {
        this.target = target;
        this.allowedErrors = Set.copyOf(allowedErrors);
        this.sqliteKind = sqliteKind;
    }

    static Verdict check(Checker checker, byte[] image) throws IOException {
        Database db = Database.fromImage(image, "candidate");
        CheckReport report = checker.check(db);
        List<SchemaEntry> schema = new ArrayList<>();
        try {
            schema.addAll(db.schemaSnapshot().entries());
        } catch (IOException | RuntimeException e) {
            // no schema rows: findings are then classed by their object name alone
        }
        return new Verdict(report.findings(), schema);
    }

    /** The target finding in {@code image}, or null if the image does not pass. */
    Finding test(byte[] image) throws IOException {
        runs++;
        Verdict v = check(checker, image);
        Finding f = target.match(v.findings(), v.schema());
        if (f == null) {
            return null;
        }
        for (Finding other : v.findings()) {
            if (other.severity() == Severity.ERROR && !allowedErrors.contains(other.code().code())) {
                return null;
            }
        }
        if (sqliteKind != null && !sqliteKind.equals(SqliteIntegrity.kind(SqliteIntegrity.check(image)))) {
            return null;
        }
        return f;
    }

    int runs() {
        return runs;
    }
}
