package dev.loupe.format.record;

import dev.loupe.format.Span;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadPiece;
import dev.loupe.format.header.TextEncoding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast lane must agree with the decoder exactly: a view accepts precisely the records the decoder reads without
 * a problem, with the same values, and orders values exactly as {@link ValueOrder} orders the decoded ones (which
 * the reader's SQLite differential tests pin down: TextOrderByEncodingTest and the find/expr tests).
 */
class RecordViewTest {

    private static final String[] WORDS = {"", "a", "A", "b", "B", "ab", "aB", "abc ", "abc", "abc  ", " ", "Z", "z",
            "é", "É", "ā", "ü", "ß", "日本", "日", "한국어", "Ωμέγα", "кот", "КОТ", "\uD83D\uDE00", "\uD83D\uDE00a",
            "a\u0000b", "\uFFFD", "[", "_", "`", "~", "\u007f", "\u0080", "abcdefghijklmnopq",
            "ABCDEFGHIJKLMNOPQ", "0123456789abcdefé", "longer ascii text, then ü"};

    @Test
    void viewsOrderValuesAsTheDecodedValuesDo() {
        Random r = new Random(7);
        for (TextEncoding enc : TextEncoding.values()) {
            for (int n = 0; n < 20_000; n++) {
                Value x = randomValue(r);
                Value y = randomValue(r);
                RecordView a = view(enc, x);
                RecordView b = view(enc, y);
                for (Collation c : Collation.values()) {
                    int expected = Integer.signum(ValueOrder.compare(x, y, c, enc));
                    assertThat(Integer.signum(RecordCompare.compare(a, 0, b, 0, c)))
                            .as("%s %s %s vs %s", enc, c, x, y).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aViewAcceptsExactlyTheRecordsTheDecoderReadsWithoutAProblem() {
        Random r = new Random(11);
        int accepted = 0;
        int refused = 0;
        for (TextEncoding enc : TextEncoding.values()) {
            RecordDecoder decoder = new RecordDecoder(enc, true);
            RecordView view = new RecordView(enc);
            for (int n = 0; n < 30_000; n++) {
                List<Value> values = new ArrayList<>();
                int cols = r.nextInt(6);
                for (int k = 0; k < cols; k++) {
                    values.add(randomValue(r));
                }
                byte[] rec = record(enc, values);
                if (r.nextInt(3) == 0 && rec.length > 0) {
                    // damage: a byte changed, the record cut short or lengthened, or invalid text bytes
                    switch (r.nextInt(4)) {
                        case 0 -> rec[r.nextInt(rec.length)] = (byte) r.nextInt(256);
                        case 1 -> rec = java.util.Arrays.copyOf(rec, r.nextInt(rec.length));
                        case 2 -> rec = java.util.Arrays.copyOf(rec, rec.length + 1 + r.nextInt(3));
                        default -> rec[rec.length - 1] = (byte) (0x80 | r.nextInt(128));
                    }
                }
                byte[] padded = new byte[rec.length + 6];
                System.arraycopy(rec, 0, padded, 3, rec.length);
                Record decoded = decoder.decode(payload(padded, 3, rec.length));
                boolean ok = view.parse(padded, 3, rec.length, Integer.MAX_VALUE);
                assertThat(ok).as("%s %s", enc, java.util.HexFormat.of().formatHex(rec))
                        .isEqualTo(decoded.problems().isEmpty() && rec.length > 0);
                if (ok) {
                    accepted++;
                    assertThat(view.count()).isEqualTo(decoded.columnCount());
                    for (int k = 0; k < view.count(); k++) {
                        assertThat(view.value(k)).isEqualTo(decoded.value(k));
                        assertThat(view.serialType(k)).isEqualTo(decoded.fields().get(k).serialType());
                    }
                    RecordView copy = new RecordView(enc);
                    copy.copyFrom(view);
                    for (int k = 0; k < view.count(); k++) {
                        assertThat(copy.value(k)).isEqualTo(decoded.value(k));
                    }
                } else {
                    refused++;
                }
            }
        }
        assertThat(accepted).isGreaterThan(30_000);
        assertThat(refused).isGreaterThan(5_000);
    }

    @Test
    void aViewRefusesMoreColumnsThanAsked() {
        RecordView view = new RecordView(TextEncoding.UTF8);
        byte[] rec = record(TextEncoding.UTF8, List.of(IntegerValue.of(1), IntegerValue.of(2), NullValue.INSTANCE));
        assertThat(view.parse(rec, 0, rec.length, 3)).isTrue();
        assertThat(view.parse(rec, 0, rec.length, 2)).isFalse();
        assertThat(view.count()).isZero();
    }

    private static Payload payload(byte[] b, int start, int len) {
        return new Payload(b, start, len, len, List.of(new PayloadPiece(0, Span.inPage(2, 0, Math.max(1, len)))),
                new long[0], List.of());
    }

    private static RecordView view(TextEncoding enc, Value v) {
        byte[] rec = record(enc, List.of(v));
        RecordView view = new RecordView(enc);
        assertThat(view.parse(rec, 0, rec.length, 1)).isTrue();
        return view;
    }

    private static Value randomValue(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> NullValue.INSTANCE;
            case 1 -> IntegerValue.of(r.nextInt(7) - 3);
            case 2 -> IntegerValue.of(r.nextLong() >> r.nextInt(64));
            case 3 -> IntegerValue.of((1L << 53) + r.nextInt(5) - 2);
            case 4 -> new RealValue(switch (r.nextInt(6)) {
                case 0 -> -0.0;
                case 1 -> (double) (r.nextInt(7) - 3);
                case 2 -> 9.007199254740993E15;
                case 3 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                default -> r.nextGaussian() * 1e6;
            });
            case 5 -> new BlobValue(bytes(r));
            default -> new TextValue(WORDS[r.nextInt(WORDS.length)] + (r.nextInt(4) == 0
                    ? WORDS[r.nextInt(WORDS.length)] : ""));
        };
    }

    private static byte[] bytes(Random r) {
        byte[] b = new byte[r.nextInt(4)];
        r.nextBytes(b);
        return b;
    }

    /** A record as SQLite writes it (RecordEncoderTest holds the encoder to records SQLite wrote). */
    static byte[] record(TextEncoding enc, List<Value> values) {
        return RecordEncoder.encode(values, enc);
    }
}
