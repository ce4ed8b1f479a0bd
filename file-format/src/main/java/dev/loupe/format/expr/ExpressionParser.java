package dev.loupe.format.expr;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.schema.SqlTokenizer;
import dev.loupe.format.schema.Token;
import dev.loupe.format.schema.TokenKind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A precedence-climbing parser for SQLite's expression grammar (parse.y). Binding strength, weakest first (the
 * {@code %left}/{@code %right} lines of parse.y): OR; AND; NOT; = == != <> IS IN LIKE GLOB BETWEEN ISNULL NOTNULL;
 * < <= > >=; ESCAPE; & | << >>; + -; * / %; || -> ->>; COLLATE; unary - + ~.
 */
final class ExpressionParser {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int EQUALITY = 4;
    private static final int RELATIONAL = 5;
    private static final int ESCAPE = 6;
    private static final int BITS = 7;
    private static final int ADDITIVE = 8;
    private static final int MULTIPLICATIVE = 9;
    private static final int CONCAT = 10;
    private static final int COLLATE = 11;
    private static final int UNARY = 12;
    /** Nesting bound: deeper text is reported, not parsed (and never overflows the stack). */
    private static final int MAX_DEPTH = 200;

    private final String sql;
    private final List<Token> tokens;
    private int pos;
    private int depth;

    ExpressionParser(String sql) {
        this.sql = sql;
        this.tokens = SqlTokenizer.tokenize(sql);
    }

    ParsedExpression parse() {
        try {
            return whole();
        } catch (Failure f) {
            return new Unsupported(sql.strip(), "syntax: " + f.getMessage());
        }
    }

    /**
     * The syntax error SQLite's parser meets in the text, or null: none, or one this parser cannot be sure SQLite
     * meets (its own nesting bound, lower than SQLite's; ORDER BY in a function's arguments, which SQLite accepts
     * from 3.44 on; a hex literal past 64 bits, which only SQLite's code generator rejects; text with a parameter).
     */
    String syntaxError() {
        for (Token t : tokens) {
            if (t.kind() == TokenKind.VARIABLE) {
                // SQLite reads Tcl-style $name(suffix) and $a::b as one parameter: text with one is left to SQLite
                return null;
            }
        }
        try {
            whole();
            return null;
        } catch (Failure f) {
            return f.definite ? f.getMessage() : null;
        }
    }

    private ParsedExpression whole() {
        if (tokens.isEmpty()) {
            throw new Failure("empty expression");
        }
        ParsedExpression e = expr(OR);
        if (pos < tokens.size()) {
            throw new Failure("unexpected " + peek().text());
        }
        return e;
    }

    private ParsedExpression expr(int minLevel) {
        if (++depth > MAX_DEPTH) {
            throw new Failure("expression nested too deeply", false);
        }
        try {
            ParsedExpression left = prefix();
            while (pos < tokens.size()) {
                ParsedExpression next = infix(left, minLevel);
                if (next == null) {
                    break;
                }
                left = next;
            }
            return left;
        } finally {
            depth--;
        }
    }

    private ParsedExpression prefix() {
        Token t = next();
        if (t.isOperator("-")) {
            return new Unary(Unary.Operator.NEGATE, expr(UNARY));
        }
        if (t.isOperator("+")) {
            return new Unary(Unary.Operator.PLUS, expr(UNARY));
        }
        if (t.isOperator("~")) {
            return new Unary(Unary.Operator.BIT_NOT, expr(UNARY));
        }
        if (t.isKeyword("NOT")) {
            return new Unary(Unary.Operator.NOT, expr(NOT));
        }
        return primary(t);
    }

