package dev.loupe.repro.diff;

import dev.loupe.format.SchemaEntry;
import dev.loupe.format.schema.SchemaRow;
import dev.loupe.format.schema.SqlTokenizer;
import dev.loupe.format.schema.Token;
import dev.loupe.format.schema.TokenKind;

import java.util.List;
import java.util.Objects;

/**
 * Compares the rows of sqlite_schema (fileformat2 §2.6), object by object, matched by type and name (names ignore
 * ASCII case, as SQLite's do). An object in one file only, or defined by other SQL, is incompatible; the same SQL
 * tokens spelled with other spacing is benign; another root page is page placement.
 */
final class SchemaComparison {

    /** SQL text longer than this is cut in a difference's sides. */
    private static final int SQL_WIDTH = 200;

    private SchemaComparison() {
    }

    static void compare(List<SchemaEntry> a, List<SchemaEntry> b, Differences out) {
        boolean[] matched = new boolean[b.size()];
        for (SchemaEntry ea : a) {
            int j = find(ea.row(), b, matched);
            if (j < 0) {
                missing(ea, true, out);
                continue;
            }
            matched[j] = true;
            SchemaEntry eb = b.get(j);
            SchemaRow ra = ea.row();
            SchemaRow rb = eb.row();
            String name = ra.name();
            if (!Objects.equals(ra.tblName(), rb.tblName())) {
                out.add(new Difference(DiffClass.INCOMPATIBLE, DiffKind.SCHEMA_SQL, name, null, ea.page(), eb.page(),
                        -1, -1, "tbl_name", String.valueOf(ra.tblName()), String.valueOf(rb.tblName()),
                        ra.type() + " " + name + " belongs to another table"));
            }
            sql(ea, eb, out);
            if (ra.rootPage() != rb.rootPage()) {
                out.add(new Difference(DiffClass.BENIGN, DiffKind.ROOT_PAGE, name, null, ea.page(), eb.page(), -1, -1,
                        "rootpage", Long.toString(ra.rootPage()), Long.toString(rb.rootPage()),
                        ra.type() + " " + name + " is rooted at page " + ra.rootPage() + " vs " + rb.rootPage()
                                + ": page placement"));
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!matched[j]) {
                missing(b.get(j), false, out);
            }
        }
    }

    private static int find(SchemaRow row, List<SchemaEntry> others, boolean[] matched) {
        for (int j = 0; j < others.size(); j++) {
            SchemaRow o = others.get(j).row();
            if (!matched[j] && Objects.equals(row.type(), o.type()) && sameName(row.name(), o.name())) {
                return j;
            }
        }
        return -1;
    }

    private static void missing(SchemaEntry e, boolean inA, Differences out) {
        SchemaRow r = e.row();
        String sql = brief(r.sql());
        out.add(new Difference(DiffClass.INCOMPATIBLE, DiffKind.SCHEMA_OBJECT, r.name(), null, inA ? e.page() : 0,
                inA ? 0 : e.page(), -1, -1, r.type(), inA ? sql : "", inA ? "" : sql,
                r.type() + " " + r.name() + " is in " + (inA ? "A" : "B") + " only"));
    }

    private static void sql(SchemaEntry ea, SchemaEntry eb, Differences out) {
        String sa = ea.row().sql();
        String sb = eb.row().sql();
        if (Objects.equals(sa, sb)) {
            return;
        }
        boolean sameTokens = sa != null && sb != null && sameTokens(SqlTokenizer.tokenize(sa),
                SqlTokenizer.tokenize(sb));
        String what = ea.row().type() + " " + ea.row().name();
        out.add(new Difference(sameTokens ? DiffClass.BENIGN : DiffClass.INCOMPATIBLE,
                sameTokens ? DiffKind.SCHEMA_SQL_LAYOUT : DiffKind.SCHEMA_SQL, ea.row().name(), null, ea.page(),
                eb.page(), -1, -1, "sql", brief(sa), brief(sb), sameTokens
                        ? what + " has the same SQL tokens with other spacing, comments or keyword case"
                        + " (sqlite_schema.sql reads differently, the definition is the same)"
                        : what + " is defined by other SQL"));
    }

    /**
     * Same tokens in the same order: keywords compared ignoring case (they are case-insensitive), everything else
     * exactly (a name's case shows in column names).
     */
    static boolean sameTokens(List<Token> a, List<Token> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Token x = a.get(i);
            Token y = b.get(i);
            if (x.kind() != y.kind()) {
                return false;
            }
            boolean keyword = x.kind() == TokenKind.WORD && x.isReservedWord() && y.isReservedWord();
            if (keyword ? !x.upper().equals(y.upper()) : !x.text().equals(y.text())) {
                return false;
            }
        }
        return true;
    }

    /** SQLite compares names ignoring the case of ASCII letters only. */
    static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (fold(a.charAt(i)) != fold(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static String brief(String sql) {
        if (sql == null) {
            return "NULL";
        }
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= SQL_WIDTH ? one : one.substring(0, SQL_WIDTH - 3) + "...";
    }
}
