package dev.loupe.cli;

import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.Arrays;

/** The bytes a span of a database page points at, as the database is viewed (WAL applied or not). */
final class SpanBytes {

    private SpanBytes() {
    }

    /** The span's bytes, or fewer when the page is short or unreadable. */
    static byte[] read(PageSource pages, Span s) throws IOException {
        byte[] page = pages.read(s.page());
        if (page == null || s.offset() >= page.length) {
            return new byte[0];
        }
        return Arrays.copyOfRange(page, (int) s.offset(), (int) Math.min(page.length, s.end()));
    }

    /** "page:offset+length", the compact form used in tables. */
    static String at(Span s) {
        return s.page() + ":" + s.offset() + "+" + s.length();
    }
}
