package dev.loupe.format.expr;

/** {@code CAST(operand AS typeName)}; the type's affinity decides the conversion (datatype3 §3.1, lang_expr "CAST"). */
public record Cast(ParsedExpression operand, String typeName) implements ParsedExpression {
}
