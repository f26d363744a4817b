package org.jflow.math;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one template that {@code FloatLanes.java} and {@code DoubleLanes.java} are generated from
 * (as the JDK generates its {@code FloatVector}/{@code DoubleVector} from {@code X-Vector.java.template}):
 * each operator gets its own loop per precision, written out here once. {@link LanesTemplateTest}
 * fails when a generated file differs from this template's output and rewrites both files when run
 * with {@code -Dlanes.regenerate=true}.
 * <p>
 * In an expression {@code v} (unary) or {@code x}, {@code y} (binary) is the vector of operands,
 * {@code $V$} the vector class and {@code $t$} the primitive type.
 */
final class LanesTemplate {
    private LanesTemplate() {}

    /** One precision: primitive, its vector class, its box, its file's class name and its javadoc. */
    record Precision(String type, String vector, String box, String className, String doc) {}

    static final Precision FLOAT = new Precision("float", "FloatVector", "Float", "FloatLanes",
            "Vector API loops for the float32 element-wise ops.");
    static final Precision DOUBLE = new Precision("double", "DoubleVector", "Double", "DoubleLanes",
            "Vector API loops for the float64 element-wise ops (the float32 loops' twin).");

    /** {@link UnaryLane}: the result for the vector {@code v}. */
    static final Map<String, String> UNARY = new LinkedHashMap<>();
    /** {@link BinaryLane}: the result for the vectors {@code x} and {@code y} ({@code p}: LeakyReluGrad's alpha). */
    static final Map<String, String> BINARY = new LinkedHashMap<>();
    /** IsNan, IsInf, IsFinite: the Vector API test and the scalar tail's expression of {@code v}. */
    static final Map<String, String[]> TESTS = new LinkedHashMap<>();
    /** {@link CompareLane}: the Vector API comparison and the Java operator of the scalar tail. */
    static final Map<String, String[]> COMPARE = new LinkedHashMap<>();

