package dev.loupe.check.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One JSON object per file and line, exactly the DESIGN.md contract:
 * {@code {"file", "verdict", "findings": [{"code", "severity", "page", "offset", "object", "message", ...}]}}.
 */
public final class JsonlReporter implements Reporter {

    @Override
    public void write(List<CheckedFile> files, Writer out) throws IOException {
        for (CheckedFile f : files) {
            JsonLine.write(FindingJson.contractLine(f.report()), out);
            out.write('\n');
        }
        out.flush();
    }
}
