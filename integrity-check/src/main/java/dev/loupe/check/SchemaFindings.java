package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.SchemaEntry;
import dev.loupe.format.SchemaSnapshot;
import dev.loupe.format.expr.Expression;
import dev.loupe.format.schema.CheckConstraint;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.SchemaObject;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /**
     * The expressions of the schema's tables and indexes that SQLite's parser rejects (a generated column's, a CHECK
     * constraint's, an index's expression terms and WHERE clause): SQLite parses every statement of sqlite_schema
     * before it runs anything, and a syntax error in one makes it refuse the file ("malformed database schema (NAME)
     * - near ...: syntax error"). Loupe's reader keeps such text as written; only the expressions it evaluates were
     * parsed, and a syntax error there read as "not checked".
     */
    static List<Finding> expressionSyntax(SchemaSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (SchemaObject o : snapshot.schema().objects()) {
            if (o instanceof Table t && !t.virtual()) {
                for (Column c : t.columns()) {
                    if (c.generated() != null) {
                        syntax(snapshot, o, "generated column " + c.name(), c.generated().expression(), out);
                    }
                }
                for (CheckConstraint k : t.checkConstraints()) {
                    syntax(snapshot, o, k.name() == null ? "CHECK constraint" : "CHECK constraint " + k.name(),
                            k.expression(), out);
                }
            } else if (o instanceof Index i) {
                for (IndexedColumn c : i.columns()) {
                    if (c.isExpression()) {
                        syntax(snapshot, o, "expression term", c.expression(), out);
                    }
                }
                if (i.isPartial()) {
                    syntax(snapshot, o, "WHERE clause", i.where(), out);
                }
            }
        }
        return out;
    }

    private static void syntax(SchemaSnapshot snapshot, SchemaObject o, String what, String expression,
                               List<Finding> out) {
        if (expression == null || expression.isBlank()) {
            return; // the reader reported the statement already
        }
        String error = Expression.syntaxError(expression);
        if (error == null) {
            return;
        }
        String shown = expression.length() > 80 ? expression.substring(0, 77) + "..." : expression;
        Finding.Builder f = Finding.of(FindingCode.SCHEMA_ROW_INVALID, "the CREATE " + (o instanceof Index ? "INDEX"
                        : "TABLE") + " statement of " + o.name() + " does not parse: its " + what + " (" + shown
                        + ") has a syntax error (" + error + "), so SQLite refuses the schema (\"malformed database"
                        + " schema (" + o.name() + ") - ...: syntax error\")").object(o.name());
        for (SchemaEntry e : snapshot.entries()) {
            if (e.row().name() != null && e.row().name().toLowerCase(Locale.ROOT)
                    .equals(o.name().toLowerCase(Locale.ROOT))) {
                f.page(e.page()).cell(e.cellIndex());
                break;
            }
        }
        out.add(f.build());
    }

    /** True if SQLite would refuse to load a schema with these problems. */
    static boolean sqliteRefuses(List<Problem> problems) {
        return !problems.isEmpty();
    }
}