    static {
        UNARY.put("NEG", "v.neg()");
        UNARY.put("ABS", "v.abs()");
        UNARY.put("SQRT", "v.sqrt()");
        UNARY.put("SQUARE", "v.mul(v)");
        UNARY.put("EXP", "VectorExp.exp(v)");
        UNARY.put("LOG", "v.lanewise(VectorOperators.LOG)");
        UNARY.put("TANH", "VectorMath.tanh(v)");
        UNARY.put("SIGMOID", "VectorMath.sigmoid(v)");
        UNARY.put("RSQRT", "VectorMath.rsqrt(v)");
        UNARY.put("RECIPROCAL", "v.broadcast(1).div(v)");
        UNARY.put("EXPM1", "v.lanewise(VectorOperators.EXPM1)");
        UNARY.put("LOG1P", "v.lanewise(VectorOperators.LOG1P)");
        UNARY.put("SIN", "v.lanewise(VectorOperators.SIN)");
        UNARY.put("COS", "v.lanewise(VectorOperators.COS)");
        UNARY.put("TAN", "v.lanewise(VectorOperators.TAN)");
        UNARY.put("ASIN", "v.lanewise(VectorOperators.ASIN)");
        UNARY.put("ACOS", "v.lanewise(VectorOperators.ACOS)");
        UNARY.put("ATAN", "v.lanewise(VectorOperators.ATAN)");
        UNARY.put("SINH", "v.lanewise(VectorOperators.SINH)");
        UNARY.put("COSH", "v.lanewise(VectorOperators.COSH)");
        UNARY.put("ASINH", "VectorMath.asinh(v)");
        UNARY.put("ACOSH", "VectorMath.acosh(v)");
        UNARY.put("ATANH", "VectorMath.atanh(v)");
        UNARY.put("ERF", "VectorMath.erf(v)");
        UNARY.put("ERFC", "VectorMath.erfc(v)");
        UNARY.put("FLOOR", "VectorMath.floor(v)");
        UNARY.put("CEIL", "VectorMath.ceil(v)");
        UNARY.put("RINT", "VectorMath.rint(v)");
        UNARY.put("SIGN", "VectorMath.sign(v)");
        UNARY.put("SOFTPLUS", "VectorMath.softplus(v)");
        UNARY.put("RELU", "v.max(0)");
        UNARY.put("RELU6", "v.max(0).min(6)");
        UNARY.put("ELU", "VectorMath.elu(v)");
        UNARY.put("SELU", "VectorMath.selu(v)");
        UNARY.put("LEAKY_RELU", "v.mul(p).blend(v, v.compare(VectorOperators.GT, 0))");
        UNARY.put("SOFTSIGN", "v.div(v.abs().add(1))");
        UNARY.put("GELU", "VectorMath.gelu(v)");
        UNARY.put("GELU_TANH", "VectorMath.geluTanh(v)");
        // TF's nn.silu: x * sigmoid(beta x), with the sigmoid kernel's formula
        UNARY.put("SWISH", "v.mul(VectorMath.sigmoid(v.mul(p)))");

        BINARY.put("ADD", "x.add(y)");
        BINARY.put("SUB", "x.sub(y)");
        BINARY.put("MUL", "x.mul(y)");
        BINARY.put("DIV", "x.div(y)");
        BINARY.put("MAX", "x.max(y)");
        BINARY.put("MIN", "x.min(y)");
        BINARY.put("SQUARED_DIFFERENCE", "x.sub(y).mul(x.sub(y))");
        BINARY.put("DIV_NO_NAN", "x.div(y).blend(0, y.compare(VectorOperators.EQ, 0))");
        BINARY.put("MUL_NO_NAN", "x.mul(y).blend(0, y.compare(VectorOperators.EQ, 0))");
        BINARY.put("XDIVY", "x.div(y).blend(0, x.compare(VectorOperators.EQ, 0))");
        BINARY.put("FLOOR_DIV", "VectorMath.floor(x.div(y))");
        BINARY.put("POW", "VectorMath.pow(x, y)");
        BINARY.put("ATAN2", "x.lanewise(VectorOperators.ATAN2, y)");
        // TF's gradient kernels (relu_op_functor.h, cwise_ops_gradients.h), first input x, second y, in their order:
        // ReluGrad(gradients, features) multiplies by the cast comparison, so a NaN gradient stays NaN
        BINARY.put("RELU_GRAD", "x.mul(y.broadcast(0).blend(1, y.compare(VectorOperators.GT, 0)))");
        BINARY.put("RELU6_GRAD", "x.mul(y.broadcast(0).blend(1, y.compare(VectorOperators.GT, 0)"
                + ".and(y.compare(VectorOperators.LT, 6))))");
        BINARY.put("ELU_GRAD", "x.blend(y.add(1).mul(x), y.compare(VectorOperators.LT, 0))");
        BINARY.put("SELU_GRAD", "VectorMath.seluGrad(x, y)");
        // SoftplusGrad: gradients / (exp(-features) + 1); LeakyReluGrad: features > 0 ? gradients : gradients * alpha
        BINARY.put("SOFTPLUS_GRAD", "x.div(VectorExp.exp(y.neg()).add(1))");
        BINARY.put("LEAKY_RELU_GRAD", "x.mul(p).blend(x, y.compare(VectorOperators.GT, 0))");
        // SigmoidGrad(y, dy) and the others take the forward output first; the last three give 0 where dy is 0
        BINARY.put("SIGMOID_GRAD", "y.mul(x.mul(x.neg().add(1)))");
        BINARY.put("TANH_GRAD", "y.mul(x.mul(x).neg().add(1))");
        BINARY.put("RSQRT_GRAD", "y.mul(x).mul(($t$) -0.5).mul(x.mul(x)).blend(0, y.compare(VectorOperators.EQ, 0))");
        BINARY.put("SQRT_GRAD", "y.mul(($t$) 0.5).div(x).blend(0, y.compare(VectorOperators.EQ, 0))");
        BINARY.put("RECIPROCAL_GRAD", "x.mul(x).neg().mul(y).blend(0, y.compare(VectorOperators.EQ, 0))");

        TESTS.put("isNan", new String[] {"IS_NAN", "v != v"});
        TESTS.put("isInf", new String[] {"IS_INFINITE", "$B$.isInfinite(v)"});
        TESTS.put("isFinite", new String[] {"IS_FINITE", "$B$.isFinite(v)"});

        COMPARE.put("EQ", new String[] {"EQ", "=="});
        COMPARE.put("NE", new String[] {"NE", "!="});
        COMPARE.put("LT", new String[] {"LT", "<"});
        COMPARE.put("LE", new String[] {"LE", "<="});
        COMPARE.put("GT", new String[] {"GT", ">"});
        COMPARE.put("GE", new String[] {"GE", ">="});
    }

