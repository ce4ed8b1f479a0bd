package dev.loupe.wal;

/** A freeblock of one version of a page: its offset and size (fileformat2 §1.6). */
public record FreeblockRef(int offset, int size) {
}
