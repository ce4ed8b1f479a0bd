package dev.loupe.format.expr;

import dev.loupe.format.record.Collation;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.record.ValueOrder;
import dev.loupe.format.schema.Affinity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link ParsedExpression} against one row with SQLite's semantics (lang_expr.html, datatype3.html):
 * NULL propagation, three-valued logic, comparison affinity and collation, integer arithmetic that overflows into
 * real, the built-in scalar functions of {@link Functions}. What cannot be computed exactly is reported as
 * {@link Evaluation.NotEvaluable}, never guessed.
 */
public final class Evaluator {

    /** How many uncertain calls one evaluation may try each answer of (each doubles the work at least). */
    private static final int MAX_UNCERTAIN = 3;

    private final RowContext row;
    /** Calls whose value is fixed to one of the answers SQLite versions give; usually empty. */
    private final Map<ParsedExpression, Value> fixed;

    private Evaluator(RowContext row, Map<ParsedExpression, Value> fixed) {
        this.row = row;
        this.fixed = fixed;
    }

    public static Evaluation evaluate(ParsedExpression expression, RowContext row) {
        try {
            return new Evaluation.Evaluated(valueWith(expression, row, Map.of()));
        } catch (NotEvaluableException e) {
            return new Evaluation.NotEvaluable(e.getMessage(), e.results());
        }
    }

    /**
     * The expression's value with {@code fixed} calls fixed. Where a call's value depends on the SQLite version and
     * every version's answer is known (json_valid(NULL) is 0 or NULL), the expression is evaluated with each answer
     * in turn; if the results agree (as in a WHERE clause, to which 0 and NULL are alike not true), that is the
     * value, whichever version computed it. If they do not, the evaluation fails with the results it met
     * ({@link NotEvaluableException#results}): the value is one of them, depending on the version.
     */
    private static Value valueWith(ParsedExpression expression, RowContext row, Map<ParsedExpression, Value> fixed) {
        try {
            return new Evaluator(row, fixed).eval(expression);
        } catch (NotEvaluableException e) {
            if (e.candidates() == null || e.origin() == null || fixed.size() >= MAX_UNCERTAIN
                    || fixed.containsKey(e.origin())) {
                throw e;
            }
            List<Value> results = new ArrayList<>();
            for (Value candidate : e.candidates()) {
                // by value: the same call written twice gets the same answer from one SQLite
                Map<ParsedExpression, Value> more = new HashMap<>(fixed);
                more.put(e.origin(), candidate);
                try {
                    addDistinct(results, valueWith(expression, row, more));
                } catch (NotEvaluableException inner) {
                    if (inner.results() == null) {
                        throw inner;
                    }
                    for (Value v : inner.results()) {
                        addDistinct(results, v);
                    }
                }
            }
            if (results.size() == 1) {
                return results.get(0);
            }
            throw e.withResults(results);
        }
    }

    private static void addDistinct(List<Value> values, Value v) {
        if (!values.contains(v)) {
            values.add(v);
        }
    }

    Value eval(ParsedExpression e) {
        try {
            return node(e);
        } catch (NotEvaluableException x) {
            throw x.leaving(e);
        }
    }

