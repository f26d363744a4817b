package org.jflow.math;

import org.jflow.DType;
import org.jflow.device.Devices;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.OpError;
import org.jflow.errors.UnimplementedError;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An op's {@code T: {...}} attribute constraint as TF's op registry writes it. The text keeps TF's
 * order and the dtypes JFlow lacks (complex, uint16...), because it is quoted verbatim in TF's
 * "not in the list of allowed values" error. A dtype the list names but no TF CPU kernel takes passes
 * TF's attr check and then finds no device: that NotFoundError comes from the kernel table
 * ({@link org.jflow.device.KernelTable#requireCpuKernel}), see {@link #withoutCpuKernel}.
 */
public record TypeList(String text, Set<DType> allowed) {
    /** TF's {@code UNARY_REAL()} and the float-only binary ops. */
    public static final TypeList REAL = of("bfloat16, half, float, double");
    /** TF's {@code UNARY_COMPLEX()}: the float functions (exp, sqrt, sin...). */
    public static final TypeList COMPLEX = of("bfloat16, half, float, double, complex64, complex128");
    /** TF's {@code UNARY()}: signed numbers (neg, sign, reciprocal, tan, round). */
    public static final TypeList SIGNED = of("bfloat16, half, float, double, int8, int16, int32, int64, complex64, complex128");
    /** TF's {@code UNARY_UNSIGNED()} (square). */
    public static final TypeList UNSIGNED = of("bfloat16, half, float, double, int8, int16, int32, int64, uint8, uint16, uint32, uint64, complex64, complex128");
    public static final TypeList ABS = of("bfloat16, half, float, double, int8, int16, int32, int64");
    /** Softplus (nn_ops.cc orders half before bfloat16). */
    public static final TypeList NN_REAL = of("half, bfloat16, float, double");
    public static final TypeList ADD = of("bfloat16, half, float, double, uint8, uint16, uint32, uint64, int8, int16, int32, int64, complex64, complex128");
    /** The legacy {@code Add} op, which JFlow runs for strings only. */
    public static final TypeList ADD_WITH_STRING = new TypeList("bfloat16, half, float, double, uint8, int8, int16, int32, int64, complex64, complex128, string",
            java.util.EnumSet.of(DType.STRING));
    /** TF's {@code BINARY_MORE()} (Mul, Div, FloorDiv, RealDiv). */
    public static final TypeList BINARY_MORE = of("bfloat16, half, float, double, uint8, int8, uint16, int16, int32, int64, complex64, complex128");
    public static final TypeList SUB = of("bfloat16, half, float, double, uint8, int8, uint16, int16, int32, int64, complex64, complex128, uint32, uint64");
    public static final TypeList FLOOR_MOD = of("int8, int16, int32, int64, uint8, uint16, uint32, uint64, bfloat16, half, float, double");
    public static final TypeList TRUNCATE_MOD = of("int32, int64, bfloat16, half, float, double");
    public static final TypeList POW = of("bfloat16, float, half, double, int8, int16, int32, int64, complex64, complex128");
    public static final TypeList MIN_MAX = of("bfloat16, half, float, double, int8, uint8, int16, uint16, int32, uint32, int64, uint64");
    public static final TypeList SQUARED_DIFFERENCE = of("bfloat16, half, float, double, int32, int64, complex64, complex128");
    public static final TypeList DIV_NO_NAN = of("half, float, bfloat16, double, complex64, complex128");
    /** AddN's {@code {numbertypes, variant}}. */
    public static final TypeList NUMBERS = of("float, double, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, half, uint32, uint64, variant");
    /** Polygamma, Zeta, Igamma and Igammac. */
    public static final TypeList FLOAT_DOUBLE = of("float, double");
    /** TF's {@code numbertypes} (Sum, Mean, Prod, EuclideanNorm). */
    public static final TypeList NUMBER_TYPES = of("float, double, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, half, uint32, uint64");
    /** TF's {@code realnumbertypes} with the quantized ones (Max, Min). */
    public static final TypeList REAL_NUMBERS_QUANTIZED = of("float, double, int32, uint8, int16, int8, int64, bfloat16, uint16, half, uint32, uint64, qint8, quint8, qint32, qint16, quint16");
    /** TF's {@code realnumbertypes} (Less, Greater...). */
    public static final TypeList REAL_NUMBERS = of("float, double, int32, uint8, int16, int8, int64, bfloat16, uint16, half, uint32, uint64");
    /** Every dtype (Equal, NotEqual, Cast). */
    public static final TypeList ANY = new TypeList("", EnumSet.allOf(DType.class));
    public static final TypeList BOOL = new TypeList("bool", EnumSet.of(DType.BOOL));

    private static TypeList of(String text) {
        EnumSet<DType> set = EnumSet.noneOf(DType.class);
        for (String name : text.split(", ")) {
            try {
                DType d = DType.of(name);
                // The element-wise kernels are real-only: complex arithmetic lives in ComplexOps.
                if (!d.isComplex()) set.add(d);
            } catch (org.jflow.errors.TypeError notInJFlow) { // uint16..64, quantized, variant
            }
        }
        return new TypeList(text, set);
    }

    public boolean accepts(DType dtype) { return allowed.contains(dtype); }

    /**
     * The dtypes of this list that no TF CPU kernel of {@code op} takes (from the kernel table), for
     * an op to check with one set lookup before calling {@link org.jflow.device.KernelTable#requireCpuKernel}.
     */
    public Set<DType> withoutCpuKernel(String op) {
        EnumSet<DType> none = EnumSet.noneOf(DType.class);
        for (DType d : allowed) if (!Devices.kernels().cpuTakes(op, d)) none.add(d);
        return none;
    }

    /** This list with the complex dtypes it names accepted too, for ops that have complex kernels. */
    public TypeList withComplexKernels() {
        EnumSet<DType> set = allowed.isEmpty() ? EnumSet.noneOf(DType.class) : EnumSet.copyOf(allowed);
        for (DType d : new DType[] {DType.COMPLEX64, DType.COMPLEX128}) {
            if (names(text).contains(d.tfName())) set.add(d);
        }
        return new TypeList(text, set);
    }

    /**
     * TF's attr error, e.g. {@code Value for attr 'T' of int32 is not in the list of allowed values:
     * bfloat16, half, float, double ... [Op:Floor]}, including the op's NodeDef and signature lines
     * ({@code signature} as TF writes it: {@code x:T -> y:T}). A complex dtype TF accepts but
     * JFlow has no kernel for is an {@link UnimplementedError} instead.
     */
    public OpError refusal(DType dtype, String op, String signature) { return refusal(dtype, op, signature, null, null); }

    /**
     * The same, for an OpDef whose {@code T} has a default ({@code tDefault}, e.g. {@code DT_FLOAT}) or
     * whose attributes after {@code T} are printed too ({@code attrsAfter}, e.g. Sum's
     * {@code attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]}); either may be null.
     */
    public OpError refusal(DType dtype, String op, String signature, String tDefault, String attrsAfter) {
        if (dtype.isComplex() && names(text).contains(dtype.tfName())) {
            return new UnimplementedError("JFlow has no " + dtype.tfName() + " kernel for " + op + " yet").withOp(op);
        }
        return new InvalidArgumentError("Value for attr 'T' of " + dtype.kernelName() + " is not in the list of allowed values: "
                + text + "\n\t; NodeDef: {{node " + op + "}}; Op<name=" + op + "; signature=" + signature
                + "; attr=T:type" + (tDefault == null ? "" : ",default=" + tDefault) + ",allowed=[" + enumNames(text) + "]"
                + (attrsAfter == null ? "" : "; " + attrsAfter) + ">").withOp(op);
    }

    private static List<String> names(String list) { return List.of(list.split(", ")); }

    /** {@code "half, float"} as {@code "DT_HALF, DT_FLOAT"}. */
    private static String enumNames(String list) {
        StringBuilder dt = new StringBuilder();
        for (String name : list.split(", ")) {
            if (!dt.isEmpty()) dt.append(", ");
            dt.append("DT_").append(name.toUpperCase(Locale.ROOT));
        }
        return dt.toString();
    }
}
