package dev.loupe.repro.sql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.repro.engine.Abort;
import dev.loupe.repro.engine.Outcome;
import dev.loupe.repro.engine.RunResult;
import dev.loupe.repro.engine.Value;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Outcomes in canonical form: one line for a summary, a block of text for outputs/ENGINE.txt and JSON for
 * reproducer.json. Values are typed (1, 1.0, '1' and X'31' differ) and reals print with every digit needed to read
 * back the same double, so two outputs that look the same are the same.
 */
public final class OutcomeText {

    private static final int SHORT_ROWS = 3;

    private OutcomeText() {
    }

    /** One short line: "rows [a, b]: (1, 'x'), (2, NULL)", "error SYNTAX: near ...", "crash: ...". */
    public static String brief(Outcome o) {
        if (o == null) {
            return "no outcome (the run stopped before)";
        }
        if (o instanceof Outcome.Rows r) {
            return r.rows().isEmpty() ? "no rows" : "columns " + r.columns() + ", "
                    + r.rows().size() + (r.rows().size() == 1 ? " row: " : " rows: ")
                    + r.rows().stream().limit(SHORT_ROWS).map(OutcomeText::row).collect(Collectors.joining(", "))
                    + (r.rows().size() > SHORT_ROWS ? ", ..." : "");
        }
        if (o instanceof Outcome.Error e) {
            return "error " + e.errorClass() + ": " + oneLine(e.message());
        }
        Abort a = ((Outcome.Aborted) o).abort();
        return a.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + oneLine(a.detail());
    }

    /** Each statement's outcome as a block: "-- [i] SQL", then "columns: ..." and "row: ..." lines, or the error. */
    public static String blocks(List<String> sqls, RunResult run) {
        StringBuilder b = new StringBuilder();
        b.append("-- engine ").append(run.engine()).append(' ').append(run.version()).append('\n');
        for (int i = 0; i < sqls.size(); i++) {
            b.append("-- [").append(i).append("] ").append(oneLine(sqls.get(i))).append('\n');
            Outcome o = i < run.outcomes().size() ? run.outcomes().get(i) : null;
            if (o == null) {
                b.append("(not run)\n");
            } else if (o instanceof Outcome.Rows r) {
                if (!r.rows().isEmpty()) {
                    b.append("columns: ").append(String.join(" | ", r.columns())).append('\n');
                }
                for (List<Value> row : r.rows()) {
                    b.append("row: ").append(row.stream().map(OutcomeText::typed)
                            .collect(Collectors.joining(" | "))).append('\n');
                }
            } else if (o instanceof Outcome.Error e) {
                b.append("error ").append(e.errorClass()).append(": ").append(oneLine(e.message())).append('\n');
            } else {
                b.append(abortLine(((Outcome.Aborted) o).abort())).append('\n');
            }
        }
        return b.toString();
    }

    /** An outcome as JSON: {"columns", "rows"} with typed values as the runner protocol writes them, or error/abort. */
    public static ObjectNode json(Outcome o) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (o == null) {
            n.putNull("none");
        } else if (o instanceof Outcome.Rows r) {
            var cols = n.putArray("columns");
            r.columns().forEach(cols::add);
            var rows = n.putArray("rows");
            for (List<Value> row : r.rows()) {
                var a = rows.addArray();
                for (Value v : row) {
                    if (v instanceof Value.Int i) {
                        a.addObject().put("i", Long.toString(i.value()));
                    } else if (v instanceof Value.Real d) {
                        if (Double.isFinite(d.value())) {
                            a.addObject().put("r", d.value());
                        } else {
                            a.addObject().put("r", d.literal());
                        }
                    } else if (v instanceof Value.Text t) {
                        a.addObject().put("t", t.value());
                    } else if (v instanceof Value.Blob bl) {
                        a.addObject().put("b", bl.hex());
                    } else {
                        a.addNull();
                    }
                }
            }
        } else if (o instanceof Outcome.Error e) {
            n.putObject("error").put("class", e.errorClass().name()).put("message", e.message())
                    .put("code", e.code());
        } else {
            Abort a = ((Outcome.Aborted) o).abort();
            n.putObject("aborted").put("kind", a.kind().name()).put("exitCode", a.exitCode())
                    .put("signal", a.signal()).put("detail", a.detail());
        }
        return n;
    }

    static String row(List<Value> row) {
        return "(" + row.stream().map(Value::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** A value with its storage class: integer 1, real 1.0, text 'a', blob X'00', null. */
    static String typed(Value v) {
        return v instanceof Value.Null ? "null" : v.typeName() + " " + v.literal();
    }

    private static String abortLine(Abort a) {
        return a.kind().name().toLowerCase(java.util.Locale.ROOT) + " (exit " + a.exitCode() + ", signal "
                + a.signal() + "): " + oneLine(a.detail());
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