    /** The operator at the cursor applied to {@code left}, or null if there is none binding at {@code minLevel}. */
    private ParsedExpression infix(ParsedExpression left, int minLevel) {
        Token t = peek();
        String op = t.kind() == TokenKind.OPERATOR ? t.text() : null;
        if (op != null) {
            Binary.Operator b = switch (op) {
                case "=", "==" -> Binary.Operator.EQ;
                case "!=", "<>" -> Binary.Operator.NE;
                case "<" -> Binary.Operator.LT;
                case "<=" -> Binary.Operator.LE;
                case ">" -> Binary.Operator.GT;
                case ">=" -> Binary.Operator.GE;
                case "&" -> Binary.Operator.BIT_AND;
                case "|" -> Binary.Operator.BIT_OR;
                case "<<" -> Binary.Operator.SHIFT_LEFT;
                case ">>" -> Binary.Operator.SHIFT_RIGHT;
                case "+" -> Binary.Operator.ADD;
                case "-" -> Binary.Operator.SUBTRACT;
                case "*" -> Binary.Operator.MULTIPLY;
                case "/" -> Binary.Operator.DIVIDE;
                case "%" -> Binary.Operator.REMAINDER;
                case "||" -> Binary.Operator.CONCAT;
                default -> null;
            };
            if (op.equals("->") || op.equals("->>")) {
                // the JSON operators (json1.html "The -> and ->> operators") bind as || does; evaluated as the
                // functions they stand for (JsonFunctions)
                if (CONCAT < minLevel) {
                    return null;
                }
                next();
                return new FunctionCall(op, List.of(left, expr(CONCAT + 1)));
            }
            if (b == null) {
                return null;
            }
            int level = level(b);
            if (level < minLevel) {
                return null;
            }
            next();
            return new Binary(b, left, expr(level + 1));
        }
        if (t.kind() != TokenKind.WORD) {
            return null;
        }
        String word = t.upper();
        switch (word) {
            case "OR", "AND": {
                int level = word.equals("OR") ? OR : AND;
                if (level < minLevel) {
                    return null;
                }
                next();
                return new Binary(word.equals("OR") ? Binary.Operator.OR : Binary.Operator.AND, left, expr(level + 1));
            }
            case "COLLATE": {
                if (COLLATE < minLevel) {
                    return null;
                }
                next();
                Token name = next();
                if (!name.isName()) {
                    throw new Failure("collation name expected");
                }
                return new Collate(left, name.value());
            }
            case "ESCAPE":
                return null;
            default:
                break;
        }
        if (EQUALITY < minLevel) {
            return null;
        }
        boolean negated = false;
        int mark = pos;
        if (word.equals("NOT")) {
            Token after = peekAt(1);
            if (after == null) {
                return null;
            }
            negated = true;
            next();
            word = after.upper();
            if (after.kind() != TokenKind.WORD) {
                throw new Failure("unexpected NOT");
            }
        }
        switch (word) {
            case "ISNULL", "NOTNULL":
                if (negated) {
                    throw new Failure("unexpected NOT");
                }
                next();
                return new IsNull(left, word.equals("NOTNULL"));
            case "NULL":
                if (!negated) {
                    pos = mark;
                    return null;
                }
                next();
                return new IsNull(left, true);
            case "IS": {
                if (negated) {
                    throw new Failure("unexpected NOT");
                }
                next();
                boolean not = false;
                if (peekKeyword("NOT")) {
                    next();
                    not = true;
                }
                if (peekKeyword("DISTINCT")) {
                    next();
                    expectKeyword("FROM");
                    not = !not;
                }
                ParsedExpression right = expr(EQUALITY + 1);
                if (right instanceof Literal l && l.value() instanceof NullValue) {
                    return new IsNull(left, not);
                }
                return new Binary(not ? Binary.Operator.IS_NOT : Binary.Operator.IS, left, right);
            }
            case "BETWEEN": {
                next();
                // The lower bound runs to the AND (parse.y: nothing can reduce before it), so it may hold = IN LIKE...
                ParsedExpression low = expr(NOT);
                expectKeyword("AND");
                ParsedExpression high = expr(EQUALITY + 1);
                return new Between(left, low, high, negated);
            }
            case "IN":
                next();
                return in(left, negated, mark);
            case "LIKE", "GLOB": {
                next();
                ParsedExpression pattern = expr(EQUALITY + 1);
                ParsedExpression escape = null;
                if (peekKeyword("ESCAPE")) {
                    next();
                    escape = expr(ESCAPE);
                    if (word.equals("GLOB")) {
                        return unsupportedFrom(left, mark, "GLOB with ESCAPE");
                    }
                }
                return new Like(word.equals("LIKE") ? Like.Kind.LIKE : Like.Kind.GLOB, left, pattern, escape, negated);
            }
            case "MATCH", "REGEXP": {
                next();
                expr(EQUALITY + 1);
                return unsupportedFrom(left, mark, word + " operator (application-defined)");
            }
            default:
                if (negated) {
                    throw new Failure("unexpected NOT");
                }
                return null;
        }
    }

    private ParsedExpression in(ParsedExpression left, boolean negated, int mark) {
        if (!peekOperator("(")) {
            // x IN table or x IN schema.table_function(...)
            Token name = next();
            if (!name.isName()) {
                throw new Failure("IN list expected");
            }
            while (peekOperator(".") || peekOperator("(")) {
                if (peekOperator("(")) {
                    skipParenthesised();
                } else {
                    next();
                    next();
                }
            }
            return unsupportedFrom(left, mark, "IN with a table");
        }
        if (isSubqueryStart(peekAt(1))) {
            skipParenthesised();
            return unsupportedFrom(left, mark, "IN with a subquery");
        }
        next();
        List<ParsedExpression> items = new ArrayList<>();
        if (!peekOperator(")")) {
            items.add(expr(OR));
            while (peekOperator(",")) {
                next();
                items.add(expr(OR));
            }
        }
        expectOperator(")");
        return new In(left, items, negated);
    }

