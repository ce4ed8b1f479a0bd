package dev.loupe.check;

import dev.loupe.format.Problem;

import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.SchemaObject;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reader's schema problems mean for a check. SQLite reads the whole of sqlite_schema and parses every
 * statement in it before it runs anything, integrity_check included: damage to the schema b-tree or a statement
 * it cannot parse makes it refuse the file.
 */
final class SchemaFindings {

    private SchemaFindings() {
    }

    static FindingCode code(Problem p) {
        return switch (p.kind()) {
            case SCHEMA_ROW, SCHEMA_SQL, SCHEMA_REFERENCE -> FindingCode.SCHEMA_ROW_INVALID;
            default -> FindingCode.SCHEMA_UNREADABLE;
        };
    }

    /**
     * Tables and indexes whose root page lies beyond the last page: SQLite's schema loader (sqlite3InitCallback)
     * rejects them as "invalid rootpage" and refuses the file ("malformed database schema").
     */
    static List<Finding> rootsBeyondFile(Schema schema, long pageCount) {
        List<Finding> out = new ArrayList<>();
        for (SchemaObject o : schema.objects()) {
            long root = o instanceof Table t ? t.rootPage() : o instanceof Index i ? i.rootPage() : 0;
            if (root > pageCount) {
                out.add(Finding.of(FindingCode.SCHEMA_ROOT_PAGE, o.name() + " has root page " + root + " but the"
                        + " database has " + pageCount + " pages: SQLite refuses the schema (\"malformed database"
                        + " schema (" + o.name() + ") - invalid rootpage\")").object(o.name()).page(1).build());
            }
        }
        return out;
    }

    /** True if SQLite would refuse to load a schema with these problems. */
    static boolean sqliteRefuses(List<Problem> problems) {
        return !problems.isEmpty();
    }
}
