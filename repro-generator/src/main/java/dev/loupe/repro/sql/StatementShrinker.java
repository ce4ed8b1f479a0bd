package dev.loupe.repro.sql;

import dev.loupe.format.schema.SqlTokenizer;
import dev.loupe.format.schema.Token;
import dev.loupe.format.schema.TokenKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Simpler variants of one statement, biggest cuts first, always in the same order: halves and then single items of
 * comma lists (rows of a multi-row VALUES, select columns, arguments, column definitions), clauses (WHERE, ORDER BY,
 * LIMIT, GROUP BY, ...), parenthesized sub-expressions replaced by what is inside or by a literal, function calls
 * by their first argument, one operand of a binary operator, literals by simpler literals, and finally single
 * tokens. Variants need not be valid SQL: the oracle rejects those that no longer show the same failure.
 */
public final class StatementShrinker {

    /** Clause keywords that start a part of a statement which can go as a whole. */
    private static final Set<String> CLAUSES = Set.of("WHERE", "ORDER", "LIMIT", "OFFSET", "GROUP", "HAVING",
            "WINDOW", "RETURNING", "ON", "USING", "FROM", "DISTINCT", "ALL", "COLLATE", "ESCAPE", "FILTER", "OVER");
    /** Words that end a clause at the same nesting depth. */
    private static final Set<String> CLAUSE_ENDS = Set.of("WHERE", "ORDER", "LIMIT", "OFFSET", "GROUP", "HAVING",
            "WINDOW", "RETURNING", "UNION", "INTERSECT", "EXCEPT", "FROM", "JOIN", "LEFT", "INNER", "CROSS",
            "NATURAL", "VALUES", "SET", "SELECT", "ON", "USING", "THEN", "ELSE", "END", "WHEN");
    private static final Set<String> BINARY = Set.of("+", "-", "*", "/", "%", "||", "=", "==", "<", "<=", ">", ">=",
            "<>", "!=", "<<", ">>", "&", "|", "->", "->>");
    private static final Set<String> BINARY_WORDS = Set.of("AND", "OR", "IS", "LIKE", "GLOB");

    private final String sql;
    private final List<Token> tokens;
    private final Set<String> out = new LinkedHashSet<>();

    private StatementShrinker(String sql) {
        this.sql = sql;
        this.tokens = SqlTokenizer.tokenize(sql);
    }

    /** The variants of {@code sql}, without duplicates and without {@code sql} itself. */
    public static List<String> variants(String sql) {
        StatementShrinker s = new StatementShrinker(sql);
        s.lists();
        s.clauses();
        s.groups();
        s.operands();
        s.literals();
        s.singleTokens();
        s.out.remove(sql);
        return new ArrayList<>(s.out);
    }

    /** Comma-separated lists at each depth: remove the first or second half, then each item. */
    private void lists() {
        List<List<int[]>> all = new ArrayList<>();
        collectLists(0, tokens.size(), all);
        for (List<int[]> items : all) {
            int n = items.size();
            if (n >= 4) {
                removeItems(items, 0, n / 2);
                removeItems(items, n / 2, n);
            }
        }
        for (List<int[]> items : all) {
            for (int i = 0; i < items.size(); i++) {
                removeItems(items, i, i + 1);
            }
        }
    }

    /** Item token ranges [from, to) of every comma list within tokens [from, to), outermost first. */
    private void collectLists(int from, int to, List<List<int[]>> all) {
        List<int[]> items = new ArrayList<>();
        int start = from;
        int i = from;
        List<int[]> inner = new ArrayList<>();
        while (i < to) {
            Token t = tokens.get(i);
            if (t.isOperator("(")) {
                int close = close(i);
                inner.add(new int[] {i + 1, close});
                i = close + 1;
                continue;
            }
            if (t.isOperator(",")) {
                items.add(new int[] {start, i});
                start = i + 1;
            } else if (t.kind() == TokenKind.WORD && CLAUSE_ENDS.contains(t.upper()) && !items.isEmpty()) {
                items.add(new int[] {start, i});
                all.add(items);
                items = new ArrayList<>();
                start = i + 1;
                i++;
                continue;
            } else if (t.kind() == TokenKind.WORD && CLAUSE_ENDS.contains(t.upper())) {
                start = i + 1;
            }
            i++;
        }
        if (!items.isEmpty()) {
            items.add(new int[] {start, to});
            all.add(items);
        }
        for (int[] r : inner) {
            collectLists(r[0], Math.min(r[1], tokens.size()), all);
        }
    }

    private void removeItems(List<int[]> items, int from, int to) {
        if (to - from >= items.size()) {
            return;
        }
        int[] first = items.get(from);
        int[] last = items.get(to - 1);
        if (first[0] >= last[1] && from == to - 1 && first[0] == first[1]) {
            return;
        }
        // Drop the items with the comma after them, or before them for the last items.
        if (to < items.size()) {
            cut(first[0], items.get(to)[0], "");
        } else {
            cut(items.get(from - 1)[1], last[1], "");
        }
    }

