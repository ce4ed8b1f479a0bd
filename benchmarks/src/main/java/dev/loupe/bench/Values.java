package dev.loupe.bench;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

/** Hands a decoded value's content to a sink: the Java string, the byte array, the number. */
final class Values {

    private Values() {
    }

    static void consume(Value v, Sink sink) {
        if (v instanceof IntegerValue i) {
            sink.consume(i.value());
        } else if (v instanceof RealValue r) {
            sink.consume(r.value());
        } else if (v instanceof TextValue t) {
            sink.consume(t.value());
        } else if (v instanceof BlobValue b) {
            sink.consume(b.value());
        } else {
            sink.consume(v); // NULL, or null for an unreadable value
        }
    }
}