    private static final String HEADER = """
            package org.jflow.math;

            // GENERATED by LanesTemplate (src/test/java/org/jflow/math): edit the template, then run
            // LanesTemplateTest with -Dlanes.regenerate=true. Do not edit this file by hand.

            import org.jflow.engine.Buffers;
            import org.jflow.engine.VectorExp;
            import org.jflow.engine.VectorMath;
            import jdk.incubator.vector.$V$;
            import jdk.incubator.vector.IntVector;
            import jdk.incubator.vector.VectorOperators;
            import jdk.incubator.vector.VectorShape;
            import jdk.incubator.vector.VectorSpecies;

            import java.util.Arrays;

            /**
             * $doc$
             * Each operator has its own small loop: with one shared loop taking the operator as an
             * argument, the JIT stopped inlining the lane code once several operators had run, and every
             * vector became a heap object. Each loop calls its formula once on whole vectors; the last partial
             * vector runs through the same loop on a zero-padded copy (a second copy of the formula compiled
             * as a cold call with boxed vectors, and masked loops slowed 14-fold once small tensors had run),
             * so every element takes the same formula, whatever the chunking.
             */
            public final class $C$ {
                private static final VectorSpecies<$B$> S = $V$.SPECIES_PREFERRED;
                private static final int L = S.length();
                /**
                 * Per thread: the padded operands and result a last partial vector runs through. Allocating
                 * them per call cost a graph of scalar ops 240 bytes a node, twice its executor's own cost.
                 */
                private static final ThreadLocal<$t$[][]> TAILS = ThreadLocal.withInitial(() -> new $t$[3][L]);

                private $C$() {}
            """;

    private static final String UNARY_DISPATCH_HEAD = """

                /** {@code o[oo+k] = op(x[xo+k])} for {@code k < n}. */
                static void unary(UnaryLane op, $t$[] x, int xo, $t$[] o, int oo, int n) { unary(op, x, xo, o, oo, n, 0); }

                /** {@code o[oo+k] = op(x[xo+k])} for {@code k < n}; {@code p}: LeakyRelu's alpha, swish's beta. */
                public static void unary(UnaryLane op, $t$[] x, int xo, $t$[] o, int oo, int n, $t$ p) {
                    int full = n - n % L;
                    if (full > 0) unaryVectors(op, x, xo, o, oo, full, p);
                    if (full == n) return;
                    // The last partial vector: through a zero-padded copy, so that every loop runs whole,
                    // unmasked vectors only and calls its formula once (a masked tail, or a second copy of
                    // the formula, made the JIT compile the loops badly once small tensors had run first).
                    $t$[][] tail = TAILS.get();
                    int rest = n - full;
                    unaryVectors(op, padded(tail[0], x, xo + full, rest), 0, tail[2], 0, L, p);
                    System.arraycopy(tail[2], 0, o, oo + full, rest);
                }

                /** {@code x[from, from + n)} copied into {@code tail}, zero-padded to a whole vector. */
                private static $t$[] padded($t$[] tail, $t$[] x, int from, int n) {
                    System.arraycopy(x, from, tail, 0, n);
                    Arrays.fill(tail, n, L, 0);
                    return tail;
                }

                /** {@link #unary} over whole vectors: {@code n} is a multiple of the vector length. */
                private static void unaryVectors(UnaryLane op, $t$[] x, int xo, $t$[] o, int oo, int n, $t$ p) {
                    switch (op) {
            """;

    private static final String UNARY_LOOP = """

                private static void $name$($t$[] x, int xo, $t$[] o, int oo, int n, $t$ p) {
                    for (int i = 0; i < n; i += L) {
                        $V$ v = $V$.fromArray(S, x, xo + i);
                        $expr$.intoArray(o, oo + i);
                    }
                }
            """;

