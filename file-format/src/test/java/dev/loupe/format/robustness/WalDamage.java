package dev.loupe.format.robustness;

import dev.loupe.format.BigEndian;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Families of damage done to a database and its WAL (walformat.html). Some break the checksum chain (SQLite then
 * ignores the rest of the WAL); the "rechained" ones recompute every checksum afterwards, so that SQLite would
 * accept the damaged frames and the reader must apply them: frames for page 0-like numbers, commit frames with
 * absurd database sizes, duplicated frames, a header page size that differs from the database's.
 */
enum WalDamage {

    HEADER_BITS {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(8);
            log.append("flip WAL header bits");
            for (int i = 0; i < n; i++) {
                flip(f.wal, r.nextInt(HEADER), r, log);
            }
        }
    },

    FRAME_HEADER_BITS {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(8);
            log.append("flip frame header bits");
            for (int i = 0; i < n; i++) {
                flip(f.wal, f.frameStart(r.nextInt(f.frames())) + r.nextInt(FRAME_HEADER), r, log);
            }
        }
    },

    PAGE_BITS {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(16);
            log.append("flip frame page bits");
            for (int i = 0; i < n; i++) {
                flip(f.wal, f.frameStart(r.nextInt(f.frames())) + FRAME_HEADER + r.nextInt(f.pageSize()), r, log);
            }
        }
    },

    TRUNCATE {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int len = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(HEADER + 1);
                case 1 -> f.frameStart(r.nextInt(f.frames() + 1));
                case 2 -> f.frameStart(r.nextInt(f.frames())) + 1 + r.nextInt(f.frameSize() - 1);
                default -> r.nextInt(f.wal.length);
            };
            f.wal = Arrays.copyOf(f.wal, len);
            log.append("truncate WAL to ").append(len);
        }
    },

    /** Frames copied over later or earlier frames, or appended again; then the chain is recomputed or not. */
    DUPLICATE_FRAMES {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int n = f.frames();
            int from = r.nextInt(n);
            if (r.nextBoolean()) {
                int to = r.nextInt(n);
                System.arraycopy(f.wal, f.frameStart(from), f.wal, f.frameStart(to), f.frameSize());
                log.append("copy frame ").append(from + 1).append(" over frame ").append(to + 1);
            } else {
                int count = 1 + r.nextInt(Math.min(8, n - from));
                byte[] out = Arrays.copyOf(f.wal, f.wal.length + count * f.frameSize());
                System.arraycopy(f.wal, f.frameStart(from), out, f.wal.length, count * f.frameSize());
                f.wal = out;
                log.append("append frames ").append(from + 1).append("..").append(from + count).append(" again");
            }
            if (r.nextBoolean()) {
                f.rechain();
                log.append(", checksums recomputed");
            }
        }
    },

    /** A frame's page number or commit size set to an odd value, with every checksum recomputed. */
    RECHAINED_FRAME_FIELDS {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int k = r.nextInt(f.frames());
            int at = f.frameStart(k);
            long[] values = {1, 2, 0xffffffffL, 0x7fffffffL, 1L << 30, f.dbPages() + 1, r.nextInt(1000) + 1};
            long v = values[r.nextInt(values.length)];
            if (r.nextBoolean()) {
                BigEndian.putU32(f.wal, at, v);
                log.append("frame ").append(k + 1).append(" page number := ").append(v);
            } else {
                BigEndian.putU32(f.wal, at + 4, r.nextInt(4) == 0 ? 0 : v);
                log.append("frame ").append(k + 1).append(" commit size := ").append(v).append(" (or 0)");
            }
            f.rechain();
            log.append(", checksums recomputed");
        }
    },

    /**
     * The newest commit frame's database size (which becomes the page count SQLite sees) set to an absurd or
     * wrong value, with every checksum recomputed.
     */
    RECHAINED_COMMIT_SIZE {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int last = -1;
            for (int k = 0; k < f.frames(); k++) {
                if (BigEndian.u32(f.wal, f.frameStart(k) + 4) != 0) {
                    last = k;
                }
            }
            long[] values = {0xffffffffL, 0xfffffffeL, 0x7fffffffL, 1L << 30, (1L << 30) + 1, 1, 2,
                    f.dbPages() + 1000};
            long v = values[r.nextInt(values.length)];
            BigEndian.putU32(f.wal, f.frameStart(last) + 4, v);
            f.rechain();
            log.append("last commit frame ").append(last + 1).append(" database size := ").append(v)
                    .append(", checksums recomputed");
        }
    },

    /** Bits flipped in frame pages (b-tree content), with every checksum recomputed: SQLite applies them. */
    RECHAINED_PAGE_BITS {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(32);
            log.append("flip page bits");
            int k = r.nextInt(f.frames());
            for (int i = 0; i < n; i++) {
                int in = r.nextInt(4) == 0 ? r.nextInt(f.pageSize()) : r.nextInt(Math.min(f.pageSize(), 160));
                flip(f.wal, f.frameStart(k) + FRAME_HEADER + in, r, log);
            }
            f.rechain();
            log.append(" in frame ").append(k + 1).append(", checksums recomputed");
        }
    },

    /** The WAL header's page size, salts or version changed, with the header checksum (and chain) recomputed. */
    RECHAINED_HEADER {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    long[] sizes = {512, 2048, 4096, 65536, 1000, 0, 1};
                    long v = sizes[r.nextInt(sizes.length)];
                    BigEndian.putU32(f.wal, 8, v);
                    log.append("WAL page size := ").append(v);
                }
                case 1 -> {
                    BigEndian.putU32(f.wal, 16 + 4 * r.nextInt(2), r.nextInt());
                    log.append("WAL salt changed");
                }
                case 2 -> {
                    BigEndian.putU32(f.wal, 4, 3007001);
                    log.append("WAL version := 3007001");
                }
                default -> {
                    BigEndian.putU32(f.wal, 12, 0xffffffffL);
                    log.append("checkpoint sequence := 0xffffffff");
                }
            }
            boolean all = r.nextBoolean();
            if (all) {
                f.rechain();
            } else {
                f.rechainHeader();
            }
            log.append(all ? ", all checksums recomputed" : ", header checksum recomputed");
        }
    },

    /** The database file damaged under an intact WAL: page size field, truncation, page 1 bits. */
    DATABASE_UNDER_WAL {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    int v = r.nextBoolean() ? 0 : 3;
                    BigEndian.putU16(f.db, 16, v);
                    log.append("database page size := ").append(v);
                }
                case 1 -> {
                    int len = r.nextInt(f.db.length);
                    f.db = Arrays.copyOf(f.db, len);
                    log.append("database truncated to ").append(len);
                }
                case 2 -> {
                    BigEndian.putU16(f.db, 16, 512);
                    log.append("database page size := 512 (WAL says ").append(f.pageSize()).append(')');
                }
                default -> {
                    int n = 1 + r.nextInt(16);
                    log.append("flip database bits");
                    for (int i = 0; i < n; i++) {
                        flip(f.db, r.nextInt(f.db.length), r, log);
                    }
                }
            }
        }
    },

    STACKED {
        @Override
        void damage(Files f, SplittableRandom r, StringBuilder log) {
            WalDamage[] all = values();
            int n = 2 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                WalDamage d = all[r.nextInt(all.length - 1)];
                if (d == TRUNCATE && i < n - 1) {
                    continue;
                }
                log.append(d).append(": ");
                d.damage(f, r, log);
                log.append(" | ");
                if (f.frames() == 0) {
                    break;
                }
            }
        }
    };

    static final int HEADER = 32;
    static final int FRAME_HEADER = 24;

    /** A database and its WAL being damaged. */
    static final class Files {
        byte[] db;
        byte[] wal;
        private final int pageSize;

        Files(byte[] db, byte[] wal) {
            this.db = db;
            this.wal = wal;
            this.pageSize = (int) BigEndian.u32(wal, 8);
        }

        int pageSize() {
            return pageSize;
        }

        int frameSize() {
            return pageSize + FRAME_HEADER;
        }

        int frames() {
            return Math.max(0, (wal.length - HEADER) / frameSize());
        }

        int frameStart(int k) {
            return HEADER + k * frameSize();
        }

        long dbPages() {
            return db.length / pageSize;
        }

        /** Recomputes the header checksum (walformat: over bytes 0..23, byte order from the magic). */
        void rechainHeader() {
            if (wal.length < HEADER) {
                return;
            }
            long[] s = checksum(new long[]{0, 0}, 0, 24);
            BigEndian.putU32(wal, 24, s[0]);
            BigEndian.putU32(wal, 28, s[1]);
        }

        /**
         * Recomputes the header checksum and the checksum of every whole frame, each continuing the previous
         * frame's, and gives every frame the header's salts: afterwards SQLite accepts every frame up to the last
         * commit frame.
         */
        void rechain() {
            if (wal.length < HEADER) {
                return;
            }
            rechainHeader();
            long[] s = {BigEndian.u32(wal, 24), BigEndian.u32(wal, 28)};
            int frameSize = (int) BigEndian.u32(wal, 8) + FRAME_HEADER;
            if (frameSize <= FRAME_HEADER || frameSize % 8 != 0) {
                return;
            }
            for (int at = HEADER; at + frameSize <= wal.length; at += frameSize) {
                System.arraycopy(wal, 16, wal, at + 8, 8);
                s = checksum(s, at, 8);
                s = checksum(s, at + FRAME_HEADER, frameSize - FRAME_HEADER);
                BigEndian.putU32(wal, at + 16, s[0]);
                BigEndian.putU32(wal, at + 20, s[1]);
            }
        }

        /** walformat "Checksum Algorithm": s0 += x[i] + s1; s1 += x[i+1] + s0 over 32-bit words, mod 2^32. */
        private long[] checksum(long[] start, int off, int len) {
            boolean bigEndian = BigEndian.u32(wal, 0) == 0x377f0683L;
            int s0 = (int) start[0];
            int s1 = (int) start[1];
            for (int i = off; i < off + len; i += 8) {
                s0 += word(i, bigEndian) + s1;
                s1 += word(i + 4, bigEndian) + s0;
            }
            return new long[]{s0 & 0xffffffffL, s1 & 0xffffffffL};
        }

        private int word(int i, boolean bigEndian) {
            int be = BigEndian.i32(wal, i);
            return bigEndian ? be : Integer.reverseBytes(be);
        }
    }

    abstract void damage(Files f, SplittableRandom r, StringBuilder log);

    private static void flip(byte[] b, int at, SplittableRandom r, StringBuilder log) {
        int bit = r.nextInt(8);
        b[at] ^= (byte) (1 << bit);
        log.append(' ').append(at).append('.').append(bit);
    }
}
