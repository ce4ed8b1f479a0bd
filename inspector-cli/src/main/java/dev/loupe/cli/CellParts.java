package dev.loupe.cli;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Span;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadPiece;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.record.Field;
import dev.loupe.format.record.Record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers shared by the text and JSON forms of {@code loupe cell}: bytes of payload ranges and the chain. */
final class CellParts {

    /** One overflow page of a payload: its number, its next pointer, and the payload bytes it holds. */
    record OverflowStep(long page, long next, long payloadOffset, int length) {
    }

    private CellParts() {
    }

    /** Payload bytes {@code [offset, offset+len)} as far as they were read. */
    static byte[] payloadBytes(Payload p, long offset, long len) {
        long from = Math.min(offset, p.length());
        long to = Math.min(offset + len, p.length());
        byte[] out = new byte[(int) (to - from)];
        System.arraycopy(p.bytes(), p.start() + (int) from, out, 0, out.length);
        return out;
    }

    /** The record header's size varint bytes. */
    static byte[] headerSizeBytes(Payload p, Record r) {
        return payloadBytes(p, 0, r.headerSizeLength());
    }

    static byte[] typeBytes(Payload p, Field f) {
        return payloadBytes(p, f.typeOffset(), f.typeLength());
    }

    /** "5:3012+4, 88:4+1020": where payload bytes are, page by page. */
    static String at(List<Span> spans) {
        return spans.isEmpty() ? "-" : spans.stream().map(SpanBytes::at).collect(Collectors.joining(", "));
    }

    static List<OverflowStep> chain(Payload p, PageSource pages) throws IOException {
        List<OverflowStep> out = new ArrayList<>();
        List<PayloadPiece> pieces = p.pieces();
        for (int i = 1; i < pieces.size(); i++) {
            PayloadPiece piece = pieces.get(i);
            byte[] data = pages.read(piece.span().page());
            long next = data == null ? 0 : BigEndian.u32(data, 0);
            out.add(new OverflowStep(piece.span().page(), next, piece.payloadOffset(), piece.span().length()));
        }
        return out;
    }
}
