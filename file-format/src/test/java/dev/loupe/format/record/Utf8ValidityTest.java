package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two UTF-8 checks a TEXT value goes through (Unicode Table 3-7) against an independent oracle, the JDK's UTF-8
 * decoder set to report malformed input (it refuses overlong forms, surrogates, code points above U+10FFFF and cut
 * sequences): the byte-by-byte check, and the record decoder's shortcut, which looks for U+FFFD in the string the
 * JDK decoded and walks the bytes only when it finds one. Every sequence of one to three bytes, four-byte sequences
 * around every boundary of the table, and random mixes of valid and invalid pieces (a genuine U+FFFD among them)
 * after ASCII runs of every length (the byte check skips ASCII eight bytes at a time: where a sequence starts
 * matters).
 */
class Utf8ValidityTest {

    private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private final CharBuffer chars = CharBuffer.allocate(256);

    private void same(byte[] b, int off, int len) {
        chars.clear();
        CoderResult r = jdk.reset().decode(ByteBuffer.wrap(b, off, len), chars, true);
        boolean expected = !r.isError() && !jdk.flush(chars).isError();
        boolean ours = TextDecoder.valid(b, off, len, TextEncoding.UTF8);
        boolean shortcut = TextDecoder.valid(TextDecoder.decode(b, off, len, TextEncoding.UTF8), b, off, len,
                TextEncoding.UTF8);
        if (ours != expected || shortcut != expected) {
            StringBuilder hex = new StringBuilder();
            for (int i = off; i < off + len; i++) {
                hex.append(String.format("%02x ", b[i] & 0xff));
            }
            assertThat(ours).as("UTF-8 check of %s", hex.toString().trim()).isEqualTo(expected);
            assertThat(shortcut).as("UTF-8 shortcut of %s", hex.toString().trim()).isEqualTo(expected);
        }
    }

    @Test
    void everySequenceOfOneToThreeBytes() {
        byte[] b = new byte[3];
        for (int x = 0; x < 256; x++) {
            b[0] = (byte) x;
            same(b, 0, 1);
            for (int y = 0; y < 256; y++) {
                b[1] = (byte) y;
                same(b, 0, 2);
                for (int z = 0; z < 256; z++) {
                    b[2] = (byte) z;
                    same(b, 0, 3);
                }
            }
        }
    }

    @Test
    void fourByteSequencesAroundEveryBoundary() {
        int[] tails = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbd, 0xbf, 0xc0, 0xef, 0xff};
        byte[] b = new byte[4];
        for (int lead = 0x80; lead < 0x100; lead++) {
            b[0] = (byte) lead;
            for (int second = 0; second < 256; second++) {
                b[1] = (byte) second;
                for (int third : tails) {
                    b[2] = (byte) third;
                    for (int fourth : tails) {
                        b[3] = (byte) fourth;
                        same(b, 0, 4);
                    }
                }
            }
        }
    }

    @Test
    void mixesAfterAsciiRunsOfEveryLength() {
        SplittableRandom rnd = new SplittableRandom(20261122);
        byte[][] pieces = {
            {'a'}, {(byte) 0xc3, (byte) 0xa9}, {(byte) 0xe6, (byte) 0x9d, (byte) 0xb1},
            {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, {(byte) 0xf4, (byte) 0x8f, (byte) 0xbf, (byte) 0xbf},
            {(byte) 0xed, (byte) 0x9f, (byte) 0xbf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xe0, (byte) 0x9f, (byte) 0xbf}, {(byte) 0xf0, (byte) 0x8f, (byte) 0xbf, (byte) 0xbf},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xc1, (byte) 0xbf}, {(byte) 0x80},
            {(byte) 0xc3}, {(byte) 0xe6, (byte) 0x9d}, {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xef, (byte) 0xbf, (byte) 0xbd}, // a genuine U+FFFD: the shortcut must walk the bytes
        };
        byte[] b = new byte[96];
        for (int round = 0; round < 300_000; round++) {
            int off = rnd.nextInt(4);
            int len = 0;
            for (int run = rnd.nextInt(20); run > 0; run--) {
                b[off + len++] = (byte) ('A' + rnd.nextInt(26));
            }
            for (int n = rnd.nextInt(4); n > 0 && len < 60; n--) {
                byte[] p = rnd.nextInt(5) == 0 ? new byte[] {(byte) rnd.nextInt(256)}
                        : pieces[rnd.nextInt(pieces.length)];
                System.arraycopy(p, 0, b, off + len, p.length);
                len += p.length;
                for (int run = rnd.nextInt(10); run > 0; run--) {
                    b[off + len++] = (byte) ('a' + rnd.nextInt(26));
                }
            }
            same(b, off, len);
        }
    }
}
