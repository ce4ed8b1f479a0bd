package dev.loupe.check.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, one rule per {@link FindingCode}, one
 * result per finding. A result's physical location is the database file with a binary region (byteOffset,
 * byteLength) at the finding's bytes, computed as {@code (page - 1) * pageSize + offset}; its logical location is
 * the table or index. WAL findings point into the {@code -wal} file.
 */
public final class SarifReporter implements Reporter {

    public static final String VERSION = "2.1.0";
    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The checker's object name for findings about the -wal file (their offsets are offsets in that file). */
    static final String WAL_OBJECT = "-wal";

    private final ReportSettings settings;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public SarifReporter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(List<CheckedFile> files, Writer out) throws IOException {
        ObjectNode root = FindingJson.NODES.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", VERSION);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "loupe");
        driver.put("version", settings.toolVersion());
        driver.put("informationUri", settings.informationUri());
        ArrayNode rules = driver.putArray("rules");
        for (FindingCode c : FindingCode.values()) {
            rules.add(rule(c));
        }
        ArrayNode results = run.putArray("results");
        for (CheckedFile f : files) {
            int pageSize = f.pageSize() > 0 ? f.pageSize() : HeaderPageSize.read(f.file());
            for (Finding fd : f.report().findings()) {
                results.add(result(f.file(), pageSize, fd));
            }
        }
        run.put("columnKind", "unicodeCodePoints");
        mapper.writeValue(out, root);
        out.write("\n");
        out.flush();
    }

    private ObjectNode rule(FindingCode c) {
        ObjectNode r = FindingJson.NODES.objectNode();
        r.put("id", c.code());
        r.put("name", camel(c));
        r.putObject("shortDescription").put("text", c.title());
        r.put("helpUri", settings.findingsDocUri() + "#" + c.code());
        r.putObject("defaultConfiguration").put("level", level(c.severity()));
        return r;
    }

    private static ObjectNode result(String file, int pageSize, Finding f) {
        ObjectNode r = FindingJson.NODES.objectNode();
        r.put("ruleId", f.code().code());
        r.put("ruleIndex", f.code().ordinal());
        r.put("level", level(f.severity()));
        String where = FindingLocation.text(f);
        r.putObject("message").put("text", f.message() + (where.isEmpty() ? "" : " (" + where + ")"));
        ObjectNode loc = r.putArray("locations").addObject();
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", ArtifactUri.of(artifact(file, f)));
        long[] region = region(pageSize, f);
        if (region != null) {
            physical.putObject("region").put("byteOffset", region[0]).put("byteLength", region[1]);
        }
        if (f.object() != null) {
            loc.putArray("logicalLocations").addObject().put("name", f.object())
                    .put("fullyQualifiedName", f.object()).put("kind", "object");
        }
        // A stable identity across runs, so code scanning does not open a new alert each time (it cannot
        // fingerprint a binary file's "lines" itself).
        r.putObject("partialFingerprints").put("loupeFinding/v1", f.code().code() + ":" + f.object() + ":"
                + f.page() + ":" + f.cell() + ":" + f.offset());
        ObjectNode props = r.putObject("properties");
        props.put("severity", f.severity().code());
        if (f.page() > 0) {
            props.put("page", f.page());
        }
        if (f.cell() >= 0) {
            props.put("cell", f.cell());
        }
        if (!f.path().isEmpty()) {
            props.put("path", FindingLocation.path(f.path()));
        }
        if (!f.keys().isEmpty()) {
            ArrayNode keys = props.putArray("keys");
            f.keys().forEach(keys::add);
        }
        if (f.sqlite() != null) {
            props.put("sqlite", f.sqlite());
        }
        return r;
    }

    private static String artifact(String file, Finding f) {
        boolean inWal = WAL_OBJECT.equals(f.object()) || f.code().code().startsWith("wal-");
        return inWal && f.page() == 0 && f.offset() >= 0 ? file + "-wal" : file;
    }

    /**
     * {byteOffset, byteLength} of the finding's bytes in the file, or null when it points at none. A finding on a
     * whole page (no offset) covers the page.
     */
    static long[] region(int pageSize, Finding f) {
        if (f.page() > 0) {
            if (pageSize <= 0) {
                return null;
            }
            long pageStart = (f.page() - 1) * pageSize;
            return f.offset() >= 0 ? new long[]{pageStart + f.offset(), f.length()}
                    : new long[]{pageStart, pageSize};
        }
        return f.offset() >= 0 ? new long[]{f.offset(), f.length()} : null;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A rule's name: the code in UpperCamelCase, as SARIF viewers expect ("PageNeverUsed"). */
    private static String camel(FindingCode c) {
        StringBuilder sb = new StringBuilder();
        for (String part : c.code().split("-")) {
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }
}
