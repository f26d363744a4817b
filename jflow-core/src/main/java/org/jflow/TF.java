package org.jflow;

import org.jflow.array.ArrayFunctions;
import org.jflow.autodiff.GradientFunctions;
import org.jflow.config.Config;
import org.jflow.config.Debugging;
import org.jflow.config.DeviceFunctions;
import org.jflow.controlflow.ControlFlowFunctions;
import org.jflow.device.Placement;
import org.jflow.engine.Convert;
import org.jflow.format.PrintFunctions;
import org.jflow.graph.GraphFunctions;
import org.jflow.linalg.Linalg;
import org.jflow.linalg.LinalgFunctions;
import org.jflow.math.ComplexFunctions;
import org.jflow.math.ElementwiseFunctions;
import org.jflow.math.MathNamespace;
import org.jflow.math.ReductionFunctions;
import org.jflow.nn.NN;
import org.jflow.random.RandomNamespace;
import org.jflow.strings.Strings;

import java.util.function.UnaryOperator;

/**
 * The {@code tf} module: {@code import static org.jflow.TF.tf;} then {@code tf.constant(...)},
 * {@code tf.reduceSum(...)}, {@code tf.math.log(...)}, {@code tf.linalg.inv(...)} as in Python,
 * with snake_case names in camelCase. The top-level functions come from the interfaces below,
 * which the namespaces ({@code tf.math}, {@code tf.linalg}) share, so each is written once.
 *
 * <p>This is the core's part of {@code tf}. The namespaces that live in modules above the core
 * ({@code tf.keras}, {@code tf.io}, later {@code tf.data}, {@code tf.image}, {@code tf.summary},
 * {@code tf.saved_model}) are added by {@code org.jflow.tensorflow.TensorFlow} in
 * {@code jflow-tensorflow}, which extends this class: users import that one {@code tf}; the core
 * never names a module above it.
 */
public class TF implements ElementwiseFunctions, ReductionFunctions, ArrayFunctions, LinalgFunctions,
        PrintFunctions, DeviceFunctions, ComplexFunctions, GradientFunctions, GraphFunctions, ModuleFunctions,
        ControlFlowFunctions {
    /** The one instance. */
    public static final TF tf = new TF();

    public final MathNamespace math = new MathNamespace();
    public final Linalg linalg = new Linalg();
    public final NN nn = new NN();
    public final RandomNamespace random = new RandomNamespace();
    public final Strings strings = new Strings();
    public final Config config = new Config();
    public final Debugging debugging = new Debugging();
    public final org.jflow.compat.Compat compat = new org.jflow.compat.Compat();

    public final DType float16 = DType.FLOAT16;
    public final DType half = DType.FLOAT16;
    public final DType bfloat16 = DType.BFLOAT16;
    public final DType float32 = DType.FLOAT32;
    public final DType float64 = DType.FLOAT64;
    /** TF's alias of float64. */
    public final DType double_ = DType.FLOAT64;
    public final DType int8 = DType.INT8;
    public final DType int16 = DType.INT16;
    public final DType int32 = DType.INT32;
    public final DType int64 = DType.INT64;
    public final DType uint8 = DType.UINT8;
    public final DType bool = DType.BOOL;
    public final DType string = DType.STRING;
    public final DType complex64 = DType.COMPLEX64;
    public final DType complex128 = DType.COMPLEX128;

    /** For the aggregate {@code tf} of {@code jflow-tensorflow}, which adds the namespaces of modules above the core. */
    protected TF() {}

    /** {@code tf.constant(value)}: the value's natural dtype (a Java double literal gives float32, as a Python float). */
    public Tensor constant(Object value) { return Placement.constant(Convert.toTensor(value)); }

    /** {@code tf.constant(value, dtype)}. */
    public Tensor constant(Object value, DType dtype) { return Placement.constant(Convert.toTensor(value, dtype)); }

    /** {@code tf.convert_to_tensor(value)}. */
    public Tensor convertToTensor(Object value) { return Convert.toTensor(value); }

    /** {@code tf.convert_to_tensor(value, dtype)}: refuses a tensor of another dtype, as TF does. */
    public Tensor convertToTensor(Object value, DType dtype) { return Convert.toTensor(value, dtype); }

    /** {@code tf.Variable(initial_value)}. */
    public Variable Variable(Object initialValue) { return new Variable(initialValue); }

    /** {@code tf.Variable(initial_value, name=...)}. */
    public Variable Variable(Object initialValue, String name) { return new Variable(initialValue, o -> o.name(name)); }

    /** {@code tf.Variable(initial_value, name=..., dtype=..., trainable=...)}: {@code v -> v.name("x").trainable(false)}. */
    public Variable Variable(Object initialValue, UnaryOperator<Variable.Options> options) {
        return new Variable(initialValue, options);
    }
}
