package dev.loupe.repro.file;

import dev.loupe.check.Finding;
import dev.loupe.check.Severity;
import dev.loupe.format.SchemaEntry;

import java.util.List;
import java.util.Locale;

/**
 * The finding a reduction keeps: "the same finding" is the same code about the same kind of object (the file,
 * the schema, a table or an index), since pages, cells and object names change as the file shrinks.
 *
 * @param code       the finding code (kebab-case)
 * @param objectKind "file", "schema", "table", "index" or "object"
 */
public record FindingTarget(String code, String objectKind) {

    /** The kind of object {@code f} is about, given the schema rows of its file. */
    static String objectKind(Finding f, List<SchemaEntry> schema) {
        String o = f.object();
        if (o == null) {
            return "file";
        }
        if (o.equalsIgnoreCase("sqlite_schema") || o.equalsIgnoreCase("sqlite_master")) {
            return "schema";
        }
        for (SchemaEntry e : schema) {
            if (e.row().name() != null && e.row().name().equalsIgnoreCase(o)) {
                return e.row().type() == null ? "object" : e.row().type().toLowerCase(Locale.ROOT);
            }
        }
        return "object";
    }

    /** The first finding of {@code findings} that this target names, or null. */
    Finding match(List<Finding> findings, List<SchemaEntry> schema) {
        for (Finding f : findings) {
            if (f.code().code().equals(code) && objectKind(f, schema).equals(objectKind)) {
                return f;
            }
        }
        return null;
    }

    /** The target for a reduction: the first finding with {@code code}, or the first error when code is null. */
    static FindingTarget choose(List<Finding> findings, List<SchemaEntry> schema, String code) {
        for (Finding f : findings) {
            boolean wanted = code == null ? f.severity() == Severity.ERROR : f.code().code().equals(code);
            if (wanted) {
                return new FindingTarget(f.code().code(), objectKind(f, schema));
            }
        }
        return null;
    }
}