    private ParsedExpression primary(Token t) {
        int start = pos - 1;
        switch (t.kind()) {
            case INTEGER:
                return integerLiteral(t);
            case FLOAT:
                return new Literal(new RealValue(Double.parseDouble(t.text().replace("_", ""))), t.text());
            case STRING:
                return new Literal(new TextValue(t.value()), t.text());
            case BLOB: {
                String hex = t.text().substring(2, t.text().length() - 1);
                return new Literal(new BlobValue(HexFormat.of().parseHex(hex)), t.text());
            }
            case VARIABLE:
                return unsupported(start, "parameter " + t.text());
            case OPERATOR:
                if (t.isOperator("(")) {
                    return parenthesised(start);
                }
                throw new Failure("unexpected " + t.text());
            case ILLEGAL:
                throw new Failure("unrecognized token " + t.text());
            default:
                break;
        }
        String word = t.kind() == TokenKind.WORD ? t.upper() : "";
        switch (word) {
            case "NULL":
                return new Literal(NullValue.INSTANCE, t.text());
            case "CAST":
                return cast();
            case "CASE":
                return caseExpression();
            case "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP":
                return unsupported(start, word + " (not deterministic)");
            case "EXISTS", "RAISE":
                if (peekOperator("(")) {
                    skipParenthesised();
                    return unsupported(start, word);
                }
                throw new Failure("( expected after " + word);
            default:
                break;
        }
        if (peekOperator("(") && (t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENTIFIER)
                && !isStructuralKeyword(word)) {
            return functionCall(t, start);
        }
        if (!t.isIdentifierLike() && !(t.kind() == TokenKind.WORD && isIdentifierKeyword(word))) {
            throw new Failure("unexpected " + t.text());
        }
        String table = null;
        String name = t.value();
        boolean quoted = t.kind() == TokenKind.QUOTED_IDENTIFIER && t.text().startsWith("\"");
        int parts = 1;
        while (peekOperator(".")) {
            next();
            Token part = next();
            if (!part.isName() && !part.isReservedWord()) {
                throw new Failure("column name expected after .");
            }
            table = name;
            name = part.value();
            quoted = part.kind() == TokenKind.QUOTED_IDENTIFIER && part.text().startsWith("\"");
            if (++parts > 3) {
                throw new Failure("too many name parts");
            }
        }
        return new ColumnRef(table, name, quoted);
    }

    /** Keywords that may still name a column in an expression (TRUE and FALSE resolve to columns first). */
    private static boolean isIdentifierKeyword(String word) {
        return word.equals("TRUE") || word.equals("FALSE") || word.equals("ROWID");
    }

    private static boolean isStructuralKeyword(String word) {
        return switch (word) {
            case "AND", "OR", "NOT", "IS", "IN", "BETWEEN", "SELECT", "VALUES", "WITH", "WHEN", "THEN", "ELSE", "END",
                    "COLLATE", "ESCAPE", "ISNULL", "NOTNULL", "DISTINCT", "FROM", "WHERE", "AS" -> true;
            default -> false;
        };
    }

    private ParsedExpression integerLiteral(Token t) {
        String digits = t.text().replace("_", "");
        if (digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            BigInteger v = new BigInteger(digits.substring(2), 16);
            if (v.bitLength() > 64) {
                // SQLite's parser takes it; its code generator stops there (a schema of it loads)
                throw new Failure("hex literal too big: " + t.text(), false);
            }
            return new Literal(IntegerValue.of(v.longValue()), t.text());
        }
        BigInteger v = new BigInteger(digits);
        if (v.bitLength() < 64) {
            return new Literal(IntegerValue.of(v.longValue()), t.text());
        }
        return new Literal(new RealValue(Double.parseDouble(digits)), t.text());
    }

    private ParsedExpression parenthesised(int start) {
        if (isSubqueryStart(peek())) {
            pos = start;
            skipParenthesised();
            return unsupported(start, "subquery");
        }
        ParsedExpression inner = expr(OR);
        if (peekOperator(",")) {
            pos = start;
            skipParenthesised();
            return unsupported(start, "row value");
        }
        expectOperator(")");
        return inner;
    }

    private ParsedExpression cast() {
        expectOperator("(");
        ParsedExpression operand = expr(OR);
        expectKeyword("AS");
        List<String> words = new ArrayList<>();
        while (pos < tokens.size() && peek().isName() && !peekOperator("(")) {
            words.add(next().value());
        }
        if (peekOperator("(")) {
            next();
            signedNumber();
            if (peekOperator(",")) {
                next();
                signedNumber();
            }
            expectOperator(")");
        }
        expectOperator(")");
        return new Cast(operand, String.join(" ", words));
    }

