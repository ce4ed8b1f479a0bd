package dev.loupe.check.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One JSON object per file and line, exactly the DESIGN.md contract:
 * {@code {"file", "verdict", "findings": [{"code", "severity", "page", "offset", "object", "message", ...}]}}.
 */
public final class JsonlReporter implements Reporter {

    private final ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(List<CheckedFile> files, Writer out) throws IOException {
        for (CheckedFile f : files) {
            out.write(mapper.writeValueAsString(FindingJson.contractLine(f.report())));
            out.write('\n');
        }
        out.flush();
    }
}
