package dev.loupe.format.expr;

import java.util.List;

/** A call of a scalar function by name (as written) with its arguments in order. */
public record FunctionCall(String name, List<ParsedExpression> arguments) implements ParsedExpression {

    public FunctionCall {
        arguments = List.copyOf(arguments);
    }
}
