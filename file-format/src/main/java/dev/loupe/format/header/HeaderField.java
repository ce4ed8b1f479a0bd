package dev.loupe.format.header;

import dev.loupe.format.Span;

/**
 * One field of the 100-byte database header: where it is, its raw value and what that value means.
 *
 * @param name    the name fileformat2 §1.3 gives the field, in camelCase
 * @param span    its bytes (page 1)
 * @param raw     the unsigned big-endian value of those bytes (for the reserved area: 0 when all zero, else 1)
 * @param meaning a short explanation of the value ("4096 bytes", "UTF-8", "legacy rollback journal")
 */
public record HeaderField(String name, Span span, long raw, String meaning) {
}
