package dev.loupe.format.expr;

/** Entry point: SQL expression text to a {@link ParsedExpression}. */
public final class Expression {

    private Expression() {
    }

    /**
     * Parses one SQL expression (lang_expr.html). Never throws: text that is not an expression SQLite's grammar
     * accepts, or a construct this parser does not model, becomes an {@link Unsupported} node (the whole
     * expression for a syntax error, the construct alone for a subquery, parameter, window function and such).
     */
    public static ParsedExpression parse(String sql) {
        return new ExpressionParser(sql == null ? "" : sql).parse();
    }

    /**
     * The syntax error SQLite's parser reports in this expression text ("near X: syntax error", "unrecognized
     * token"), in this parser's words; null when the text parses, or where SQLite may accept what this parser does
     * not (a nesting deeper than this parser follows, a grammar that changed between versions).
     */
    public static String syntaxError(String sql) {
        return new ExpressionParser(sql == null ? "" : sql).syntaxError();
    }
}
