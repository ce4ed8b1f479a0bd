package dev.loupe.check.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.check.CheckReport;
import dev.loupe.check.CheckStats;
import dev.loupe.check.Finding;
import dev.loupe.format.btree.PathStep;

/**
 * The JSON shape of findings and file reports shared by the json and jsonl formats (docs/json.md). Field names are
 * stable. Absent values are null: {@code page} when the finding concerns no single page (then {@code offset}, if
 * not null, is an offset in the file), {@code cell} and {@code offset} when unknown, {@code object} for file-level
 * findings, {@code sqlite} when SQLite 3.40 prints nothing for the problem.
 */
public final class FindingJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FindingJson() {
    }

    /** The contract's keys first (code, severity, page, offset, object, message), then every other field. */
    public static ObjectNode finding(Finding f) {
        ObjectNode o = NODES.objectNode();
        o.put("code", f.code().code());
        o.put("severity", f.severity().code());
        if (f.page() > 0) {
            o.put("page", f.page());
        } else {
            o.putNull("page");
        }
        if (f.offset() >= 0) {
            o.put("offset", f.offset());
        } else {
            o.putNull("offset");
        }
        o.put("object", f.object());
        o.put("message", f.message());
        if (f.cell() >= 0) {
            o.put("cell", f.cell());
        } else {
            o.putNull("cell");
        }
        o.put("length", f.length());
        ArrayNode path = o.putArray("path");
        for (PathStep s : f.path()) {
            path.addObject().put("page", s.page()).put("cell", s.cellIndex());
        }
        ArrayNode keys = o.putArray("keys");
        f.keys().forEach(keys::add);
        o.put("sqlite", f.sqlite());
        return o;
    }

    /** The jsonl line of one file: exactly {file, verdict, findings}. */
    public static ObjectNode contractLine(CheckReport r) {
        ObjectNode o = NODES.objectNode();
        o.put("file", r.file());
        o.put("verdict", r.verdict().code());
        ArrayNode fs = o.putArray("findings");
        r.findings().forEach(f -> fs.add(finding(f)));
        return o;
    }

    /** The json format's entry for one file: the contract's keys plus dropped and stats. */
    public static ObjectNode file(CheckReport r) {
        ObjectNode o = contractLine(r);
        o.put("dropped", r.dropped());
        o.set("stats", stats(r.stats()));
        return o;
    }

    public static ObjectNode stats(CheckStats s) {
        ObjectNode o = NODES.objectNode();
        o.put("pages", s.pages());
        o.put("trees", s.trees());
        o.put("rows", s.rows());
        o.put("indexEntries", s.indexEntries());
        o.put("millis", s.millis());
        return o;
    }

    public static ObjectNode summary(ReportSummary s) {
        ObjectNode o = NODES.objectNode();
        o.put("files", s.files());
        o.put("ok", s.ok());
        o.put("corrupt", s.corrupt());
        o.put("unreadable", s.unreadable());
        o.put("errors", s.errors());
        o.put("warnings", s.warnings());
        o.put("infos", s.infos());
        o.put("dropped", s.dropped());
        return o;
    }
}
