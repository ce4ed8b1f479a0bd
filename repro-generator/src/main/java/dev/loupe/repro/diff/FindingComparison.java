package dev.loupe.repro.diff;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import dev.loupe.format.Database;
import dev.loupe.format.Progress;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Loupe's checker on both files and sets the findings against each other, matched by code and object (page
 * numbers differ between files, so they are not part of the match): a finding one file has more often than the
 * other is a difference. An error or warning is incompatible (one file has a structure the other gets right); an
 * info finding (uncommitted WAL frames, something the checker could not evaluate) is benign.
 */
final class FindingComparison {

    private FindingComparison() {
    }

    static void compare(Database a, Database b, int threads, Progress progress, Differences out) throws IOException {
        List<Finding> fa = findings(a, threads, progress);
        List<Finding> fb = findings(b, threads, progress);
        extra(fa, fb, true, out);
        extra(fb, fa, false, out);
    }

    private static List<Finding> findings(Database db, int threads, Progress progress) throws IOException {
        if (db.pageCount() == 0) {
            return List.of(); // an empty file is an empty database to SQLite, nothing to check
        }
        return Checker.standard(CheckOptions.defaults().withThreads(threads)).check(db, progress).findings();
    }

    /** The findings of {@code mine} beyond those of the same code and object in {@code other}. */
    private static void extra(List<Finding> mine, List<Finding> other, boolean inA, Differences out) {
        Map<String, Integer> theirs = new HashMap<>();
        for (Finding f : other) {
            theirs.merge(key(f), 1, Integer::sum);
        }
        for (Finding f : mine) {
            String k = key(f);
            int left = theirs.getOrDefault(k, 0);
            if (left > 0) {
                theirs.put(k, left - 1);
                continue;
            }
            DiffClass c = f.severity() == Severity.INFO ? DiffClass.BENIGN : DiffClass.INCOMPATIBLE;
            String text = f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.message();
            long offset = Math.max(-1, f.offset());
            out.add(new Difference(c, DiffKind.FINDING, f.object(), f.keys().isEmpty() ? null : f.keys().get(0),
                    inA ? f.page() : 0, inA ? 0 : f.page(), inA ? offset : -1, inA ? -1 : offset, f.code().code(),
                    inA ? text : "", inA ? "" : text, "checker finding " + f.code().code() + " in "
                    + (inA ? "A" : "B") + " only" + (f.sqlite() == null ? "" : " (SQLite: " + f.sqlite() + ")")));
        }
    }

    private static String key(Finding f) {
        return f.code().code() + "\u0000" + (f.object() == null ? "" : f.object().toLowerCase(java.util.Locale.ROOT));
    }
}
