package dev.loupe.check.structure;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Seeded damage to one b-tree page field of a database image (page type, cell pointers, fragment count, freeblock
 * list, right child, cell count, cell content start, freelist count, or the first word of a page that is not a
 * b-tree page), for the tests that hold the structural checks to SQLite and their variants to each other.
 */
public final class PageDamage {

    /** The samples damaged copies are made of: every page size, auto-vacuum, reserved bytes, overflow, UTF-16. */
    private static final Sample[] BASES = {Sample.DEMO, Sample.INDEXES, Sample.OVERFLOW, Sample.FREELIST,
        Sample.PAGE_512, Sample.AUTOVACUUM_FULL, Sample.WITHOUT_ROWID, Sample.RESERVED_32,
        Sample.AUTOVACUUM_INCREMENTAL, Sample.UTF16LE, Sample.PAGE_1024, Sample.TYPES};

    private PageDamage() {
    }

    /**
     * Writes to {@code file} the {@code n}-th damaged copy of a run (the bases taken in turn, one {@link #mutate}
     * each with {@code random}); returns what was done, base first.
     */
    public static String damagedCopy(int n, Random random, Path file) throws IOException {
        Sample base = BASES[n % BASES.length];
        byte[] bytes = Samples.bytes(base);
        String what = mutate(bytes, random);
        Files.write(file, bytes);
        return base + " " + what;
    }

    /** Damages one b-tree page field, chosen at random; returns what it did. */
    public static String mutate(byte[] b, Random random) {
        int pageSize = Short.toUnsignedInt(ByteBuffer.wrap(b, 16, 2).getShort());
        if (pageSize == 1) {
            pageSize = 65536;
        }
        int pages = b.length / pageSize;
        int page = 1 + random.nextInt(pages);
        int base = (page - 1) * pageSize;
        int hdr = base + (page == 1 ? 100 : 0);
        int type = b[hdr] & 0xff;
        boolean btree = type == 2 || type == 5 || type == 10 || type == 13;
        int kind = random.nextInt(8);
        if (!btree) {
            kind = 7;
        }
        int cells = btree ? Short.toUnsignedInt(ByteBuffer.wrap(b, hdr + 3, 2).getShort()) : 0;
        int ptrArray = hdr + (type == 2 || type == 5 ? 12 : 8);
        switch (kind) {
            case 0 -> {
                b[hdr] = (byte) 7;
                return "page " + page + ": type byte 7";
            }
            case 1 -> {
                if (cells == 0) {
                    b[hdr + 7] = (byte) 5;
                    return "page " + page + ": fragment count 5";
                }
                int i = random.nextInt(cells);
                int v = random.nextInt(pageSize);
                b[ptrArray + 2 * i] = (byte) (v >> 8);
                b[ptrArray + 2 * i + 1] = (byte) v;
                return "page " + page + ": cell pointer " + i + " = " + v;
            }
            case 2 -> {
                b[hdr + 7] = (byte) (b[hdr + 7] + 1 + random.nextInt(3));
                return "page " + page + ": fragment count +";
            }
            case 3 -> {
                if (type != 2 && type != 5) {
                    b[hdr + 1] = (byte) random.nextInt(256);
                    b[hdr + 2] = (byte) random.nextInt(256);
                    return "page " + page + ": first freeblock";
                }
                int child = random.nextBoolean() ? random.nextInt(pages + 3) : 1 + random.nextInt(Math.max(1, pages));
                ByteBuffer.wrap(b, hdr + 8, 4).putInt(child);
                return "page " + page + ": right child " + child;
            }
            case 4 -> {
                if (cells < 2) {
                    b[hdr + 3] = (byte) 0x7f;
                    return "page " + page + ": cell count 0x7f..";
                }
                int i = random.nextInt(cells - 1);
                byte x = b[ptrArray + 2 * i];
                byte y = b[ptrArray + 2 * i + 1];
                b[ptrArray + 2 * i] = b[ptrArray + 2 * i + 2];
                b[ptrArray + 2 * i + 1] = b[ptrArray + 2 * i + 3];
                b[ptrArray + 2 * i + 2] = x;
                b[ptrArray + 2 * i + 3] = y;
                return "page " + page + ": swapped cell pointers " + i + "," + (i + 1);
            }
            case 5 -> {
                int v = random.nextInt(pageSize);
                b[hdr + 5] = (byte) (v >> 8);
                b[hdr + 6] = (byte) v;
                return "page " + page + ": cell content start " + v;
            }
            case 6 -> {
                ByteBuffer.wrap(b, 36, 4).putInt(random.nextInt(5));
                return "freelist count";
            }
            default -> {
                // not a b-tree page (overflow, freelist, ptrmap): overwrite its first word
                int v = random.nextInt(pages + 2);
                ByteBuffer.wrap(b, base + (page == 1 ? 100 : 0), 4).putInt(v);
                return "page " + page + " (type " + type + "): first word = " + v;
            }
        }
    }
}
