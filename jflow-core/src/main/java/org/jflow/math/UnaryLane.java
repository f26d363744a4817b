package org.jflow.math;

/**
 * The unary ops and activations that have Vector API loops ({@link FloatLanes}, {@link DoubleLanes}, generated
 * by LanesTemplate); LEAKY_RELU and SWISH take the parameter {@code p} (alpha, beta).
 */
public enum UnaryLane {
    NEG, ABS, SQRT, SQUARE, EXP, LOG, TANH, SIGMOID, RSQRT, RECIPROCAL, EXPM1, LOG1P, SIN, COS, TAN, ASIN, ACOS, ATAN,
    SINH, COSH, ASINH, ACOSH, ATANH, ERF, ERFC, FLOOR, CEIL, RINT, SIGN, SOFTPLUS,
    RELU, RELU6, ELU, SELU, LEAKY_RELU, SOFTSIGN, GELU, GELU_TANH, SWISH;

    /** Whether {@link DoubleLanes} has a loop for this op (TF's float64 erf and erfc are the C library's, kept scalar). */
    public boolean hasFloat64Loop() { return this != ERF && this != ERFC && this != GELU; }
}
