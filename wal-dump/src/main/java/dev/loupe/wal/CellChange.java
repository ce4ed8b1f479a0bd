package dev.loupe.wal;

/**
 * A cell that differs between two versions of a page, matched by {@link CellKey}.
 *
 * @param kind            added, removed, changed (content), or moved (same content, another place on the page)
 * @param key             the cell's key
 * @param before          the cell in the first version, null when added
 * @param after           the cell in the second version, null when removed
 * @param payloadChanged  the payload bytes differ (assembled across overflow pages where they can be read)
 * @param overflowChanged the first overflow page differs
 * @param childChanged    the left child page differs (interior cells)
 * @param moved           the cell starts at another offset
 */
public record CellChange(Kind kind, CellKey key, CellRef before, CellRef after, boolean payloadChanged,
                         boolean overflowChanged, boolean childChanged, boolean moved) {

    public enum Kind {
        ADDED("added"), REMOVED("removed"), CHANGED("changed"), MOVED("moved");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What changed, as words: "payload", "overflow", "child", "moved". */
    public java.util.List<String> what() {
        java.util.List<String> out = new java.util.ArrayList<>(4);
        if (payloadChanged) {
            out.add("payload");
        }
        if (overflowChanged) {
            out.add("overflow");
        }
        if (childChanged) {
            out.add("child");
        }
        if (moved) {
            out.add("moved");
        }
        return out;
    }
}