    private static final String BINARY_DISPATCH_HEAD = """

                /**
                 * {@code o[oo+k] = a[ao+k*as] op b[bo+k*bs]} for {@code k < n}; steps are 0 (the operand repeats
                 * one element) or 1.
                 */
                static void binary(BinaryLane op, $t$[] a, int ao, int as, $t$[] b, int bo, int bs,
                                   $t$[] o, int oo, int n) {
                    binary(op, a, ao, as, b, bo, bs, o, oo, n, 0);
                }

                /** {@link #binary} with the op's parameter {@code p} (LeakyReluGrad's alpha). */
                static void binary(BinaryLane op, $t$[] a, int ao, int as, $t$[] b, int bo, int bs,
                                   $t$[] o, int oo, int n, $t$ p) {
                    int full = n - n % L;
                    if (full > 0) binaryVectors(op, a, ao, as, b, bo, bs, o, oo, full, p);
                    if (full == n) return;
                    // the last partial vector through zero-padded copies of the stepping operands, as in unary
                    $t$[][] tail = TAILS.get();
                    int rest = n - full;
                    binaryVectors(op, as == 1 ? padded(tail[0], a, ao + full, rest) : a, as == 1 ? 0 : ao, as,
                            bs == 1 ? padded(tail[1], b, bo + full, rest) : b, bs == 1 ? 0 : bo, bs, tail[2], 0, L, p);
                    System.arraycopy(tail[2], 0, o, oo + full, rest);
                }

                /** {@link #binary} over whole vectors: {@code n} is a multiple of the vector length. */
                private static void binaryVectors(BinaryLane op, $t$[] a, int ao, int as, $t$[] b, int bo, int bs,
                                                  $t$[] o, int oo, int n, $t$ p) {
                    switch (op) {
            """;

    private static final String BINARY_LOOP = """

                private static void $name$($t$[] a, int ao, int as, $t$[] b, int bo, int bs,
                                           $t$[] o, int oo, int n, $t$ p) {
                    if (as == 1 && bs == 1) {
                        for (int i = 0; i < n; i += L) {
                            $V$ x = $V$.fromArray(S, a, ao + i), y = $V$.fromArray(S, b, bo + i);
                            $expr$.intoArray(o, oo + i);
                        }
                    } else if (bs == 1) {
                        $V$ x = $V$.broadcast(S, a[ao]);
                        for (int i = 0; i < n; i += L) {
                            $V$ y = $V$.fromArray(S, b, bo + i);
                            $expr$.intoArray(o, oo + i);
                        }
                    } else if (as == 1) {
                        $V$ y = $V$.broadcast(S, b[bo]);
                        for (int i = 0; i < n; i += L) {
                            $V$ x = $V$.fromArray(S, a, ao + i);
                            $expr$.intoArray(o, oo + i);
                        }
                    } else { // both repeat: a single element
                        $V$ x = $V$.broadcast(S, a[ao]), y = $V$.broadcast(S, b[bo]);
                        for (int i = 0; i < n; i += L) $expr$.intoArray(o, oo + i);
                    }
                }
            """;

    private static final String COMPARE_DISPATCH_HEAD = """

                /** {@code o[oo+k] = a[ao+k*as] op b[bo+k*bs]} for a comparison, with the layouts of {@link #binary}. */
                static void compare(CompareLane op, $t$[] a, int ao, int as, $t$[] b, int bo, int bs,
                                    boolean[] o, int oo, int n) {
                    switch (op) {
            """;

    private static final String COMPARE_LOOP = """

                private static void $name$($t$[] a, int ao, int as, $t$[] b, int bo, int bs,
                                           boolean[] o, int oo, int n) {
                    int i = 0;
                    if (as == 1 && bs == 1) {
                        for (; i <= n - L; i += L) {
                            $V$ x = $V$.fromArray(S, a, ao + i), y = $V$.fromArray(S, b, bo + i);
                            x.compare(VectorOperators.$cmp$, y).intoArray(o, oo + i);
                        }
                    } else if (as == 0 && bs == 1) {
                        $V$ x = $V$.broadcast(S, a[ao]);
                        for (; i <= n - L; i += L) {
                            $V$ y = $V$.fromArray(S, b, bo + i);
                            x.compare(VectorOperators.$cmp$, y).intoArray(o, oo + i);
                        }
                    } else if (as == 1 && bs == 0) {
                        $V$ y = $V$.broadcast(S, b[bo]);
                        for (; i <= n - L; i += L) {
                            $V$ x = $V$.fromArray(S, a, ao + i);
                            x.compare(VectorOperators.$cmp$, y).intoArray(o, oo + i);
                        }
                    }
                    for (; i < n; i++) o[oo + i] = a[ao + i * as] $op$ b[bo + i * bs];
                }
            """;

