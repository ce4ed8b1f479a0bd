package dev.loupe.format.expr;

import java.util.List;

/** {@code operand [NOT] IN (item, ...)} with a list of expressions (subqueries and table names are Unsupported). */
public record In(ParsedExpression operand, List<ParsedExpression> items, boolean negated) implements ParsedExpression {

    public In {
        items = List.copyOf(items);
    }
}