    private void signedNumber() {
        if (peekOperator("+") || peekOperator("-")) {
            next();
        }
        Token n = next();
        if (n.kind() != TokenKind.INTEGER && n.kind() != TokenKind.FLOAT) {
            throw new Failure("number expected in type");
        }
    }

    private ParsedExpression caseExpression() {
        ParsedExpression base = peekKeyword("WHEN") ? null : expr(OR);
        List<Case.When> whens = new ArrayList<>();
        while (peekKeyword("WHEN")) {
            next();
            ParsedExpression condition = expr(OR);
            expectKeyword("THEN");
            whens.add(new Case.When(condition, expr(OR)));
        }
        if (whens.isEmpty()) {
            throw new Failure("WHEN expected");
        }
        ParsedExpression otherwise = null;
        if (peekKeyword("ELSE")) {
            next();
            otherwise = expr(OR);
        }
        expectKeyword("END");
        return new Case(base, whens, otherwise);
    }

    private ParsedExpression functionCall(Token name, int start) {
        next();
        List<ParsedExpression> args = new ArrayList<>();
        String unsupported = null;
        if (peekKeyword("DISTINCT") || peekKeyword("ALL")) {
            unsupported = "aggregate " + next().upper();
        }
        if (peekOperator("*")) {
            next();
            unsupported = "aggregate " + name.text() + "(*)";
        } else if (!peekOperator(")")) {
            args.add(expr(OR));
            while (peekOperator(",")) {
                next();
                args.add(expr(OR));
            }
            if (peekKeyword("ORDER")) {
                throw new Failure("ORDER BY in function arguments", false);
            }
        }
        expectOperator(")");
        if (peekKeyword("FILTER")) {
            next();
            skipParenthesised();
            unsupported = "FILTER clause";
        }
        if (peekKeyword("OVER")) {
            next();
            if (peekOperator("(")) {
                skipParenthesised();
            } else {
                next();
            }
            unsupported = "window function";
        }
        if (unsupported != null) {
            return unsupported(start, unsupported);
        }
        return new FunctionCall(name.value(), args);
    }

    private static boolean isSubqueryStart(Token t) {
        return t != null && (t.isKeyword("SELECT") || t.isKeyword("VALUES") || t.isKeyword("WITH"));
    }

    /** Skips a balanced parenthesised group starting at the cursor. */
    private void skipParenthesised() {
        expectOperator("(");
        int open = 1;
        while (open > 0) {
            Token t = next();
            if (t.isOperator("(")) {
                open++;
            } else if (t.isOperator(")")) {
                open--;
            }
        }
    }

    private Unsupported unsupported(int startToken, String reason) {
        int from = tokens.get(startToken).start();
        int to = tokens.get(Math.max(startToken, pos - 1)).end();
        return new Unsupported(sql.substring(from, to), reason);
    }

    /** The whole of {@code left} op ... up to the cursor, as unsupported text. */
    private Unsupported unsupportedFrom(ParsedExpression left, int opToken, String reason) {
        int to = tokens.get(pos - 1).end();
        int from = Math.min(tokens.get(opToken).start(), to);
        return new Unsupported(sql.substring(from, to), reason);
    }

    private static int level(Binary.Operator b) {
        return switch (b) {
            case OR -> OR;
            case AND -> AND;
            case EQ, NE, IS, IS_NOT -> EQUALITY;
            case LT, LE, GT, GE -> RELATIONAL;
            case BIT_AND, BIT_OR, SHIFT_LEFT, SHIFT_RIGHT -> BITS;
            case ADD, SUBTRACT -> ADDITIVE;
            case MULTIPLY, DIVIDE, REMAINDER -> MULTIPLICATIVE;
            case CONCAT -> CONCAT;
        };
    }

    private Token peek() {
        if (pos >= tokens.size()) {
            throw new Failure("unexpected end of expression");
        }
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    private boolean peekKeyword(String k) {
        return pos < tokens.size() && tokens.get(pos).isKeyword(k);
    }

    private boolean peekOperator(String op) {
        return pos < tokens.size() && tokens.get(pos).isOperator(op);
    }

    private Token next() {
        if (pos >= tokens.size()) {
            throw new Failure("unexpected end of expression");
        }
        return tokens.get(pos++);
    }

    private void expectKeyword(String k) {
        if (!next().isKeyword(k)) {
            throw new Failure(k + " expected");
        }
    }

    private void expectOperator(String op) {
        if (!next().isOperator(op)) {
            throw new Failure(op + " expected");
        }
    }

    /** A syntax error; caught in {@link #parse()} and turned into an Unsupported node. */
    private static final class Failure extends RuntimeException {
        /** Whether SQLite meets it too (see {@link #syntaxError}). */
        final boolean definite;

        Failure(String message) {
            this(message, true);
        }

        Failure(String message, boolean definite) {
            super(message, null, false, false);
            this.definite = definite;
        }
    }
}
