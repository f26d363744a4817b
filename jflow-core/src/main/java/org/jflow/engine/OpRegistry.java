package org.jflow.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Every op JFlow has, by TF name. The op families below are loaded so that {@link #all()} is complete. */
public final class OpRegistry {
    /** Classes whose static fields declare ops; loading one registers its ops. */
    private static final String[] FAMILIES = {
        "org.jflow.array.ArrayOps",
        "org.jflow.math.Reduction", "org.jflow.math.ArgReduction", "org.jflow.math.Scan", "org.jflow.math.Sorting", "org.jflow.math.UniqueOp", "org.jflow.math.Bincount", "org.jflow.math.ConfusionMatrix", "org.jflow.math.SegmentReduction", "org.jflow.math.InTopK",
        "org.jflow.math.BinaryArithmetic", "org.jflow.math.UnaryMath", "org.jflow.math.Comparison", "org.jflow.math.Logical", "org.jflow.math.FloatClass", "org.jflow.math.AddN", "org.jflow.math.Cast", "org.jflow.math.ClipByNorm", "org.jflow.math.StringAdd", "org.jflow.math.ComplexOps",
        "org.jflow.nn.Activation", "org.jflow.nn.Softmax", "org.jflow.nn.Convolution", "org.jflow.nn.ConvolutionBackpropInput", "org.jflow.nn.DepthwiseConvolution", "org.jflow.nn.Pooling", "org.jflow.nn.SoftmaxCrossEntropy", "org.jflow.nn.SigmoidCrossEntropy", "org.jflow.nn.BiasAdd", "org.jflow.nn.Statistics", "org.jflow.nn.BatchNormalization", "org.jflow.nn.Dropout", "org.jflow.nn.EmbeddingLookup", "org.jflow.nn.DepthToSpace", "org.jflow.nn.AverageLoss", "org.jflow.nn.LocalResponseNormalization",
        "org.jflow.linalg.MatrixMultiply", "org.jflow.linalg.Einsum", "org.jflow.linalg.LinalgOps", "org.jflow.linalg.Norms", "org.jflow.linalg.GeneralEigen",
        "org.jflow.math.BinaryArithmetic", "org.jflow.math.UnaryMath", "org.jflow.math.Comparison", "org.jflow.math.Logical", "org.jflow.math.FloatClass", "org.jflow.math.AddN", "org.jflow.math.Cast", "org.jflow.math.ClipByNorm", "org.jflow.math.StringAdd",
        "org.jflow.nn.Activation", "org.jflow.nn.Softmax", "org.jflow.nn.Convolution", "org.jflow.nn.ConvolutionBackpropInput", "org.jflow.nn.ConvolutionBackpropFilter", "org.jflow.nn.DepthwiseConvolutionBackprop", "org.jflow.nn.PoolingGrad", "org.jflow.nn.DepthwiseConvolution", "org.jflow.nn.Pooling", "org.jflow.nn.SoftmaxCrossEntropy", "org.jflow.nn.SigmoidCrossEntropy", "org.jflow.nn.BiasAdd", "org.jflow.nn.Statistics", "org.jflow.nn.BatchNormalization", "org.jflow.nn.Dropout", "org.jflow.nn.EmbeddingLookup", "org.jflow.nn.DepthToSpace", "org.jflow.nn.AverageLoss", "org.jflow.nn.LocalResponseNormalization",
        "org.jflow.linalg.MatrixMultiply", "org.jflow.linalg.Einsum", "org.jflow.linalg.LinalgOps", "org.jflow.linalg.Norms",
        "org.jflow.random.RandomOps",
        "org.jflow.strings.StringOps",
        "org.jflow.autodiff.AutodiffOps",
        "org.jflow.graph.GraphOps", "org.jflow.format.PrintOp",
        "org.jflow.controlflow.ControlFlowOps",
        "org.jflow.graph.FusedElementwise",
    };

    private static final Map<String, Op> OPS = new TreeMap<>();
    private static volatile boolean loaded;

    private OpRegistry() {}

    static synchronized void register(Op op) {
        Op previous = OPS.putIfAbsent(op.name(), op);
        if (previous != null && previous != op) {
            throw new IllegalStateException("Op " + op.name() + " is declared twice");
        }
    }

    private static void loadFamilies() {
        if (loaded) return;
        for (String family : FAMILIES) {
            try {
                Class.forName(family, true, OpRegistry.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Op family " + family + " is missing", e);
            }
        }
        loaded = true;
    }

    /** The op with TF name {@code name}, or null. */
    public static synchronized Op get(String name) {
        loadFamilies();
        return OPS.get(name);
    }

    /** All ops, sorted by name. */
    public static synchronized Collection<Op> all() {
        loadFamilies();
        return Collections.unmodifiableCollection(OPS.values());
    }
}
