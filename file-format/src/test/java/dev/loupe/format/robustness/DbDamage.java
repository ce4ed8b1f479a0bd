package dev.loupe.format.robustness;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.robustness.SampleAnatomy.CellSite;
import dev.loupe.format.robustness.SampleAnatomy.TreePage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Families of damage done to a database image, each aimed at one structure of the file format (fileformat2 §1.3
 * header, §1.5 freelist, §1.6 b-tree pages, cells, overflow, §2.1 records, §2.6 schema). {@link #apply} works on a
 * copy of the intact image and says what it did in {@code log}, precisely enough to redo it by hand.
 */
enum DbDamage {

    /** 1..64 random bit flips anywhere in the file. */
    BIT_FLIPS {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(64);
            log.append("flip bits at");
            for (int i = 0; i < n; i++) {
                flip(b, r.nextInt(b.length), r, log);
            }
            return b;
        }
    },

    /** 1..64 bit flips inside b-tree page headers, cell pointer arrays, cells or record headers. */
    TARGETED_BIT_FLIPS {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(64);
            int regions = 1 + r.nextInt(4);
            log.append("flip bits at");
            for (int k = 0; k < regions; k++) {
                int[] region = structuralRegion(a, r);
                for (int i = 0; i < (n + regions - 1) / regions; i++) {
                    flip(b, region[0] + r.nextInt(region[1]), r, log);
                }
            }
            return b;
        }
    },

    /** 1..3 pages set to zero (page 1 sometimes, or only its b-tree part). */
    ZERO_PAGES {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                long p = r.nextInt(10) == 0 ? 1 : randomPage(a, r);
                int from = p == 1 && r.nextBoolean() ? 100 : 0;
                Arrays.fill(b, (int) a.pageStart(p) + from, (int) a.pageStart(p) + a.pageSize, (byte) 0);
                log.append("zero page ").append(p).append(from == 0 ? "" : " from byte 100").append("; ");
            }
            return b;
        }
    },

    /** 1..3 pairs of pages swapped. */
    SWAP_PAGES {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                long p = randomTreePage(a, r).pgno();
                long q = r.nextInt(4) == 0 ? randomPage(a, r) : randomTreePage(a, r).pgno();
                byte[] tmp = Arrays.copyOfRange(b, (int) a.pageStart(p), (int) a.pageStart(p) + a.pageSize);
                System.arraycopy(b, (int) a.pageStart(q), b, (int) a.pageStart(p), a.pageSize);
                System.arraycopy(tmp, 0, b, (int) a.pageStart(q), a.pageSize);
                log.append("swap pages ").append(p).append(" and ").append(q).append("; ");
            }
            return b;
        }
    },

    /**
     * A page copied over another: an interior page over one of its descendants makes a loop, over any other page
     * a second reference to its children; a leaf over another leaf duplicates keys.
     */
    COPY_PAGE {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            TreePage target = randomTreePage(a, r);
            long from;
            if (target.ancestors().length > 0 && r.nextBoolean()) {
                from = target.ancestors()[r.nextInt(target.ancestors().length)];
            } else {
                from = r.nextInt(3) == 0 ? randomPage(a, r) : randomTreePage(a, r).pgno();
            }
            int headerFixup = 0;
            if (from == 1 || target.pgno() == 1) {
                // page 1 has its b-tree header at 100: copy the b-tree part only, keep the database header
                headerFixup = 100;
            }
            System.arraycopy(b, (int) a.pageStart(from) + headerFixup, b, (int) a.pageStart(target.pgno())
                    + headerFixup, a.pageSize - headerFixup);
            log.append("copy page ").append(from).append(" over page ").append(target.pgno())
                    .append(headerFixup == 0 ? "" : " (from byte 100)");
            return b;
        }
    },

    /**
     * A child pointer rewritten: to an ancestor or the page itself (loop), page 1, a page of another tree (second
     * reference), a free, overflow or pointer-map page, 0, one past the end, or 0xffffffff.
     */
    CHILD_POINTER {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            List<TreePage> interior = a.treePages.stream().filter(t -> !t.type().isLeaf()).toList();
            if (interior.isEmpty()) {
                return TARGETED_BIT_FLIPS.damage(b, a, r, log.append("(no interior page) "));
            }
            TreePage t = interior.get(r.nextInt(interior.size()));
            int at = r.nextInt(t.cellCount() + 1) == t.cellCount() || t.cellCount() == 0
                    ? t.rightChildOffset() : t.cellOffsets()[r.nextInt(t.cellCount())];
            long target = switch (r.nextInt(9)) {
                case 0 -> t.pgno();
                case 1, 2 -> t.ancestors().length == 0 ? t.pgno() : t.ancestors()[r.nextInt(t.ancestors().length)];
                case 3 -> 1;
                case 4 -> randomTreePage(a, r).pgno();
                case 5 -> randomPage(a, r);
                case 6 -> 0;
                case 7 -> a.pageCount + 1;
                default -> 0xffffffffL;
            };
            BigEndian.putU32(b, (int) a.pageStart(t.pgno()) + at, target);
            log.append("page ").append(t.pgno()).append(" child pointer at ").append(at).append(" := ").append(target);
            return b;
        }
    },

    /** The file cut short: to nothing, inside the header, mid-page, or a whole number of pages. */
    TRUNCATE {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            int len = switch (r.nextInt(6)) {
                case 0 -> r.nextInt(100);
                case 1 -> 100 + r.nextInt(a.pageSize - 100);
                case 2 -> a.pageSize * (1 + r.nextInt((int) a.pageCount));
                case 3 -> a.pageSize * r.nextInt((int) a.pageCount) + 1 + r.nextInt(a.pageSize - 1);
                case 4 -> b.length - 1 - r.nextInt(Math.min(b.length - 1, 64));
                default -> r.nextInt(b.length);
            };
            log.append("truncate to ").append(len).append(" bytes");
            return Arrays.copyOf(b, len);
        }
    },

    /** 1..4 database header fields set to odd values (fileformat2 §1.3). */
    HEADER_FIELDS {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                headerField(b, a, r, log);
            }
            return b;
        }
    },

    /** A b-tree page's cell count set to 0xffff, one more than it holds, or just over what fits. */
    CELL_COUNT {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            TreePage t = randomTreePage(a, r);
            int count = switch (r.nextInt(4)) {
                case 0, 1 -> 0xffff;
                case 2 -> t.cellCount() + 1;
                default -> (a.pageSize - 8) / 6 + 1;
            };
            BigEndian.putU16(b, (int) a.pageStart(t.pgno()) + t.headerOffset() + 3, count);
            log.append("page ").append(t.pgno()).append(" cell count := ").append(count);
            return b;
        }
    },

    /** Cell pointers aimed into the page header or pointer array, past the usable end, or at another cell. */
    CELL_POINTER {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            TreePage t = pageWithCells(a, r);
            if (t == null) {
                return BIT_FLIPS.damage(b, a, r, log.append("(no cells) "));
            }
            int n = 1 + r.nextInt(Math.min(3, t.cellCount()));
            for (int k = 0; k < n; k++) {
                int i = r.nextInt(t.cellCount());
                int arrayEnd = t.pointerArrayOffset() + 2 * t.cellCount();
                int ptr = switch (r.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> r.nextInt(arrayEnd);
                    case 2 -> t.headerOffset() + r.nextInt(t.type().headerSize());
                    case 3 -> a.usableSize - r.nextInt(4);
                    case 4 -> 0xffff;
                    default -> t.cellOffsets()[r.nextInt(t.cellCount())] + r.nextInt(3);
                };
                BigEndian.putU16(b, (int) a.pageStart(t.pgno()) + t.pointerArrayOffset() + 2 * i, ptr);
                log.append("page ").append(t.pgno()).append(" cell pointer ").append(i).append(" := ").append(ptr)
                        .append("; ");
            }
            return b;
        }
    },

    /** Freeblock chains that loop (to themselves or back), start in the header, or carry sizes of 0 and 0xffff. */
    FREEBLOCKS {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            TreePage t = randomTreePage(a, r);
            int base = (int) a.pageStart(t.pgno());
            int lo = t.pointerArrayOffset() + 2 * t.cellCount();
            int x = lo + r.nextInt(Math.max(1, a.usableSize - 4 - lo));
            int y = x + 4 + r.nextInt(Math.max(1, a.usableSize - 8 - x));
            int first = r.nextInt(8) == 0 ? t.headerOffset() + r.nextInt(8) : x;
            BigEndian.putU16(b, base + t.headerOffset() + 1, first);
            int kind = r.nextInt(5);
            switch (kind) {
                case 0 -> link(b, base, first, first, 4 + r.nextInt(16));          // to itself
                case 1 -> {                                                          // x -> y -> x
                    link(b, base, first, y, 4);
                    if (y + 4 <= a.pageSize) {
                        link(b, base, y, first, 4);
                    }
                }
                case 2 -> link(b, base, first, 0, 0);                                // size 0
                case 3 -> link(b, base, first, 0, 0xffff);                           // past the end
                default -> link(b, base, first, Math.max(0, first - 4 - r.nextInt(8)), 4); // backwards
            }
            log.append("page ").append(t.pgno()).append(" first freeblock := ").append(first).append(", chain kind ")
                    .append(kind).append(" (y=").append(y).append(")");
            return b;
        }
    },

    /** Overflow chains that point at themselves, loop back, start at the cell's own page, or end early. */
    OVERFLOW_CHAIN {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            if (a.overflowCells.isEmpty()) {
                return PAYLOAD_SIZE.damage(b, a, r, log.append("(no overflow) "));
            }
            CellSite c = a.overflowCells.get(r.nextInt(a.overflowCells.size()));
            long[] chain = c.overflowChain();
            long first = chain[0];
            long last = chain[chain.length - 1];
            switch (r.nextInt(6)) {
                case 0 -> {
                    BigEndian.putU32(b, (int) a.pageStart(first), first);
                    log.append("overflow page ").append(first).append(" next := itself");
                }
                case 1 -> {
                    BigEndian.putU32(b, (int) a.pageStart(last), first);
                    log.append("last overflow page ").append(last).append(" next := first ").append(first);
                }
                case 2 -> {
                    BigEndian.putU32(b, (int) a.pageStart(c.pgno()) + c.overflowPointerOffset(), c.pgno());
                    log.append("cell on page ").append(c.pgno()).append(" first overflow := its own page");
                }
                case 3 -> {
                    long p = chain[r.nextInt(chain.length)];
                    BigEndian.putU32(b, (int) a.pageStart(p), 0);
                    log.append("overflow page ").append(p).append(" next := 0");
                }
                case 4 -> {
                    long v = r.nextBoolean() ? 0xffffffffL : 1;
                    BigEndian.putU32(b, (int) a.pageStart(c.pgno()) + c.overflowPointerOffset(), v);
                    log.append("cell on page ").append(c.pgno()).append(" first overflow := ").append(v);
                }
                default -> {
                    long p = chain[r.nextInt(chain.length)];
                    long to = a.treePages.get(r.nextInt(a.treePages.size())).pgno();
                    BigEndian.putU32(b, (int) a.pageStart(p), to);
                    log.append("overflow page ").append(p).append(" next := b-tree page ").append(to);
                }
            }
            return b;
        }
    },

    /** A cell's payload-size varint made huge: nine 0xff bytes, or its largest value at its own length. */
    PAYLOAD_SIZE {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            CellSite c = payloadCell(a, r);
            if (c == null) {
                return BIT_FLIPS.damage(b, a, r, log);
            }
            int at = (int) a.pageStart(c.pgno()) + c.sizeVarintOffset();
            if (r.nextBoolean()) {
                int end = (int) Math.min(at + 9, a.pageStart(c.pgno()) + a.pageSize);
                Arrays.fill(b, at, end, (byte) 0xff);
                log.append("page ").append(c.pgno()).append(" cell at ").append(c.offset())
                        .append(": payload size := 9 bytes of 0xff");
            } else {
                for (int i = 0; i < c.sizeVarintLength() - 1; i++) {
                    b[at + i] = (byte) 0xff;
                }
                b[at + c.sizeVarintLength() - 1] = (byte) (c.sizeVarintLength() == 9 ? 0xff : 0x7f);
                log.append("page ").append(c.pgno()).append(" cell at ").append(c.offset())
                        .append(": payload size := max of ").append(c.sizeVarintLength()).append(" bytes");
            }
            return b;
        }
    },

    /** A record's header-size varint made huge or impossible (0, 1, past the payload, 98308, nine 0xff). */
    RECORD_HEADER {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            CellSite c = payloadCell(a, r);
            if (c == null || c.localSize() == 0) {
                return BIT_FLIPS.damage(b, a, r, log);
            }
            int at = (int) a.pageStart(c.pgno()) + c.localOffset();
            int room = c.localSize();
            byte[] v = switch (r.nextInt(5)) {
                case 0 -> new byte[]{0};
                case 1 -> new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                        (byte) 0xff, (byte) 0xff, (byte) 0xff};
                case 2 -> new byte[]{(byte) 0x86, (byte) 0x80, (byte) 0x04}; // 98308
                case 3 -> new byte[]{(byte) 0xff, (byte) 0x7f};              // 16383
                default -> new byte[]{(byte) Math.min(127, room + 1 + r.nextInt(8))};
            };
            int n = Math.min(v.length, room);
            System.arraycopy(v, 0, b, at, n);
            log.append("page ").append(c.pgno()).append(" cell at ").append(c.offset()).append(": record header size")
                    .append(" := ").append(Arrays.toString(Arrays.copyOf(v, n)));
            return b;
        }
    },

    /** A serial type set to the reserved 10 or 11, or to a huge text/blob length. */
    SERIAL_TYPES {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            CellSite c = payloadCell(a, r);
            if (c == null || c.recordHeaderSize() < 2) {
                return RECORD_HEADER.damage(b, a, r, log);
            }
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                int off = c.localOffset() + 1 + r.nextInt(c.recordHeaderSize() - 1);
                int at = (int) a.pageStart(c.pgno()) + off;
                int v = switch (r.nextInt(4)) {
                    case 0 -> 10;
                    case 1 -> 11;
                    case 2 -> 0x80 | r.nextInt(128); // turns the varint into a longer one
                    default -> 12 + r.nextInt(116);
                };
                b[at] = (byte) v;
                log.append("page ").append(c.pgno()).append(" byte ").append(off).append(" (record header) := ")
                        .append(v).append("; ");
            }
            return b;
        }
    },

    /** Freelist damage: trunk loops, huge leaf counts, leaves out of range or listed twice, a tree page as trunk. */
    FREELIST {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            if (a.freelistTrunks.isEmpty() || r.nextInt(4) == 0) {
                long p = randomTreePage(a, r).pgno();
                BigEndian.putU32(b, 32, p);
                BigEndian.putU32(b, 36, 1 + r.nextInt(50));
                log.append("first freelist trunk := tree page ").append(p);
                return b;
            }
            long t = a.freelistTrunks.get(r.nextInt(a.freelistTrunks.size()));
            int base = (int) a.pageStart(t);
            long count = BigEndian.u32(b, base + 4);
            switch (r.nextInt(5)) {
                case 0 -> {
                    BigEndian.putU32(b, base, t);
                    log.append("trunk ").append(t).append(" next := itself");
                }
                case 1 -> {
                    BigEndian.putU32(b, base + 4, r.nextBoolean() ? 0xffffffffL : a.usableSize / 4 - 1);
                    log.append("trunk ").append(t).append(" leaf count := huge");
                }
                case 2 -> {
                    if (count > 0) {
                        int i = r.nextInt((int) Math.min(count, a.usableSize / 4 - 2));
                        long v = switch (r.nextInt(4)) {
                            case 0 -> 0;
                            case 1 -> 0xffffffffL;
                            case 2 -> t;
                            default -> 1;
                        };
                        BigEndian.putU32(b, base + 8 + 4 * i, v);
                        log.append("trunk ").append(t).append(" leaf ").append(i).append(" := ").append(v);
                    }
                }
                case 3 -> {
                    long p = a.freelistTrunks.get(0);
                    BigEndian.putU32(b, base, p);
                    log.append("trunk ").append(t).append(" next := first trunk ").append(p);
                }
                default -> {
                    BigEndian.putU32(b, 36, r.nextBoolean() ? 0xffffffffL : 0);
                    log.append("freelist count := 0 or huge");
                }
            }
            return b;
        }
    },

    /** sqlite_schema rows damaged: SQL text bytes, the rootpage value, the type and name columns. */
    SCHEMA_ROWS {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            if (a.schemaCells.isEmpty()) {
                return BIT_FLIPS.damage(b, a, r, log);
            }
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                CellSite c = a.schemaCells.get(r.nextInt(a.schemaCells.size()));
                int base = (int) a.pageStart(c.pgno());
                int body = c.localOffset() + c.recordHeaderSize();
                int bodyLen = c.localSize() - c.recordHeaderSize();
                if (bodyLen <= 0) {
                    continue;
                }
                int off = body + r.nextInt(bodyLen);
                byte v = switch (r.nextInt(6)) {
                    case 0 -> (byte) "()[],;'\"`".charAt(r.nextInt(9));
                    case 1 -> (byte) (b[base + off] ^ (1 << r.nextInt(8)));
                    case 2 -> 0;
                    case 3 -> (byte) 0xff;
                    case 4 -> (byte) ' ';
                    default -> (byte) ('a' + r.nextInt(26));
                };
                b[base + off] = v;
                log.append("page ").append(c.pgno()).append(" byte ").append(off).append(" (schema record) := ")
                        .append(v & 0xff).append("; ");
                if (r.nextInt(3) == 0 && c.recordHeaderSize() > 4) {
                    // the rootpage column's serial type: make it a float, a blob, NULL or a 1-byte integer
                    int at = base + c.localOffset() + 4;
                    int st = new int[]{0, 1, 7, 12, 8, 9}[r.nextInt(6)];
                    b[at] = (byte) st;
                    log.append("rootpage serial type := ").append(st).append("; ");
                }
            }
            return b;
        }
    },

    /** 1..4 bits flipped in the values of one record (its local bytes after the record header). */
    VALUE_BITS {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            CellSite c = recordCell(a, r);
            if (c == null || c.localSize() <= c.recordHeaderSize()) {
                return BIT_FLIPS.damage(b, a, r, log);
            }
            int base = (int) a.pageStart(c.pgno()) + c.localOffset() + c.recordHeaderSize();
            int n = 1 + r.nextInt(4);
            log.append("page ").append(c.pgno()).append(" cell at ").append(c.offset()).append(": flip value bits at");
            for (int i = 0; i < n; i++) {
                flip(b, base + r.nextInt(c.localSize() - c.recordHeaderSize()), r, log);
            }
            return b;
        }
    },

    /**
     * Serial types swapped for another of the same size: text and blob (N and N^1 for N >= 12, whatever the bytes
     * then mean in the text encoding), int64 and float64 (6 and 7: any bits, NaN included), 0 and 1 (8 and 9).
     */
    TYPE_SWAP {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            CellSite c = recordCell(a, r);
            if (c == null) {
                return BIT_FLIPS.damage(b, a, r, log);
            }
            int base = (int) a.pageStart(c.pgno()) + c.localOffset();
            List<int[]> types = new ArrayList<>();
            int p = base + Varint.length(b, base, base + c.recordHeaderSize());
            while (p < base + c.recordHeaderSize()) {
                int n = Varint.length(b, p, base + c.recordHeaderSize());
                if (n == 0) {
                    break;
                }
                long t = Varint.value(b, p);
                if (t >= 12 || (t >= 6 && t <= 9)) {
                    types.add(new int[]{p + n - 1, (int) Math.min(t, Integer.MAX_VALUE)});
                }
                p += n;
            }
            if (types.isEmpty()) {
                return VALUE_BITS.damage(b, a, r, log);
            }
            int swaps = 1 + r.nextInt(Math.min(3, types.size()));
            for (int i = 0; i < swaps; i++) {
                int[] t = types.get(r.nextInt(types.size()));
                b[t[0]] ^= 1;
                log.append("page ").append(c.pgno()).append(" cell at ").append(c.offset()).append(": serial type ")
                        .append(t[1]).append(" at byte ").append(t[0] - (int) a.pageStart(c.pgno()))
                        .append(" := its partner; ");
            }
            return b;
        }
    },

    /** Two to four of the other kinds, one after the other. */
    STACKED {
        @Override
        byte[] damage(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
            DbDamage[] all = values();
            int n = 2 + r.nextInt(3);
            byte[] out = b;
            for (int i = 0; i < n; i++) {
                DbDamage d = all[r.nextInt(all.length - 1)];
                if (d == TRUNCATE && i < n - 1) {
                    continue; // truncate last only: the others aim at offsets of the whole file
                }
                log.append(d).append(": ");
                out = d.damage(out, a, r, log);
                log.append(" | ");
            }
            return out;
        }
    };

    /** Damages a copy of the sample's image; {@code log} receives a description of every change. */
    byte[] apply(SampleAnatomy a, SplittableRandom r, StringBuilder log) {
        return damage(a.image.clone(), a, r, log);
    }

    abstract byte[] damage(byte[] image, SampleAnatomy a, SplittableRandom r, StringBuilder log);

    private static void flip(byte[] b, int at, SplittableRandom r, StringBuilder log) {
        int bit = r.nextInt(8);
        b[at] ^= (byte) (1 << bit);
        log.append(' ').append(at).append('.').append(bit);
    }

    /** [start, length) in the file of a b-tree header, pointer array, cell or record header. */
    private static int[] structuralRegion(SampleAnatomy a, SplittableRandom r) {
        TreePage t = randomTreePage(a, r);
        int base = (int) a.pageStart(t.pgno());
        int kind = r.nextInt(4);
        if (kind == 1 && t.cellCount() > 0) {
            return new int[]{base + t.pointerArrayOffset(), 2 * t.cellCount()};
        }
        if (kind >= 2 && !a.cells.isEmpty()) {
            CellSite c = a.cells.get(r.nextInt(a.cells.size()));
            base = (int) a.pageStart(c.pgno());
            if (kind == 3 && c.recordHeaderSize() > 0) {
                return new int[]{base + c.localOffset(), c.recordHeaderSize()};
            }
            return new int[]{base + c.offset(), Math.max(1, Math.min(c.size(), a.pageSize - c.offset()))};
        }
        return new int[]{base + t.headerOffset(), t.type().headerSize()};
    }

    private static void headerField(byte[] b, SampleAnatomy a, SplittableRandom r, StringBuilder log) {
        int field = r.nextInt(16);
        switch (field) {
            case 0 -> {
                int[] sizes = {0, 1, 2, 256, 511, 512, 513, 1024, 2048, 4096, 8192, 32768, 65535, 0x8000 | 512};
                int v = r.nextInt(4) == 0 ? r.nextInt(65536) : sizes[r.nextInt(sizes.length)];
                BigEndian.putU16(b, 16, v);
                log.append("page size := ").append(v).append("; ");
            }
            case 1 -> {
                b[18] = (byte) r.nextInt(5);
                b[19] = (byte) r.nextInt(5);
                log.append("versions := ").append(b[18]).append('/').append(b[19]).append("; ");
            }
            case 2 -> {
                int v = r.nextBoolean() ? r.nextInt(256) : 255;
                b[20] = (byte) v;
                log.append("reserved bytes := ").append(v).append("; ");
            }
            case 3 -> {
                b[21 + r.nextInt(3)] = (byte) r.nextInt(256);
                log.append("payload fraction changed; ");
            }
            case 4, 5 -> {
                long[] counts = {0, 1, a.pageCount - 1, a.pageCount + 1, a.pageCount * 2, 0x7fffffffL, 0xffffffffL};
                long v = counts[r.nextInt(counts.length)];
                BigEndian.putU32(b, 28, v);
                System.arraycopy(b, 24, b, 92, 4); // version-valid-for = change counter: the count is trusted
                log.append("page count := ").append(v).append(" (valid); ");
            }
            case 6 -> {
                long[] trunks = {0, 1, 2, a.pageCount, a.pageCount + 1, 0xffffffffL};
                long v = trunks[r.nextInt(trunks.length)];
                BigEndian.putU32(b, 32, v);
                log.append("first freelist trunk := ").append(v).append("; ");
            }
            case 7 -> {
                long v = r.nextBoolean() ? 0xffffffffL : r.nextInt(1000);
                BigEndian.putU32(b, 36, v);
                log.append("freelist count := ").append(v).append("; ");
            }
            case 8 -> {
                long v = r.nextBoolean() ? r.nextInt(7) : 0xffffffffL;
                BigEndian.putU32(b, 44, v);
                log.append("schema format := ").append(v).append("; ");
            }
            case 9, 10 -> {
                long v = r.nextBoolean() ? r.nextInt(6) : 0xffffffffL;
                BigEndian.putU32(b, 56, v);
                log.append("text encoding := ").append(v).append("; ");
            }
            case 11 -> {
                long[] roots = {0, 1, 2, a.pageCount, 0xffffffffL};
                long v = roots[r.nextInt(roots.length)];
                BigEndian.putU32(b, 52, v);
                log.append("largest root page := ").append(v).append("; ");
            }
            case 12 -> {
                BigEndian.putU32(b, 64, r.nextInt(3));
                log.append("incremental vacuum changed; ");
            }
            case 13 -> {
                b[72 + r.nextInt(20)] = (byte) (1 + r.nextInt(255));
                log.append("reserved-for-expansion byte set; ");
            }
            case 14 -> {
                flip(b, r.nextInt(16), r, log.append("magic"));
                log.append("; ");
            }
            default -> {
                BigEndian.putU32(b, 40, r.nextInt());
                log.append("schema cookie changed; ");
            }
        }
    }

    private static void link(byte[] b, int base, int at, int next, int size) {
        if (base + at + 4 > b.length) {
            return;
        }
        BigEndian.putU16(b, base + at, next);
        BigEndian.putU16(b, base + at + 2, size);
    }

    private static long randomPage(SampleAnatomy a, SplittableRandom r) {
        return 1 + r.nextInt((int) a.pageCount);
    }

    private static TreePage randomTreePage(SampleAnatomy a, SplittableRandom r) {
        return a.treePages.get(r.nextInt(a.treePages.size()));
    }

    private static TreePage pageWithCells(SampleAnatomy a, SplittableRandom r) {
        List<TreePage> with = a.treePages.stream().filter(t -> t.cellCount() > 0).toList();
        return with.isEmpty() ? null : with.get(r.nextInt(with.size()));
    }

    /** A cell whose record header lies on its page, table rows three times as likely as index entries. */
    private static CellSite recordCell(SampleAnatomy a, SplittableRandom r) {
        List<CellSite> with = a.cells.stream().filter(c -> c.recordHeaderSize() > 0
                && (c.type() == PageType.TABLE_LEAF || r.nextInt(3) == 0)).toList();
        return with.isEmpty() ? null : with.get(r.nextInt(with.size()));
    }

    private static CellSite payloadCell(SampleAnatomy a, SplittableRandom r) {
        List<CellSite> with = a.cells.stream().filter(c -> c.sizeVarintOffset() >= 0).toList();
        return with.isEmpty() ? null : with.get(r.nextInt(with.size()));
    }
}
