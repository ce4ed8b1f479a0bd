package dev.loupe.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.Problem;
import dev.loupe.format.Span;
import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.io.IOException;

/**
 * Record values, spans and problems as JSON (docs/json.md): integers and reals as numbers, text as strings, NULL
 * as null, blobs as {"blob": "<lowercase hex>"}.
 */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    static JsonNode value(Value v) {
        if (v instanceof IntegerValue i) {
            return NODES.numberNode(i.value());
        }
        if (v instanceof RealValue r) {
            double d = r.value();
            // JSON has no infinities or NaN; SQLite's json() writes infinities as 9e999 too.
            if (Double.isNaN(d)) {
                return NODES.nullNode();
            }
            if (Double.isInfinite(d)) {
                return NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(d > 0 ? "9e999" : "-9e999"));
            }
            return NODES.numberNode(d);
        }
        if (v instanceof TextValue t) {
            return NODES.textNode(t.value());
        }
        if (v instanceof BlobValue b) {
            ObjectNode o = NODES.objectNode();
            o.put("blob", b.hex());
            return o;
        }
        return NODES.nullNode();
    }

    /** Streams one value, as {@link #value(Value)} would build it, without building a node. */
    static void write(JsonGenerator gen, Value v) throws IOException {
        if (v instanceof IntegerValue i) {
            gen.writeNumber(i.value());
        } else if (v instanceof RealValue r) {
            double d = r.value();
            if (Double.isNaN(d)) {
                gen.writeNull();
            } else if (Double.isInfinite(d)) {
                gen.writeRawValue(d > 0 ? "9e999" : "-9e999");
            } else {
                gen.writeNumber(d);
            }
        } else if (v instanceof TextValue t) {
            gen.writeString(t.value());
        } else if (v instanceof BlobValue b) {
            gen.writeStartObject();
            gen.writeStringField("blob", b.hex());
            gen.writeEndObject();
        } else {
            gen.writeNull();
        }
    }

    static ObjectNode span(Span s) {
        ObjectNode o = NODES.objectNode();
        if (s.isInPage()) {
            o.put("page", s.page());
        }
        o.put("offset", s.offset());
        o.put("length", s.length());
        return o;
    }

    static ObjectNode problem(Problem p) {
        ObjectNode o = NODES.objectNode();
        o.put("kind", p.kind().code());
        o.set("span", span(p.span()));
        o.put("message", p.message());
        return o;
    }
}
