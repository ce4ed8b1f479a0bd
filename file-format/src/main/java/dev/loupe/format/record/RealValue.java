package dev.loupe.format.record;

/** An IEEE 754 double (serial type 7), or an integer read through REAL affinity. */
public record RealValue(double value) implements Value {

    @Override
    public String typeName() {
        return "real";
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
