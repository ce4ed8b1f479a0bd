package dev.loupe.check.structure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The iteration order of SQLite's table hash (hash.c), which decides in what order PRAGMA integrity_check visits
 * the b-trees (pragma.c collects the root pages by walking the schema's table hash). The order matters to match
 * SQLite's output: a page claimed by two trees is reported as a "2nd reference" by whichever tree comes second,
 * and SQLite 3.40 skips its freelist and never-used checks when the first table it meets has no b-tree (a view).
 *
 * <p>Model of hash.c: a string hash over ASCII-lower-cased bytes; new elements go in front of their bucket's
 * first element in the global list, or at the list head for an empty bucket; the bucket array is rebuilt at 10
 * elements and whenever the count exceeds twice its size, to twice the count, at most 64 buckets (1024-byte soft
 * malloc limit / 16-byte buckets), re-inserting every element in list order.
 */
final class SqliteSchemaHash {

    private static final int MAX_BUCKETS = 64;

    private final int[] counts = new int[MAX_BUCKETS];
    private final Node[] chains = new Node[MAX_BUCKETS];
    private Node first;
    private int count;
    private int size;

    /** A named element and its place in the global list. */
    static final class Node {
        final String key;
        final Object value;
        Node next;
        Node prev;

        Node(String key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    void insert(String key, Object value) {
        Node n = new Node(key, value);
        count++;
        if (count >= 10 && count > 2 * size) {
            rehash(Math.min(count * 2, MAX_BUCKETS));
        }
        insertElement(size == 0 ? -1 : bucket(key), n);
    }

    /** Values in iteration order (sqliteHashFirst / sqliteHashNext). */
    List<Object> values() {
        List<Object> out = new ArrayList<>(count);
        for (Node n = first; n != null; n = n.next) {
            out.add(n.value);
        }
        return out;
    }

    private int bucket(String key) {
        return (int) (Integer.toUnsignedLong(hash(key)) % size);
    }

    static int hash(String key) {
        int h = 0;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            h += c;
            h *= 0x9e3779b1;
        }
        return h;
    }

    private void rehash(int newSize) {
        if (newSize == size) {
            return;
        }
        size = newSize;
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(chains, null);
        Node e = first;
        first = null;
        while (e != null) {
            Node next = e.next;
            e.next = null;
            e.prev = null;
            insertElement(bucket(e.key), e);
            e = next;
        }
    }

    private void insertElement(int bucket, Node n) {
        Node head = null;
        if (bucket >= 0) {
            head = counts[bucket] > 0 ? chains[bucket] : null;
            counts[bucket]++;
            chains[bucket] = n;
        }
        if (head != null) {
            n.next = head;
            n.prev = head.prev;
            if (head.prev != null) {
                head.prev.next = n;
            } else {
                first = n;
            }
            head.prev = n;
        } else {
            n.next = first;
            if (first != null) {
                first.prev = n;
            }
            n.prev = null;
            first = n;
        }
    }
}
