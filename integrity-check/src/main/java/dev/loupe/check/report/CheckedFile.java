package dev.loupe.check.report;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One file's report with what the reporters need besides the findings.
 *
 * @param report   the checker's report
 * @param pageSize the database's page size, to turn (page, offset) into a file offset (SARIF regions); 0 if
 *                 unknown (the SARIF reporter then reads it from the file's header)
 * @param objects  the tables and indexes that were checked, in schema order (JUnit test cases); objects named
 *                 by findings but missing here are added after them
 */
public record CheckedFile(CheckReport report, int pageSize, List<String> objects) {

    public CheckedFile {
        objects = List.copyOf(objects);
    }

    /** A report alone: page size unknown, objects taken from its findings. */
    public static CheckedFile of(CheckReport report) {
        return new CheckedFile(report, 0, List.of());
    }

    public String file() {
        return report.file();
    }

    /** {@link #objects} followed by any object a finding names that is not among them, without duplicates. */
    public List<String> allObjects() {
        Set<String> all = new LinkedHashSet<>(objects);
        for (Finding f : report.findings()) {
            if (f.object() != null) {
                all.add(f.object());
            }
        }
        return new ArrayList<>(all);
    }
}
