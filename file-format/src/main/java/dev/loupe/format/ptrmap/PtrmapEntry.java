package dev.loupe.format.ptrmap;

import dev.loupe.format.Span;

import java.util.Optional;

/**
 * One five-byte pointer-map entry: a type byte and a 4-byte parent page number (fileformat2 §1.7).
 *
 * @param page    the page this entry describes
 * @param rawType the type byte as stored (1..5 when valid)
 * @param parent  the parent page number as stored
 * @param span    where the entry is in its pointer-map page
 */
public record PtrmapEntry(long page, int rawType, long parent, Span span) {

    /** The type, or empty when the stored byte is none of 1..5. */
    public Optional<PtrmapType> type() {
        return PtrmapType.fromCode(rawType);
    }
}
