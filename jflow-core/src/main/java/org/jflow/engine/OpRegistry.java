package org.jflow.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Every op JFlow has, by TF name. The op families below are loaded so that {@link #all()} is complete. */
public final class OpRegistry {
    /**
     * Classes whose static fields declare ops; loading one registers its ops. One class literal a
     * line, sorted, so that a new family is one added line; {@code OpRegistryTest} fails for an op
     * declared in a class missing here.
     */
    private static final Class<?>[] FAMILIES = {
            org.jflow.VariableOps.class,
            org.jflow.array.ArrayOps.class,
            org.jflow.autodiff.AutodiffOps.class,
            org.jflow.controlflow.ControlFlowOps.class,
            org.jflow.format.PrintOp.class,
            org.jflow.graph.FusedElementwise.class,
            org.jflow.graph.GraphOps.class,
            org.jflow.linalg.Einsum.class,
            org.jflow.linalg.GeneralEigen.class,
            org.jflow.linalg.LinalgOps.class,
            org.jflow.linalg.MatrixMultiply.class,
            org.jflow.linalg.Norms.class,
            org.jflow.math.AddN.class,
            org.jflow.math.ArgReduction.class,
            org.jflow.math.BinaryArithmetic.class,
            org.jflow.math.Bincount.class,
            org.jflow.math.Cast.class,
            org.jflow.math.ClipByNorm.class,
            org.jflow.math.Comparison.class,
            org.jflow.math.ElementwiseGradient.class,
            org.jflow.math.ComplexOps.class,
            org.jflow.math.ConfusionMatrix.class,
            org.jflow.math.FloatClass.class,
            org.jflow.math.InTopK.class,
            org.jflow.math.Logical.class,
            org.jflow.math.Reduction.class,
            org.jflow.math.Scan.class,
            org.jflow.math.SegmentReduction.class,
            org.jflow.math.Sorting.class,
            org.jflow.math.StringAdd.class,
            org.jflow.math.UnaryMath.class,
            org.jflow.math.UniqueOp.class,
            org.jflow.nn.Activation.class,
            org.jflow.nn.AverageLoss.class,
            org.jflow.nn.BatchNormalization.class,
            org.jflow.nn.BiasAdd.class,
            org.jflow.nn.Convolution.class,
            org.jflow.nn.ConvolutionBackpropFilter.class,
            org.jflow.nn.ConvolutionBackpropInput.class,
            org.jflow.nn.DepthToSpace.class,
            org.jflow.nn.DepthwiseConvolution.class,
            org.jflow.nn.DepthwiseConvolutionBackprop.class,
            org.jflow.nn.Dropout.class,
            org.jflow.nn.EmbeddingLookup.class,
            org.jflow.nn.LocalResponseNormalization.class,
            org.jflow.nn.Pooling.class,
            org.jflow.nn.PoolingGrad.class,
            org.jflow.nn.SigmoidCrossEntropy.class,
            org.jflow.nn.Softmax.class,
            org.jflow.nn.SoftmaxCrossEntropy.class,
            org.jflow.nn.Statistics.class,
            org.jflow.random.RandomOps.class,
            org.jflow.strings.StringOps.class,
    };

    /**
     * The ops by name. Not guarded by a lock that loading a family takes, so two threads initializing
     * families at once (one through an op call, one through {@link #all()}) cannot deadlock.
     */
    private static final Map<String, Op> OPS = new ConcurrentSkipListMap<>();
    private static volatile boolean loaded;

    private OpRegistry() {}

    static void register(Op op) {
        Op previous = OPS.putIfAbsent(op.name(), op);
        if (previous != null && previous != op) {
            throw new IllegalStateException("Op " + op.name() + " is declared twice");
        }
    }

    private static void loadFamilies() {
        if (loaded) return;
        for (Class<?> family : FAMILIES) {
            try {
                Class.forName(family.getName(), true, family.getClassLoader()); // runs its static initializer once
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Op family " + family + " is missing", e);
            }
        }
        loaded = true;
    }

    /** The op with TF name {@code name}, or null. */
    public static Op get(String name) {
        loadFamilies();
        return OPS.get(name);
    }

    /** All ops, sorted by name. */
    public static Collection<Op> all() {
        loadFamilies();
        return Collections.unmodifiableCollection(OPS.values());
    }
}
