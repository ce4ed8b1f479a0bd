package dev.loupe.format.record;

/** A value as SQLite stores it in a record (fileformat2 §2.1): one of its five storage classes. */
public sealed interface Value permits NullValue, IntegerValue, RealValue, TextValue, BlobValue {

    /** The storage class name, as typeof() prints it. */
    String typeName();
}
