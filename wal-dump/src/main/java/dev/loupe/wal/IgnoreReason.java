package dev.loupe.wal;

/**
 * Why SQLite's WAL recovery (wal.c walIndexRecover) does not use some frames. The order is the order in which the
 * WAL is judged: the header first, then each frame's salts, page number and checksum, then the commit boundary.
 */
public enum IgnoreReason {
    /** Bad magic, page size, header checksum or version: the whole WAL is ignored. */
    BAD_HEADER("bad-header"),
    /** A frame's salts differ from the header's: it and every later frame are ignored. */
    SALT_MISMATCH("salt-mismatch"),
    /** A frame names page 0: it and every later frame are ignored. */
    PAGE_NUMBER_ZERO("page-number-zero"),
    /** A frame's checksum does not continue the chain: it and every later frame are ignored. */
    CHECKSUM_BREAK("checksum-break"),
    /** Frames of the unbroken chain after its last commit frame: a transaction that never committed. */
    AFTER_LAST_COMMIT("after-last-commit"),
    /** Bytes at the end of the file that do not make a whole frame. */
    PARTIAL_FRAME("partial-frame");

    private final String code;

    IgnoreReason(String code) {
        this.code = code;
    }

    /** Stable name for JSON and scripts. */
    public String code() {
        return code;
    }
}
