package dev.loupe.check.mutants;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * One seeded random mutation of a sample's bytes. The seed alone reproduces it: {@code Mutant.of(seed)}.
 *
 * @param kind        the class of mutation (random bytes, byte run, page hole, truncation, header byte, bit flip)
 * @param description what was changed, with offsets
 */
public record Mutant(long seed, Sample base, String kind, String description, byte[] bytes) {

    public static final Sample[] BASES = {Sample.PAGE_512, Sample.PAGE_1024, Sample.RESERVED_32, Sample.FREELIST,
        Sample.AUTOVACUUM_FULL, Sample.AUTOVACUUM_INCREMENTAL, Sample.TYPES, Sample.ALTER_ADD_COLUMN,
        Sample.WITHOUT_ROWID, Sample.INDEXES, Sample.UTF16LE, Sample.RESERVED_8};

    /** The bytes of each of {@link #BASES}, in that order: what {@link #of} mutates a copy of. */
    public static byte[][] baseBytes() {
        byte[][] bytes = new byte[BASES.length][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = Samples.bytes(BASES[i]);
        }
        return bytes;
    }

    /** What a test does with one mutant written to a file: 1 to count it (it had findings, say), else 0. */
    @FunctionalInterface
    public interface FileCheck {
        int check(Path db, String what) throws Exception;
    }

    /**
     * Writes the mutants of seeds {@code firstSeed} to {@code firstSeed + count - 1} to {@code dir} one at a time,
     * hands each file to {@code check} with what it is ("Mutant.of(seed): description", for assertion messages), and
     * deletes it. Returns how many {@code check} counted.
     */
    public static int eachAsFile(long firstSeed, int count, Path dir, FileCheck check) throws Exception {
        byte[][] bases = baseBytes();
        int counted = 0;
        for (int i = 0; i < count; i++) {
            Mutant m = of(firstSeed + i, bases);
            Path db = dir.resolve("m" + i + ".db");
            Files.write(db, m.bytes());
            counted += check.check(db, "Mutant.of(" + m.seed() + "): " + m.description());
            Files.delete(db);
        }
        return counted;
    }

    public static Mutant of(long seed, byte[][] baseBytes) {
        Random r = new Random(seed);
        int which = r.nextInt(BASES.length);
        Sample base = BASES[which];
        byte[] b = baseBytes[which].clone();
        int pageSize = base.pageSize();
        int kind = r.nextInt(6);
        switch (kind) {
            case 0 -> {
                int n = 1 + r.nextInt(4);
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    int at = r.nextInt(b.length);
                    b[at] = (byte) r.nextInt(256);
                    d.append(i == 0 ? "" : ",").append(at);
                }
                return new Mutant(seed, base, "random-bytes", n + " random byte(s) at " + d, b);
            }
            case 1 -> {
                int len = 2 + r.nextInt(63);
                int at = r.nextInt(b.length - len);
                for (int i = 0; i < len; i++) {
                    b[at + i] = (byte) r.nextInt(256);
                }
                return new Mutant(seed, base, "byte-run", len + " random bytes at " + at, b);
            }
            case 2 -> {
                int page = 2 + r.nextInt(b.length / pageSize - 1);
                boolean ones = r.nextBoolean();
                Arrays.fill(b, (page - 1) * pageSize, page * pageSize, ones ? (byte) 0xff : 0);
                return new Mutant(seed, base, "page-hole", "page " + page + " filled with " + (ones ? "0xff" : "0"),
                        b);
            }
            case 3 -> {
                int len = r.nextInt(b.length);
                return new Mutant(seed, base, "truncation", "cut to " + len + " bytes", Arrays.copyOf(b, len));
            }
            case 4 -> {
                int at = r.nextInt(100);
                b[at] = (byte) r.nextInt(256);
                return new Mutant(seed, base, "header-byte", "header byte " + at, b);
            }
            default -> {
                int at = r.nextInt(b.length);
                int bit = r.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                return new Mutant(seed, base, "bit-flip", "bit " + bit + " of byte " + at, b);
            }
        }
    }

    @Override
    public String toString() {
        return "seed " + seed + ": " + base.fileName() + " " + kind + " (" + description + ")";
    }
}