    private static final String TEST_LOOP = """

                /** {@code o[k] = $name$(x[k])} for {@code from <= k < to}. */
                static void $name$($t$[] x, boolean[] o, int from, int to) {
                    int i = from;
                    for (; i <= to - L; i += L) $V$.fromArray(S, x, i).test(VectorOperators.$test$).intoArray(o, i);
                    for (; i < to; i++) {
                        $t$ v = x[i];
                        o[i] = $scalar$;
                    }
                }
            """;

    private static final String TO_INT32 = """

                /** The lanes of int32 results, as many as {@link #S} has. */
                private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(L * 32));

                /**
                 * TF's Cast to int32, {@code o[k] = (int) x[k]} for {@code from <= k < to}, as x86's cvttss2si: truncation,
                 * and the integer indefinite (INT_MIN) for NaN and out-of-range values, where Java would give 0 or saturate.
                 */
                static void toInt32($t$[] x, int[] o, int from, int to) {
                    int i = from;
                    for (; i <= to - L; i += L) {
                        $V$ v = $V$.fromArray(S, x, i);
                        var inRange = v.compare(VectorOperators.GE, ($t$) -2147483648.0).and(v.compare(VectorOperators.LT, ($t$) 2147483648.0));
                        ((IntVector) v.convertShape(VectorOperators.$X$2I, I, 0)).blend(Integer.MIN_VALUE, inRange.not().cast(I))
                                .intoArray(o, i);
                    }
                    for (; i < to; i++) o[i] = Buffers.floatToInt(x[i]);
                }
            """;

    /**
     * Sums and products of a run as TF's CPU reductions take them: Eigen's {@code InnerMostDimReducer} with
     * tree reduction. A run longer than a leaf ({@code 1024} packets) is split at the packet boundary nearest
     * its middle and the halves reduced recursively, so each element takes part in O(log n) operations
     * (float32 sum of 1e7 x 0.1 is 1000001.4, not 1000675.2 as a running sum gives); a leaf is reduced by four
     * packet accumulators, then single packets, then a scalar tail, and the packet's lanes are folded in
     * {@code predux}'s halving order. The packet is AVX's (8 floats, 4 doubles), the width TF's x86 wheels are
     * built for, so results agree with TF's to the last bit where the blocks agree, whatever this machine's
     * vector width. {@code $op$}: the Vector API operation, {@code $jop$} the Java operator, {@code $id$} its identity.
     */
    private static final String TREE = """

                /**
                 * The $name$ of {@code x[first, first + n)} in Eigen's tree order (see LanesTemplate's TREE). {@code first}
                 * is the position in the whole buffer, as Eigen's split points are aligned to packets of the whole buffer.
                 */
                static $t$ tree$Name$($t$[] x, int first, int n) {
                    int p = P.length();
                    if (n <= p * LEAF_PACKETS) return $name$Leaf(x, first, n);
                    int split = p * Math.ceilDiv(first + Math.ceilDiv(n, 2), p);
                    int left = Math.min(split - first, n);
                    $t$ acc = ($t$) $id$ $jop$ tree$Name$(x, first, left);
                    return left < n ? acc $jop$ tree$Name$(x, split, n - left) : acc;
                }

                private static $t$ $name$Leaf($t$[] x, int off, int n) {
                    int p = P.length(), i = 0;
                    $V$ a0 = $V$.broadcast(P, $id$);
                    if (n >= 4 * p) {
                        $V$ a1 = a0, a2 = a0, a3 = a0;
                        for (; i <= n - 4 * p; i += 4 * p) {
                            a0 = a0.$op$($V$.fromArray(P, x, off + i));
                            a1 = a1.$op$($V$.fromArray(P, x, off + i + p));
                            a2 = a2.$op$($V$.fromArray(P, x, off + i + 2 * p));
                            a3 = a3.$op$($V$.fromArray(P, x, off + i + 3 * p));
                        }
                        a0 = a0.$op$(a1).$op$(a2).$op$(a3);
                    }
                    for (; i <= n - p; i += p) a0 = a0.$op$($V$.fromArray(P, x, off + i));
                    $t$ tail = $id$;
                    for (; i < n; i++) tail $jop$= x[off + i];
                    $t$[] l = a0.toArray();
                    for (int w = l.length / 2; w > 0; w /= 2) for (int k = 0; k < w; k++) l[k] $jop$= l[k + w];
                    return tail $jop$ l[0];
                }
            """;

