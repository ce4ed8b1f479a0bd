package dev.loupe.check.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One JSON document: {@code {"files": [{file, verdict, findings, dropped, stats}...], "summary": {...}}}. */
public final class JsonReporter implements Reporter {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(List<CheckedFile> files, Writer out) throws IOException {
        var root = FindingJson.NODES.objectNode();
        var arr = root.putArray("files");
        files.forEach(f -> arr.add(FindingJson.file(f.report())));
        root.set("summary", FindingJson.summary(ReportSummary.of(files)));
        mapper.writeValue(out, root);
        out.write("\n");
        out.flush();
    }
}
