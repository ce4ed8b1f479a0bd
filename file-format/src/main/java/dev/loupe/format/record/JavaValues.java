package dev.loupe.format.record;

/**
 * Values and the plain Java objects the schema model uses for literals (Long, Double, String, byte[], null), both
 * ways: DEFAULT literals and affinity conversions work on objects, rows on values.
 */
public final class JavaValues {

    private JavaValues() {
    }

    public static Value fromJava(Object o) {
        if (o instanceof Long l) {
            return IntegerValue.of(l);
        }
        if (o instanceof Double d) {
            return new RealValue(d);
        }
        if (o instanceof String s) {
            return new TextValue(s);
        }
        return o instanceof byte[] b ? new BlobValue(b) : NullValue.INSTANCE;
    }

    public static Object toJava(Value v) {
        if (v instanceof IntegerValue i) {
            return i.value();
        }
        if (v instanceof RealValue r) {
            return r.value();
        }
        if (v instanceof TextValue t) {
            return t.value();
        }
        return v instanceof BlobValue b ? b.value() : null;
    }
}
