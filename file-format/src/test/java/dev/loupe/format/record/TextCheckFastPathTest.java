package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record decoder checks UTF-8 text by looking for U+FFFD in the string the JDK decoded (TextDecoder.valid with
 * the decoded string) instead of walking the bytes again. That shortcut must agree with the byte-by-byte check
 * (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, complete sequences) on every input:
 * here on every sequence of 1..3 bytes, on 4-byte sequences around each boundary, and on random mixes.
 */
class TextCheckFastPathTest {

    private static void assertSameVerdict(byte[] b, int len) {
        String s = TextDecoder.decode(b, 0, len, TextEncoding.UTF8);
        boolean strict = TextDecoder.valid(b, 0, len, TextEncoding.UTF8);
        boolean fast = TextDecoder.valid(s, b, 0, len, TextEncoding.UTF8);
        if (fast != strict) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < len; i++) {
                hex.append(String.format("%02x ", b[i] & 0xff));
            }
            assertThat(fast).as("fast check of %s", hex.toString().trim()).isEqualTo(strict);
        }
    }

    @Test
    void everySequenceOfOneToThreeBytes() {
        byte[] b = new byte[3];
        for (int x = 0; x < 256; x++) {
            b[0] = (byte) x;
            assertSameVerdict(b, 1);
            for (int y = 0; y < 256; y++) {
                b[1] = (byte) y;
                assertSameVerdict(b, 2);
                for (int z = 0; z < 256; z++) {
                    b[2] = (byte) z;
                    assertSameVerdict(b, 3);
                }
            }
        }
    }

    @Test
    void fourByteSequencesAroundEveryBoundary() {
        int[] leads = {0x80, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xff};
        int[] tails = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbd, 0xbf, 0xc0, 0xef, 0xff};
        byte[] b = new byte[4];
        for (int lead : leads) {
            b[0] = (byte) lead;
            for (int second = 0; second < 256; second++) {
                b[1] = (byte) second;
                for (int third : tails) {
                    b[2] = (byte) third;
                    for (int fourth : tails) {
                        b[3] = (byte) fourth;
                        assertSameVerdict(b, 4);
                    }
                }
            }
        }
    }

    @Test
    void randomMixesIncludingGenuineReplacementCharacters() {
        SplittableRandom rnd = new SplittableRandom(20261121);
        byte[][] pieces = {
            {'a'}, {'Z'}, {(byte) 0xc3, (byte) 0xa9}, {(byte) 0xe6, (byte) 0x9d, (byte) 0xb1},
            {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, {(byte) 0xef, (byte) 0xbf, (byte) 0xbd},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0x80}, {(byte) 0xf4, (byte) 0x90},
        };
        byte[] b = new byte[64];
        for (int round = 0; round < 200_000; round++) {
            int len = 0;
            int n = rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                byte[] p = rnd.nextInt(4) == 0 ? new byte[] {(byte) rnd.nextInt(256)} : pieces[rnd.nextInt(pieces.length)];
                System.arraycopy(p, 0, b, len, p.length);
                len += p.length;
            }
            assertSameVerdict(b, len);
        }
    }
}