    private static final String TREE_HEAD = """

                /** TF's AVX packet (8 floats, 4 doubles), which the tree reductions follow whatever this machine's width. */
                private static final VectorSpecies<$B$> P = $V$.SPECIES_256;
                /** Eigen's {@code LeafSize<T>()} for float and double, in packets. */
                private static final int LEAF_PACKETS = 1024;
            """;

    private static final String DISPATCH_TAIL = """
                    }
                }
            """;

    /** The generated source of {@code p}'s class. */
    static String generate(Precision p) {
        StringBuilder s = new StringBuilder(HEADER);
        s.append(UNARY_DISPATCH_HEAD);
        UNARY.keySet().stream().filter(op -> has(p, op)).forEach(op -> s.append(dispatch(op, method(op), "x, xo, o, oo, n, p")));
        if (p == DOUBLE) s.append("            default -> throw new IllegalArgumentException(\"no float64 vector loop for \" + op);\n");
        s.append(DISPATCH_TAIL);
        s.append(BINARY_DISPATCH_HEAD);
        BINARY.keySet().forEach(op -> s.append(dispatch(op, method(op), "a, ao, as, b, bo, bs, o, oo, n, p")));
        s.append(DISPATCH_TAIL);
        s.append(COMPARE_DISPATCH_HEAD);
        COMPARE.keySet().forEach(op -> s.append(dispatch(op, "compare" + camel(op), "a, ao, as, b, bo, bs, o, oo, n")));
        s.append(DISPATCH_TAIL);
        UNARY.entrySet().stream().filter(e -> has(p, e.getKey())).forEach(e -> s.append(UNARY_LOOP.replace("$name$", method(e.getKey()))
                .replace("$expr$", e.getValue())));
        BINARY.forEach((op, expr) -> s.append(BINARY_LOOP.replace("$name$", method(op)).replace("$expr$", expr)));
        COMPARE.forEach((op, c) -> s.append(COMPARE_LOOP.replace("$name$", "compare" + camel(op))
                .replace("$cmp$", c[0]).replace("$op$", c[1])));
        TESTS.forEach((name, t) -> s.append(TEST_LOOP.replace("$name$", name).replace("$test$", t[0]).replace("$scalar$", t[1])));
        s.append(TO_INT32);
        s.append(TREE_HEAD);
        s.append(TREE.replace("$name$", "sum").replace("$Name$", "Sum").replace("$op$", "add").replace("$jop$", "+").replace("$id$", "0"));
        s.append(TREE.replace("$name$", "product").replace("$Name$", "Product").replace("$op$", "mul").replace("$jop$", "*")
                .replace("$id$", "1"));
        s.append("}\n");
        return s.toString().replace("$X$", p.type().substring(0, 1).toUpperCase(java.util.Locale.ROOT)).replace("$t$", p.type()).replace("$V$", p.vector()).replace("$B$", p.box())
                .replace("$C$", p.className()).replace("$doc$", p.doc());
    }

    /** Whether precision {@code p} has a vector loop for unary op {@code op}. */
    static boolean has(Precision p, String op) { return p == FLOAT || UnaryLane.valueOf(op).hasFloat64Loop(); }

    private static String dispatch(String op, String method, String args) {
        return "            case " + op + " -> " + method + "(" + args + ");\n";
    }

    /** The loop's method name: the constant in camel case ({@code SQUARED_DIFFERENCE} is {@code squaredDifference}). */
    private static String method(String constant) {
        String c = camel(constant);
        return Character.toLowerCase(c.charAt(0)) + c.substring(1);
    }

    private static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        for (String part : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
