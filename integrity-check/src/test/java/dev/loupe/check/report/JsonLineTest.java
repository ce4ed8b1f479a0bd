package dev.loupe.check.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** JsonLine writes what ObjectMapper writes for the same tree, byte for byte. */
class JsonLineTest {

    @Test
    void sameTextAsObjectMapper() throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("text", "plain");
        o.put("escapes", "quote \" backslash \\ tab \t newline \n nul \u0000 del \u007f");
        o.put("unicode", "Zürich 東京 \uD83D\uDE00 \u2028");
        o.put("int", -7);
        o.put("long", Long.MIN_VALUE);
        o.put("double", -0.0);
        o.put("tiny", 4.9e-324);
        o.put("float", 1.5f);
        o.put("big", new BigInteger("123456789012345678901234567890"));
        o.put("decimal", new BigDecimal("1.10"));
        o.put("yes", true);
        o.put("no", false);
        o.putNull("nothing");
        o.put("nullText", (String) null);
        ArrayNode a = o.putArray("array");
        a.add(1).add("two").addNull().addObject().put("page", 3).put("cell", 4);
        a.addArray();
        o.putObject("empty");
        o.putArray("findings");

        StringWriter w = new StringWriter();
        JsonLine.write(o, w);
        assertThat(w.toString()).isEqualTo(new ObjectMapper().writeValueAsString(o));
    }
}
