package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A position in the tokens of one statement, with the helpers the DDL parsers share. Reading past the end yields
 * an empty token instead of failing; every helper moves forward or stays, so parsing loops always end.
 */
final class TokenCursor {

    private static final Token END = new Token(TokenKind.OPERATOR, "", 0, 0);

    private final String sql;
    private final List<Token> tokens;
    private final List<String> problems = new ArrayList<>();
    /** For each '(' token, the index of its matching ')' (-1 if unclosed); computed on first use. */
    private int[] closeOf;
    /** Index of the last token that is not ';' (the statement proper ends there). */
    private final int lastToken;
    private int pos;

    TokenCursor(String sql) {
        this.sql = sql;
        this.tokens = SqlTokenizer.tokenize(sql);
        for (Token t : tokens) {
            if (t.kind() == TokenKind.ILLEGAL) {
                problem("illegal token " + shorten(t.text()) + " at offset " + t.start());
            }
        }
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).isOperator(";")) {
            last--;
        }
        this.lastToken = last;
    }

    String sql() {
        return sql;
    }

    List<String> problems() {
        return problems;
    }

    /** Notes a problem; past {@value #MAX_PROBLEMS} for one statement, one line says that more were left out. */
    void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("more problems in this statement not listed");
        }
    }

    static final int MAX_PROBLEMS = 50;

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** True at the end of the statement: no tokens left, or only semicolons. */
    boolean atStatementEnd() {
        return pos > lastToken;
    }

    int position() {
        return pos;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : END;
    }

    Token next() {
        Token t = peek();
        if (pos < tokens.size()) {
            pos++;
        }
        return t;
    }

    Token previous() {
        return pos > 0 ? tokens.get(pos - 1) : END;
    }

    boolean peekKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean peekOperator(String op) {
        return peek().isOperator(op);
    }

    /** Consumes the keywords if they come next, in order; otherwise consumes nothing. */
    boolean acceptKeywords(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!peek(i).isKeyword(keywords[i])) {
                return false;
            }
        }
        pos = Math.min(pos + keywords.length, tokens.size());
        return true;
    }

    boolean acceptOperator(String op) {
        if (peekOperator(op)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the keyword, or notes that it is missing. */
    boolean expectKeyword(String keyword, String where) {
        if (acceptKeywords(keyword)) {
            return true;
        }
        problem("expected " + keyword + " " + where + ", found " + describe(peek()));
        return false;
    }

    boolean expectOperator(String op, String where) {
        if (acceptOperator(op)) {
            return true;
        }
        problem("expected '" + op + "' " + where + ", found " + describe(peek()));
        return false;
    }

    /** A name ({@code nm}) if one comes next, dequoted; otherwise null and nothing consumed. */
    String acceptName() {
        return peek().isName() ? next().value() : null;
    }

    /**
     * Skips an expression: tokens up to (not including) the first ',', ')' or ';' outside parentheses, or the first
     * token outside parentheses that {@code stop} accepts. Returns the index of the first token skipped.
     */
    int skipExpression(Predicate<Token> stop) {
        int start = pos;
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (t.isOperator("(")) {
                depth++;
            } else if (t.isOperator(")")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (t.isOperator(",") || t.isOperator(";") || stop.test(t))) {
                break;
            }
            pos++;
        }
        return start;
    }

    /**
     * Recovery after text the parser does not understand: skips to the next ',' or ')' outside parentheses, or, when
     * an unbalanced '(' in the damaged text would swallow the rest of the statement, to the next ','.
     */
    void skipDamagedItem() {
        int start = pos;
        skipExpression(t -> false);
        if (atEnd()) {
            pos = start;
            while (!atEnd() && !peekOperator(",")) {
                pos++;
            }
        }
    }

    /**
     * Consumes a '(' ... ')' group and returns the index of the first token inside it, or -1 (consuming nothing)
     * if the next token is not '('. An unclosed group runs to the end and is noted.
     */
    int skipParenthesised() {
        if (!peekOperator("(")) {
            return -1;
        }
        int inside = pos + 1;
        int depth = 0;
        while (!atEnd()) {
            Token t = next();
            if (t.isOperator("(")) {
                depth++;
            } else if (t.isOperator(")") && --depth == 0) {
                return inside;
            }
        }
        problem("unclosed '(' opened at offset " + tokens.get(inside - 1).start());
        return inside;
    }

    /** Index of the ')' matching the '(' at token {@code open}, or -1. Linear once, then constant time. */
    int matchingClose(int open) {
        if (closeOf == null) {
            closeOf = new int[tokens.size()];
            int[] stack = new int[tokens.size()];
            int depth = 0;
            for (int i = 0; i < tokens.size(); i++) {
                closeOf[i] = -1;
                if (tokens.get(i).isOperator("(")) {
                    stack[depth++] = i;
                } else if (tokens.get(i).isOperator(")") && depth > 0) {
                    closeOf[stack[--depth]] = i;
                }
            }
        }
        return open >= 0 && open < closeOf.length ? closeOf[open] : -1;
    }

    /** Token at index {@code i} of the statement. */
    Token token(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : END;
    }

    /** The original text of tokens {@code from} (inclusive) to {@code to} (exclusive), comments and spacing kept. */
    String text(int from, int to) {
        if (from < 0 || to <= from || from >= tokens.size()) {
            return "";
        }
        int last = Math.min(to, tokens.size()) - 1;
        return sql.substring(tokens.get(from).start(), tokens.get(last).end());
    }

    static String describe(Token t) {
        return t.text().isEmpty() ? "end of statement" : "'" + shorten(t.text()) + "'";
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
