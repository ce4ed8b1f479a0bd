package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * One term of an index, PRIMARY KEY or UNIQUE list as written, before it is matched to a table's columns.
 * {@code name} is set when the term is a bare column reference (an identifier, or a string SQLite takes as a
 * column name, possibly parenthesised); {@code expression} is the term's text without its top-level
 * COLLATE and ASC/DESC. {@code collation} is the explicit top-level COLLATE, or null. {@code doubleQuoted} marks a
 * name written in double quotes, which SQLite takes as a string literal when no column has that name.
 */
record IndexTerm(String name, boolean doubleQuoted, String expression, String collation, boolean descending) {

    /**
     * Parses a parenthesised term list, the cursor on its '('. Stops after the matching ')'. {@code allowAutoincrement}
     * accepts a trailing AUTOINCREMENT inside the list (PRIMARY KEY (x AUTOINCREMENT)); {@code autoincrement}
     * receives whether it was there.
     */
    static List<IndexTerm> parseList(TokenCursor c, boolean allowAutoincrement, boolean[] autoincrement) {
        List<IndexTerm> terms = new ArrayList<>();
        if (!c.expectOperator("(", "before the column list")) {
            return terms;
        }
        while (!c.atEnd() && !c.peekOperator(")")) {
            int start = c.skipExpression(t -> false);
            int end = c.position();
            if (end == start) {
                c.problem("empty term in column list, found " + TokenCursor.describe(c.peek()));
                if (!c.acceptOperator(",")) {
                    c.next();
                }
                continue;
            }
            if (allowAutoincrement && c.token(end - 1).isKeyword("AUTOINCREMENT")) {
                autoincrement[0] = true;
                end--;
            }
            terms.add(parse(c, start, end));
            if (!c.acceptOperator(",")) {
                break;
            }
        }
        c.expectOperator(")", "after the column list");
        return terms;
    }

    /** The term made of tokens {@code [start, end)} of the cursor's statement. */
    static IndexTerm parse(TokenCursor c, int start, int end) {
        boolean descending = false;
        if (end - start >= 2 && c.token(end - 2).isKeyword("NULLS")
                && (c.token(end - 1).isKeyword("FIRST") || c.token(end - 1).isKeyword("LAST"))) {
            c.problem("NULLS " + c.token(end - 1).upper() + " is not supported in an index (SQLite rejects it)");
            end -= 2;
        }
        if (end - start >= 2 && (c.token(end - 1).isKeyword("ASC") || c.token(end - 1).isKeyword("DESC"))) {
            descending = c.token(end - 1).isKeyword("DESC");
            end--;
        }
        // COLLATE binds tighter than any operator: "a + b COLLATE x" collates b only. The clause is the term's own
        // collation only when what precedes it is a single operand (sqlite3CreateIndex looks at the top node).
        String collation = null;
        int core = end;
        while (core - start >= 3 && c.token(core - 2).isKeyword("COLLATE") && isIds(c.token(core - 1))) {
            if (collation == null) {
                collation = c.token(core - 1).value();
            }
            core -= 2;
        }
        if (collation != null && !isSingleOperand(c, start, core)) {
            collation = null;
            core = end;
        }
        String expression = c.text(start, collation == null ? end : core);
        int s = start;
        int e = core;
        while (e - s >= 2 && c.token(s).isOperator("(") && matchingClose(c, s) == e - 1) {
            s++;
            e--;
        }
        Token last = c.token(e - 1);
        boolean nameLike = last.isName();
        if (e - s == 1 && nameLike) {
            return new IndexTerm(last.value(), last.text().startsWith("\""), null, collation, descending);
        }
        return new IndexTerm(null, false, expression, collation, descending);
    }

    private static boolean isIds(Token t) {
        return t.isIdentifierLike() || t.kind() == TokenKind.STRING;
    }

    /** Whether tokens {@code [s, e)} form one operand: a literal or name, a (group), a call f(...), a.b, CASE...END. */
    private static boolean isSingleOperand(TokenCursor c, int s, int e) {
        if (e - s == 1) {
            return c.token(s).kind() != TokenKind.OPERATOR;
        }
        if (c.token(s).isOperator("(")) {
            return matchingClose(c, s) == e - 1;
        }
        if (c.token(s).kind() == TokenKind.WORD && c.token(s + 1).isOperator("(")) {
            return matchingClose(c, s + 1) == e - 1;
        }
        if (c.token(s).isKeyword("CASE")) {
            int depth = 0;
            for (int i = s; i < e; i++) {
                if (c.token(i).isKeyword("CASE")) {
                    depth++;
                } else if (c.token(i).isKeyword("END") && --depth == 0) {
                    return i == e - 1;
                }
            }
            return false;
        }
        for (int i = s; i < e; i++) {
            boolean dot = (i - s) % 2 == 1;
            if (dot ? !c.token(i).isOperator(".") : !c.token(i).isName()) {
                return false;
            }
        }
        return (e - s) % 2 == 1;
    }

    private static int matchingClose(TokenCursor c, int open) {
        return c.matchingClose(open);
    }

    /**
     * This term matched against {@code columns}: a column (with the effective collation) or an expression.
     * A name matching no column is a problem (SQLite rejects it, rowid included), except that a double-quoted
     * one is taken as a string literal.
     */
    IndexedColumn resolve(ColumnLookup columns, List<String> problems) {
        if (name != null) {
            int i = columns.indexOf(name);
            if (i >= 0) {
                Column col = columns.get(i);
                String coll = collation != null ? collation : col.collation() != null ? col.collation() : "BINARY";
                return new IndexedColumn(col.name(), null, i, coll, descending);
            }
            if (doubleQuoted) {
                // A double-quoted word naming no column is a string literal (quirks.html "double-quoted strings").
                return new IndexedColumn(null, '"' + name.replace("\"", "\"\"") + '"', -1,
                        collation != null ? collation : "BINARY", descending);
            }
            problems.add("no such column: " + name);
            return new IndexedColumn(name, null, -1, collation != null ? collation : "BINARY", descending);
        }
        return new IndexedColumn(null, expression, -1, collation != null ? collation : "BINARY", descending);
    }
}
