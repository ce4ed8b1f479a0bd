package dev.loupe.wal;

/** Where a frame stands for SQLite's recovery. */
public enum FrameStatus {
    /** In the prefix SQLite uses (frame number &lt;= mxFrame). */
    VALID("valid"),
    /** In the unbroken chain but after its last commit frame. */
    UNCOMMITTED("uncommitted"),
    /** The frame that breaks the chain (salt mismatch, page number 0 or checksum). */
    BREAK("break"),
    /** After the break: ignored whatever it holds. */
    AFTER_BREAK("after-break"),
    /** The WAL header is unusable: every frame is ignored. */
    BAD_HEADER("bad-header");

    private final String code;

    FrameStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