    /**
     * A clause keyword up to the end of its parenthesis or statement (all the clauses after it go too), then up to
     * the next clause at the same depth.
     */
    private void clauses() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.WORD && CLAUSES.contains(t.upper()) && !t.upper().equals("DISTINCT")
                    && !t.upper().equals("ALL")) {
                int j = i + 1;
                while (j < tokens.size() && !tokens.get(j).isOperator(")") && !tokens.get(j).isOperator(";")) {
                    j = tokens.get(j).isOperator("(") ? close(j) + 1 : j + 1;
                }
                cut(i, j, "");
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != TokenKind.WORD || !CLAUSES.contains(t.upper())) {
                continue;
            }
            int j = i + 1;
            if (t.upper().equals("DISTINCT") || t.upper().equals("ALL")) {
                cut(i, i + 1, "");
                continue;
            }
            while (j < tokens.size()) {
                Token u = tokens.get(j);
                if (u.isOperator("(")) {
                    j = close(j) + 1;
                    continue;
                }
                if (u.isOperator(")") || u.isOperator(";")
                        || u.kind() == TokenKind.WORD && CLAUSE_ENDS.contains(u.upper())) {
                    break;
                }
                j++;
            }
            cut(i, j, "");
        }
    }

    /** (expr) by expr, by 1, by NULL; f(a, b) by a; a whole parenthesis (subquery, list) by 1. */
    private void groups() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isOperator("(")) {
                continue;
            }
            int close = close(i);
            if (close >= tokens.size()) {
                continue;
            }
            boolean call = i > 0 && tokens.get(i - 1).kind() == TokenKind.WORD && !tokens.get(i - 1).isReservedWord();
            int from = call ? i - 1 : i;
            cut(from, close + 1, "1");
            cut(from, close + 1, "NULL");
            if (close > i + 1) {
                int comma = firstComma(i + 1, close);
                cut(from, close + 1, text(i + 1, comma));
            }
        }
    }

    /** "a op b" by a, or by b, where a and b are single tokens or parenthesized groups. */
    private void operands() {
        for (int k = 1; k + 1 < tokens.size(); k++) {
            Token t = tokens.get(k);
            boolean op = t.kind() == TokenKind.OPERATOR && BINARY.contains(t.text())
                    || t.kind() == TokenKind.WORD && BINARY_WORDS.contains(t.upper());
            if (!op) {
                continue;
            }
            int left = k - 1;
            if (tokens.get(left).isOperator(")")) {
                left = open(left);
                if (left > 0 && tokens.get(left - 1).kind() == TokenKind.WORD) {
                    left--;
                }
            }
            int right = k + 1;
            if (right + 1 < tokens.size() && tokens.get(right + 1).isOperator("(")) {
                right = close(right + 1);
            } else if (tokens.get(right).isOperator("(")) {
                right = close(right);
            }
            if (left >= 0 && right < tokens.size()) {
                cut(k, right + 1, "");
                cut(left, k + 1, "");
            }
        }
    }

    /** Strings by '', numbers by 0 and 1, blobs by X'', names left alone. */
    private void literals() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case STRING -> cut(i, i + 1, "''");
                case INTEGER, FLOAT -> {
                    cut(i, i + 1, "0");
                    cut(i, i + 1, "1");
                }
                case BLOB -> cut(i, i + 1, "X''");
                default -> {
                }
            }
        }
    }

    private void singleTokens() {
        for (int i = 0; i < tokens.size(); i++) {
            cut(i, i + 1, "");
        }
    }

    /** The statement with tokens [from, to) replaced by {@code replacement}. */
    private void cut(int from, int to, String replacement) {
        if (from < 0 || to > tokens.size() || from >= to) {
            return;
        }
        int a = tokens.get(from).start();
        int b = tokens.get(to - 1).end();
        String before = sql.substring(0, a).stripTrailing();
        String after = sql.substring(b).stripLeading();
        StringBuilder s = new StringBuilder(before);
        if (!replacement.isEmpty()) {
            space(s, replacement);
            s.append(replacement);
        }
        space(s, after);
        s.append(after);
        String v = s.toString().strip();
        if (!v.isEmpty()) {
            out.add(v);
        }
    }

    private static void space(StringBuilder s, String next) {
        if (s.length() > 0 && !next.isEmpty()) {
            char p = s.charAt(s.length() - 1);
            char n = next.charAt(0);
            if (p != '(' && n != ')' && n != ',' && p != '.' && n != '.') {
                s.append(' ');
            }
        }
    }

    private String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private int firstComma(int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isOperator("(")) {
                i = close(i);
            } else if (t.isOperator(",")) {
                return i;
            }
        }
        return to;
    }

    /** The index of the ")" that closes the "(" at {@code open}, or tokens.size() when none does. */
    private int close(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isOperator("(")) {
                depth++;
            } else if (tokens.get(i).isOperator(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    private int open(int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (tokens.get(i).isOperator(")")) {
                depth++;
            } else if (tokens.get(i).isOperator("(") && --depth == 0) {
                return i;
            }
        }
        return 0;
    }
}
