package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** Records (fileformat2 §2.1) and the column constraints integrity_check verifies on them. */
final class RecordCases {
    private RecordCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("not-null-holds-null", Sample.DEMO,
                        "loan_events.loan_id (NOT NULL) of the first row holding 0 or 1: serial type 8/9 -> 0 (NULL)",
                        img -> {
                            Cell c = img.findCell(img.rootPage("loan_events"), x -> {
                                long t = x.fields().get(1).serialType();
                                return t == 8 || t == 9;
                            });
                            c.setSerialType(c.fields().get(1), 0);
                        }, "not-null-violated"),
                of("strict-int-holds-text", Sample.TYPES,
                        "strict_t.i (STRICT INT): a 1-byte integer turned into the 1-character text 'x'",
                        img -> {
                            Cell c = img.findCell(img.rootPage("strict_t"), x -> x.fields().get(1).serialType() == 1);
                            Field f = c.fields().get(1);
                            c.setSerialType(f, 15);
                            img.put8(f.bodyPos(), 'x');
                        }, "strict-type-violated"),
                of("strict-real-holds-blob", Sample.TYPES,
                        "strict_t.r (STRICT REAL): an 8-byte float turned into an 8-byte blob",
                        img -> {
                            Cell c = img.findCell(img.rootPage("strict_t"), x -> x.fields().size() > 2
                                    && x.fields().get(2).serialType() == 7);
                            c.setSerialType(c.fields().get(2), 28);
                        }, "strict-type-violated"),
                of("text-column-holds-integer", Sample.TYPES,
                        "affinity.t (TEXT affinity): a short text turned into an integer of the same width",
                        img -> {
                            Cell c = img.findCell(img.rootPage("affinity"), x -> x.fields().size() > 5
                                    && intTypeForWidth(x.fields().get(5)) > 0);
                            Field f = c.fields().get(5);
                            c.setSerialType(f, intTypeForWidth(f));
                        }, "affinity-violated"),
                of("integer-column-holds-numeric-text", Sample.TYPES,
                        "affinity.i (INTEGER affinity): a 1-byte integer turned into the text '7'",
                        img -> {
                            Cell c = img.findCell(img.rootPage("affinity"), x -> x.fields().size() > 2
                                    && x.fields().get(2).serialType() == 1);
                            Field f = c.fields().get(2);
                            c.setSerialType(f, 15);
                            img.put8(f.bodyPos(), '7');
                        }, "affinity-violated"),
                of("serial-type-10", Sample.PAGE_1024,
                        "A NULL in column v of table mixed given the reserved serial type 10",
                        img -> setNullTo(img, 10), "serial-type-reserved"),
                of("serial-type-11", Sample.PAGE_1024,
                        "A NULL in column v of table mixed given the reserved serial type 11",
                        img -> setNullTo(img, 11), "serial-type-reserved"),
                of("record-header-size-too-big", Sample.TYPES,
                        "Record header size of a short row of table serial set to 127, past the payload's end",
                        img -> {
                            Cell c = img.findCell(img.rootPage("serial"), x -> x.payloadSize() < 100
                                    && x.overflowPos() < 0 && img.u8(x.payloadStart()) < 0x80);
                            img.put8(c.payloadStart(), 127);
                        }, "record-malformed"),
                of("text-invalid-utf8", Sample.DEMO,
                        "First byte of an unindexed books.summary text set to 0xFF (invalid UTF-8)",
                        img -> {
                            Cell c = img.findCell(img.rootPage("books"), x -> x.fields().size() > 6
                                    && x.fields().get(6).isText() && x.fields().get(6).bodyLength() > 0
                                    && x.fields().get(6).bodyPos() < x.payloadStart() + x.localSize());
                            img.put8(c.fields().get(6).bodyPos(), 0xff);
                        }, "text-encoding-invalid"),
                of("text-lone-surrogate-utf16le", Sample.UTF16LE,
                        "First code unit of an unindexed words.note text set to U+DC00, a lone low surrogate",
                        img -> {
                            Cell c = img.findCell(img.rootPage("words"), x -> x.fields().size() > 3
                                    && x.fields().get(3).isText() && x.fields().get(3).bodyLength() >= 2
                                    && x.fields().get(3).bodyPos() < x.payloadStart() + x.localSize() - 1);
                            int p = c.fields().get(3).bodyPos();
                            img.put8(p, 0x00);
                            img.put8(p + 1, 0xdc);
                        }, "text-encoding-invalid"),
                of("without-rowid-pk-order", Sample.WITHOUT_ROWID,
                        "Cell pointers 0 and 1 of the WITHOUT ROWID table edges' first leaf swapped",
                        img -> swapCells(img, img.leaves(img.rootPage("edges")).get(0), 0, 1),
                        "primary-key-order"));
    }

    static void swapCells(Image img, int page, int i, int j) {
        int a = img.cellPointerPos(page, i);
        int b = img.cellPointerPos(page, j);
        int x = img.u16(a);
        img.put16(a, img.u16(b));
        img.put16(b, x);
    }

    private static void setNullTo(Image img, int serialType) {
        Cell c = img.findCell(img.rootPage("mixed"), x -> x.fields().size() > 5 && x.fields().get(5).isNull()
                && x.fields().get(1).isInteger());
        c.setSerialType(c.fields().get(5), serialType);
    }

    /** The integer serial type with the same body width as a text field, or 0 if none has it. */
    private static int intTypeForWidth(Field f) {
        if (!f.isText()) {
            return 0;
        }
        return switch (f.bodyLength()) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 6 -> 5;
            case 8 -> 6;
            default -> 0;
        };
    }
}
