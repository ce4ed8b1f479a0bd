package dev.loupe.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether SQLite's table-level scan (the second half of PRAGMA integrity_check: NOT NULL, types, CHECK, index
 * entries) runs to its end. The scan reads every row through a cursor; a page the cursor cannot use stops the
 * whole statement with "database disk image is malformed", and the table-level lines after that point are never
 * printed. Problems that do not stand in a cursor's way (an unused page, a wrong fragment count, the freelist,
 * the pointer map) let it complete. So does a record that cannot be decoded, unless SQLite reads it: a row's
 * columns as the scan reaches the row (OP_Column finds the header running past the payload), an index entry when a
 * row's lookup compares its key with it (the record compare reports the corruption). Which rows and lookups meet
 * such a record is not modelled, so any one of them counts as a stop. When the scan may not complete, Loupe still
 * reports its own findings, without the SQLite line, since which of them SQLite would have printed depends on where
 * its scan stopped.
 */
final class TableScan {

    private static final Set<FindingCode> HARMLESS = EnumSet.of(FindingCode.PAGE_NEVER_USED,
            FindingCode.FRAGMENTATION_MISMATCH, FindingCode.FREELIST_COUNT, FindingCode.FREELIST_LEAF_COUNT,
            FindingCode.PTRMAP_ENTRY_MISSING, FindingCode.PTRMAP_ENTRY_WRONG, FindingCode.PTRMAP_PAGE_REFERENCED,
            FindingCode.AUTOVACUUM_ROOT_PAGE, FindingCode.ROWID_ORDER);

    private TableScan() {
    }

    /**
     * True if, given these structural findings and the record-level findings of the deep pass's parts, SQLite's
     * table scan reads every row.
     */
    static boolean completes(List<Finding> structural, List<FindingSink> recordLevel) {
        for (Finding f : structural) {
            if (f.severity() == Severity.ERROR && !HARMLESS.contains(f.code())) {
                return false;
            }
        }
        for (FindingSink part : recordLevel) {
            for (Finding f : part.findings()) {
                if (f.code() == FindingCode.RECORD_MALFORMED) {
                    return false;
                }
            }
        }
        return true;
    }
}
