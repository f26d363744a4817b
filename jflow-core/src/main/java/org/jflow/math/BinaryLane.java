package org.jflow.math;

/** The binary ops that have Vector API loops ({@link FloatLanes}, {@link DoubleLanes}; some {@link IntLanes}). */
enum BinaryLane { ADD, SUB, MUL, DIV, MAX, MIN, SQUARED_DIFFERENCE, DIV_NO_NAN, MUL_NO_NAN, XDIVY, FLOOR_DIV, POW, ATAN2,
    RELU_GRAD, RELU6_GRAD, ELU_GRAD, SELU_GRAD, SOFTPLUS_GRAD, LEAKY_RELU_GRAD, SIGMOID_GRAD, TANH_GRAD, RSQRT_GRAD, SQRT_GRAD, RECIPROCAL_GRAD
}
