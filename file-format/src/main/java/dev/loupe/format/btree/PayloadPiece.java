package dev.loupe.format.btree;

import dev.loupe.format.Span;

/** A run of payload bytes and where they are: the local part on the b-tree page, or part of one overflow page. */
public record PayloadPiece(long payloadOffset, Span span) {

    public long payloadEnd() {
        return payloadOffset + span.length();
    }
}
