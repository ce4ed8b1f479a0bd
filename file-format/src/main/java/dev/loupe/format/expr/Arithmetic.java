package dev.loupe.format.expr;

import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.Value;

/**
 * The VDBE's arithmetic and bit operators (vdbe.c OP_Add..OP_Remainder, OP_BitAnd..OP_ShiftRight): operands read
 * as numbers (text by its numeric prefix); integer +, -, * that overflow are redone in floating point; integer
 * division truncates; division or remainder by zero is NULL; a NaN result is NULL.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static Value apply(Binary.Operator op, Value l, Value r) {
        if (Coerce.isNull(l) || Coerce.isNull(r)) {
            return NullValue.INSTANCE;
        }
        return switch (op) {
            case BIT_AND, BIT_OR, SHIFT_LEFT, SHIFT_RIGHT -> bits(op, Coerce.int64(l), Coerce.int64(r));
            default -> numeric(op, l, r);
        };
    }

    private static Value numeric(Binary.Operator op, Value l, Value r) {
        Value a = Coerce.arithmetic(l);
        Value b = Coerce.arithmetic(r);
        if (a instanceof IntegerValue x && b instanceof IntegerValue y) {
            long i = x.value();
            long j = y.value();
            try {
                switch (op) {
                    case ADD:
                        return IntegerValue.of(Math.addExact(i, j));
                    case SUBTRACT:
                        return IntegerValue.of(Math.subtractExact(i, j));
                    case MULTIPLY:
                        return IntegerValue.of(Math.multiplyExact(i, j));
                    case DIVIDE:
                        if (j == 0) {
                            return NullValue.INSTANCE;
                        }
                        if (i == Long.MIN_VALUE && j == -1) {
                            break;
                        }
                        return IntegerValue.of(i / j);
                    default:
                        if (j == 0) {
                            return NullValue.INSTANCE;
                        }
                        return IntegerValue.of(j == -1 ? 0 : i % j);
                }
            } catch (ArithmeticException overflow) {
                // fall through to floating point, as SQLite does on integer overflow
            }
        }
        double x = real(a);
        double y = real(b);
        switch (op) {
            case ADD:
                return Coerce.real(x + y);
            case SUBTRACT:
                return Coerce.real(x - y);
            case MULTIPLY:
                return Coerce.real(x * y);
            case DIVIDE:
                return y == 0.0 ? NullValue.INSTANCE : Coerce.real(x / y);
            default: {
                // OP_Remainder reads both operands as integers (text by its integer prefix: '2.5e3' is 2).
                long i = Coerce.int64(l);
                long j = Coerce.int64(r);
                if (j == 0) {
                    return NullValue.INSTANCE;
                }
                return Coerce.real(j == -1 ? 0.0 : (double) (i % j));
            }
        }
    }

    private static double real(Value v) {
        return v instanceof IntegerValue i ? (double) i.value() : ((RealValue) v).value();
    }

    private static Value bits(Binary.Operator op, long a, long b) {
        switch (op) {
            case BIT_AND:
                return IntegerValue.of(a & b);
            case BIT_OR:
                return IntegerValue.of(a | b);
            default:
                boolean left = op == Binary.Operator.SHIFT_LEFT;
                if (b < 0) {
                    left = !left;
                    b = b > -64 ? -b : 64;
                }
                if (b >= 64) {
                    return IntegerValue.of(left || a >= 0 ? 0 : -1);
                }
                return IntegerValue.of(left ? a << b : a >> b);
        }
    }
}
