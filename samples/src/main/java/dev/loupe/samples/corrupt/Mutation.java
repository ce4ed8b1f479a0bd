package dev.loupe.samples.corrupt;

/** A deterministic change to the bytes of a database image (and its WAL), locating its target by parsing. */
@FunctionalInterface
public interface Mutation {
    void apply(Image image);
}