    private Value node(ParsedExpression e) {
        if (!fixed.isEmpty() && fixed.containsKey(e)) {
            return fixed.get(e);
        }
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof ColumnRef c) {
            return column(c);
        }
        if (e instanceof Unary u) {
            return unary(u);
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Between b) {
            Value x = eval(b.operand());
            Boolean ge = compare(b.operand(), x, b.low(), eval(b.low()), Binary.Operator.GE);
            Boolean le = compare(b.operand(), x, b.high(), eval(b.high()), Binary.Operator.LE);
            Boolean in = and(ge, le);
            return Coerce.bool(b.negated() ? not(in) : in);
        }
        if (e instanceof In in) {
            Boolean r = in(in);
            return Coerce.bool(in.negated() ? not(r) : r);
        }
        if (e instanceof IsNull n) {
            return IntegerValue.of(Coerce.isNull(eval(n.operand())) != n.negated() ? 1 : 0);
        }
        if (e instanceof Like l) {
            return like(l);
        }
        if (e instanceof Case c) {
            return caseValue(c);
        }
        if (e instanceof Cast c) {
            return Casts.cast(eval(c.operand()), Affinity.of(c.typeName()));
        }
        if (e instanceof Collate c) {
            collation(c.collation());
            return eval(c.operand());
        }
        if (e instanceof FunctionCall f) {
            return Functions.call(f, this);
        }
        Unsupported u = (Unsupported) e;
        throw new NotEvaluableException(u.reason() + ": " + u.text());
    }

    private Value column(ColumnRef c) {
        RowContext.ColumnBinding b = row.column(c.name());
        if (b != null) {
            return b.value();
        }
        if (isRowid(c) && row.rowid() != null) {
            return IntegerValue.of(row.rowid());
        }
        if (c.table() == null && !c.quoted()) {
            String n = RowContext.fold(c.name());
            if (n.equals("true") || n.equals("false")) {
                return IntegerValue.of(n.equals("true") ? 1 : 0);
            }
        }
        throw new NotEvaluableException("no such column: " + c.name());
    }

    /** TRUE or FALSE that names no column of the row. */
    private boolean isTrueFalse(ParsedExpression e) {
        if (!(e instanceof ColumnRef c) || c.table() != null || c.quoted() || row.column(c.name()) != null) {
            return false;
        }
        String n = RowContext.fold(c.name());
        return n.equals("true") || n.equals("false");
    }

    private static boolean isRowid(ColumnRef c) {
        String n = RowContext.fold(c.name());
        return n.equals("rowid") || n.equals("oid") || n.equals("_rowid_");
    }

    private Value unary(Unary u) {
        switch (u.operator()) {
            case NEGATE:
                if (u.operand() instanceof Literal l && l.value() instanceof RealValue
                        && l.text().replace("_", "").replaceFirst("^0+(?=\\d)", "").equals("9223372036854775808")) {
                    return IntegerValue.of(Long.MIN_VALUE);
                }
                if (u.operand() instanceof Literal l && l.value() instanceof RealValue r) {
                    return new RealValue(-r.value());
                }
                // SQLite computes -x as 0 - x (so -'abc' is 0 and -NULL is NULL).
                return Arithmetic.apply(Binary.Operator.SUBTRACT, IntegerValue.of(0), eval(u.operand()));
            case PLUS:
                return eval(u.operand());
            case BIT_NOT: {
                Value v = eval(u.operand());
                return Coerce.isNull(v) ? NullValue.INSTANCE : IntegerValue.of(~Coerce.int64(v));
            }
            default:
                return Coerce.bool(not(Coerce.truth(eval(u.operand()))));
        }
    }

    private Value binary(Binary b) {
        switch (b.operator()) {
            case AND: {
                Boolean l = Coerce.truth(eval(b.left()));
                if (Boolean.FALSE.equals(l)) {
                    return IntegerValue.of(0);
                }
                return Coerce.bool(and(l, Coerce.truth(eval(b.right()))));
            }
            case OR: {
                Boolean l = Coerce.truth(eval(b.left()));
                if (Boolean.TRUE.equals(l)) {
                    return IntegerValue.of(1);
                }
                return Coerce.bool(or(l, Coerce.truth(eval(b.right()))));
            }
            case CONCAT: {
                Value l = eval(b.left());
                Value r = eval(b.right());
                if (Coerce.isNull(l) || Coerce.isNull(r)) {
                    return NullValue.INSTANCE;
                }
                return new TextValue(Coerce.text(l) + Coerce.text(r));
            }
            default:
                break;
        }
        if ((b.operator() == Binary.Operator.IS || b.operator() == Binary.Operator.IS_NOT) && isTrueFalse(b.right())) {
            // x IS TRUE / x IS FALSE test truth, not equality (lang_expr "Boolean expressions").
            Boolean t = Coerce.truth(eval(b.left()));
            boolean wantTrue = RowContext.fold(((ColumnRef) b.right()).name()).equals("true");
            boolean is = t != null && t == wantTrue;
            return IntegerValue.of(is == (b.operator() == Binary.Operator.IS) ? 1 : 0);
        }
        if (b.operator().isComparison()) {
            return Coerce.bool(compare(b.left(), eval(b.left()), b.right(), eval(b.right()), b.operator()));
        }
        return Arithmetic.apply(b.operator(), eval(b.left()), eval(b.right()));
    }

    /**
     * A comparison of two operands as the VDBE does it: the comparison affinity applied first (datatype3 §4.2), the
     * collation of §7.1, NULL for NULL operands except with IS and IS NOT.
     */
    Boolean compare(ParsedExpression le, Value l, ParsedExpression re, Value r, Binary.Operator op) {
        Affinities.Kind aff = Affinities.comparison(Affinities.of(le, row), Affinities.of(re, row));
        Collation coll = Collations.forComparison(le, re, row);
        return compareValues(l, r, aff, coll, op);
    }

    Boolean compareValues(Value l, Value r, Affinities.Kind aff, Collation coll, Binary.Operator op) {
        boolean ln = Coerce.isNull(l);
        boolean rn = Coerce.isNull(r);
        if (op == Binary.Operator.IS || op == Binary.Operator.IS_NOT) {
            if (ln || rn) {
                return (ln && rn) == (op == Binary.Operator.IS);
            }
        } else if (ln || rn) {
            return null;
        }
        Value[] pair = Affinities.applyForComparison(aff, l, r);
        int c = ValueOrder.compare(pair[0], pair[1], coll, row.encoding());
        return switch (op) {
            case EQ, IS -> c == 0;
            case NE, IS_NOT -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /** {@code x IN (a, b)} is {@code x = +a OR x = +b} (datatype3 §4.2): the items have no affinity. */
    private Boolean in(In in) {
        List<ParsedExpression> items = in.items();
        if (items.isEmpty()) {
            return false;
        }
        Value x = eval(in.operand());
        if (Coerce.isNull(x)) {
            return null;
        }
        Affinities.Kind aff = Affinities.comparison(Affinities.of(in.operand(), row), null);
        Collation coll = Collations.of(in.operand(), row);
        boolean sawNull = false;
        for (ParsedExpression item : items) {
            Value v = eval(item);
            if (Coerce.isNull(v)) {
                sawNull = true;
                continue;
            }
            if (Boolean.TRUE.equals(compareValues(x, v, aff, coll == null ? Collation.BINARY : coll,
                    Binary.Operator.EQ))) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    private Value like(Like l) {
        Value x = eval(l.operand());
        Value p = eval(l.pattern());
        Value esc = l.escape() == null ? null : eval(l.escape());
        if (Coerce.isNull(x) || Coerce.isNull(p) || (esc != null && Coerce.isNull(esc))) {
            return NullValue.INSTANCE;
        }
        Integer escape = null;
        if (esc != null) {
            String s = Coerce.text(esc);
            if (s.codePointCount(0, s.length()) != 1) {
                throw new NotEvaluableException("ESCAPE expression must be a single character");
            }
            escape = s.codePointAt(0);
        }
        String pattern = Coerce.text(p);
        Pattern compiled = l.kind() == Like.Kind.LIKE ? Pattern.like(pattern, escape) : Pattern.glob(pattern);
        boolean m = compiled.matches(Coerce.text(x));
        return IntegerValue.of(m != l.negated() ? 1 : 0);
    }

    private Value caseValue(Case c) {
        Value base = c.base() == null ? null : eval(c.base());
        for (Case.When w : c.whens()) {
            boolean hit;
            if (c.base() == null) {
                hit = Boolean.TRUE.equals(Coerce.truth(eval(w.condition())));
            } else {
                hit = Boolean.TRUE.equals(compare(c.base(), base, w.condition(), eval(w.condition()),
                        Binary.Operator.EQ));
            }
            if (hit) {
                return eval(w.result());
            }
        }
        return c.otherwise() == null ? NullValue.INSTANCE : eval(c.otherwise());
    }

    RowContext row() {
        return row;
    }

    static Collation collation(String name) {
        Collation c = Collation.named(name);
        if (c == null) {
            throw new NotEvaluableException("no such collation sequence: " + name);
        }
        return c;
    }

    static Boolean not(Boolean b) {
        return b == null ? null : !b;
    }

    static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }
}
