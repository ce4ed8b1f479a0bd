package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.List;

/** A column while its definition is being read; becomes a {@link Column} once the whole table is known. */
final class ColumnDraft {

    final String name;
    final String declaredType;
    /** True when the type is one of SQLite's standard names (sqlite3StdType): ANY, BLOB, INT, INTEGER, REAL, TEXT. */
    final boolean standardType;
    /** Whether a type was written; a written type that dequotes to nothing ("") has NUMERIC affinity. */
    final boolean typeWritten;
    boolean notNull;
    DefaultValue defaultValue;
    boolean primaryKey;
    String collation;
    boolean unique;
    final List<String> checks = new ArrayList<>();
    Generated generated;

    ColumnDraft(String name, String declaredType, boolean standardType, boolean typeWritten) {
        this.name = name;
        this.declaredType = declaredType;
        this.standardType = standardType;
        this.typeWritten = typeWritten;
    }

    Column build(boolean strict) {
        Affinity affinity;
        if (strict && standardType && declaredType.equals("ANY")) {
            affinity = Affinity.BLOB; // build.c sqlite3EndTable: ANY in a STRICT table keeps values as given
        } else if (declaredType.isEmpty()) {
            affinity = typeWritten ? Affinity.NUMERIC : Affinity.BLOB;
        } else {
            affinity = Affinity.of(declaredType);
        }
        return new Column(name, declaredType, affinity, notNull, defaultValue, primaryKey, collation, unique, checks,
                generated, false);
    }

    /**
     * The declared type as SQLite keeps it (build.c sqlite3AddColumn), from the raw text of the type tokens:
     * a trailing "GENERATED ALWAYS" (keywords the grammar can take as part of a type name) is cut; a fully quoted
     * type loses its quotes; a standard name is reported upper-case; any other type is dequoted.
     */
    static DeclaredType declaredType(String raw) {
        String t = raw;
        if (t.length() >= 16 && AsciiCase.equalsIgnoreCase(t.substring(t.length() - 6), "always")) {
            t = stripTrailingSpace(t.substring(0, t.length() - 6));
            if (t.length() >= 9 && AsciiCase.equalsIgnoreCase(t.substring(t.length() - 9), "generated")) {
                t = stripTrailingSpace(t.substring(0, t.length() - 9));
            }
        }
        if (t.length() >= 3) {
            t = Identifiers.dequoteToken(t);
            for (String std : new String[] {"ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT"}) {
                if (AsciiCase.equalsIgnoreCase(t, std)) {
                    return new DeclaredType(std, true, true);
                }
            }
        }
        return new DeclaredType(Identifiers.dequote(t), false, !t.isEmpty());
    }

    /**
     * A type name as SQLite reports it, whether it is one of the standard names, and whether any type text
     * remained after the GENERATED ALWAYS cut (without any, the column has BLOB affinity).
     */
    record DeclaredType(String text, boolean standard, boolean present) {
    }

    private static String stripTrailingSpace(String s) {
        int n = s.length();
        while (n > 0 && SqlTokenizer.isSpace(s.charAt(n - 1))) {
            n--;
        }
        return s.substring(0, n);
    }
}
