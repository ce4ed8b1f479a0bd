package dev.loupe.samples.generate;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Deterministic pseudo-random words, texts, numbers and blobs: a seeded {@link Random}, no clock. */
final class TextSource {
    private static final String[] WORDS = {
        "page", "cell", "record", "varint", "header", "overflow", "freelist", "trunk", "leaf", "interior",
        "b-tree", "index", "table", "rowid", "payload", "journal", "checkpoint", "frame", "salt", "checksum",
        "schema", "cookie", "vacuum", "pointer", "map", "cursor", "balance", "split", "merge", "divider",
        "the", "a", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "by", "at", "from",
        "quiet", "river", "stone", "garden", "window", "lantern", "harbour", "meadow", "copper", "winter",
        "orchard", "signal", "thread", "ledger", "archive", "compass", "harvest", "island", "mirror", "summit",
        "reads", "writes", "keeps", "moves", "finds", "builds", "holds", "turns", "falls", "grows",
    };
    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final Random random;

    TextSource(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform int in [min, max]. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    long nextLong() {
        return random.nextLong();
    }

    double nextDouble() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String pick(String... items) {
        return items[random.nextInt(items.length)];
    }

    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    String capitalized() {
        String w = word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** {@code count} words separated by spaces. */
    String words(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(word());
        }
        return sb.toString();
    }

    /** Sentences of words, cut to exactly {@code length} characters (all ASCII, so also {@code length} bytes). */
    String text(int length) {
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            sb.append(capitalized()).append(' ').append(words(between(3, 14))).append(". ");
        }
        sb.setLength(length);
        return sb.toString();
    }

    /** A code of upper-case letters and digits, e.g. "QX7". */
    String code(int letters, int digits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            sb.append(UPPER[random.nextInt(UPPER.length)]);
        }
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    byte[] blob(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** An ISO date in 2015..2024, built from the seed, not the clock. */
    String date() {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", between(2015, 2024), between(1, 12), between(1, 28));
    }
}
