package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.graph.Decompose;
import org.jflow.graph.Graph;
import org.jflow.graph.GraphOptimizer;
import org.jflow.graph.Program;
import org.jflow.io.GraphDefs;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.OpDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ops TF's registry lacks, exported for TF: each op's decomposition, written by
 * {@link GraphDefs} as a GraphDef of TF's ops only, is imported and run by TensorFlow (TF-Java) and
 * must give what JFlow's own kernel gives. So are TF's ops whose inputs JFlow keeps as attributes.
 */
class DecompositionConformanceTest {
    /** Ops TF lacks that have no decomposition, and why. */
    private static final Map<String, String> NOT_DECOMPOSED = Map.of(
            "CustomGradient", "a tape construct: its forward is the wrapped function's graph, already TF ops",
            "WhileGrad", "the gradient of a While loop, built by the tape; exported graphs hold TF's While",
            "Dropout", "a random op: TF's draws differ, so a decomposition cannot be compared by value; not yet");

    private record Sample(String op, Attrs attrs, Tensor... inputs) {}

    /** Values in [-2, 2] that are the same on every run: no hand-typed reference numbers. */
    private static Tensor values(DType dtype, int salt, int... dims) {
        Shape shape = Shape.of(dims);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) v[i] = 2 * Math.sin(1.7 * i + 0.3 * salt + 0.1);
        return Tensor.wrap(dtype, shape, Buffers.convert(v, DType.FLOAT64, dtype));
    }

    private static Tensor x(int... dims) { return values(DType.FLOAT32, 1, dims); }

    private static Tensor positive(int... dims) { return tf.add(tf.abs(values(DType.FLOAT32, 2, dims)), 0.25f); }

    private static Tensor unit(int... dims) { return tf.sigmoid(values(DType.FLOAT32, 3, dims)); }

    private static Attrs window(String padding, int[] strides, String key, int[] size) {
        return Attrs.of("padding", padding, "strides", strides, key, size);
    }

    private static List<Sample> samples() {
        List<Sample> s = new ArrayList<>();
        s.add(new Sample("Gelu", Attrs.EMPTY, x(2, 3)));
        s.add(new Sample("Gelu", Attrs.of("approximate", true), x(2, 3)));
        s.add(new Sample("Swish", Attrs.EMPTY, x(2, 3)));
        s.add(new Sample("Swish", Attrs.of("beta", 0.7), values(DType.FLOAT64, 4, 5)));
        s.add(new Sample("SigmoidCrossEntropyWithLogits", Attrs.EMPTY, x(2, 3), unit(2, 3)));
        s.add(new Sample("WeightedCrossEntropyWithLogits", Attrs.of("pos_weight", 2.5), x(2, 3), unit(2, 3)));
        s.add(new Sample("Moments", Attrs.of("axes", new int[] {0}, "keep_dims", false), x(3, 2)));
        s.add(new Sample("Moments", Attrs.of("axes", new int[] {0, 2}, "keep_dims", true), x(2, 3, 2)));
        for (String op : List.of("ReduceLogSumExp", "ReduceVariance", "ReduceStd")) {
            s.add(new Sample(op, Attrs.of("axis", new int[] {1}, "keep_dims", false), x(2, 3)));
            s.add(new Sample(op, Attrs.of("keep_dims", true), x(2, 3)));
        }
        s.add(new Sample("CountNonzero", Attrs.of("axis", new int[] {1}, "keep_dims", false),
                tf.cast(values(DType.FLOAT32, 5, 3, 4), DType.INT32)));
        for (String op : List.of("Sort", "ArgSort")) {
            s.add(new Sample(op, Attrs.of("axis", -1, "direction", "ASCENDING"), x(2, 5)));
            s.add(new Sample(op, Attrs.of("axis", 0, "direction", "DESCENDING"), x(4, 3)));
            Tensor ints = tf.cast(values(DType.FLOAT32, 10, 2, 6, 2), DType.INT32);
            s.add(new Sample(op, Attrs.of("axis", 1, "direction", "ASCENDING"), ints));
        }
        Tensor labels = tf.constant(new int[] {0, 2, 1, 2, 2}), predictions = tf.constant(new long[] {0, 1, 1, 2, 0});
        s.add(new Sample("ConfusionMatrix", Attrs.of("num_classes", 4, "dtype", DType.INT32), labels, predictions));
        s.add(new Sample("ConfusionMatrix", Attrs.of("num_classes", 3, "dtype", DType.FLOAT32), labels, predictions,
                x(5)));
        s.add(new Sample("ClipByNorm", Attrs.EMPTY, x(2, 3), tf.constant(0.5f)));
        s.add(new Sample("ClipByNorm", Attrs.of("axes", new int[] {1}), x(2, 3), tf.constant(1.5f)));
        s.add(new Sample("ComputeAverageLoss", Attrs.of("global_batch_size", 8), x(4, 2)));
        s.add(new Sample("EmbeddingLookup", Attrs.EMPTY, x(4, 2), tf.constant(new int[][] {{0, 3}, {3, 1}})));
        s.add(new Sample("L2Normalize", Attrs.of("axis", new int[] {1}, "epsilon", 1e-12), x(2, 3)));
        s.add(new Sample("Norm", Attrs.of("ord", "euclidean", "keep_dims", false), x(2, 3)));
        s.add(new Sample("Norm", Attrs.of("ord", 1.0, "axis", new int[] {1}, "keep_dims", true), x(2, 3)));
        Attrs infinityNorm = Attrs.of("ord", Double.POSITIVE_INFINITY, "axis", new int[] {0, 1}, "keep_dims", false);
        s.add(new Sample("Norm", infinityNorm, x(3, 3)));
        s.add(new Sample("BatchNormalization", Attrs.of("variance_epsilon", 1e-3),
                x(2, 3), x(3), positive(3), unit(3), positive(3)));
        Attrs conv = Attrs.of("padding", "SAME", "strides", new int[] {1, 2, 1});
        Tensor in = x(2, 6, 2), filter = values(DType.FLOAT32, 6, 3, 2, 2);
        Tensor convOut = Dispatcher.execute1(OpRegistry.get("Conv1D"), conv, in, filter);
        s.add(new Sample("Conv1D", conv, in, filter));
        s.add(new Sample("Conv1DBackpropInput", conv.with("input_sizes", new int[] {2, 6, 2}), filter, convOut));
        s.add(new Sample("Conv1DBackpropFilter", conv.with("filter_sizes", new int[] {3, 2, 2}), in, convOut));
        Attrs pool = window("VALID", new int[] {1, 2, 1}, "ksize", new int[] {1, 3, 1});
        Tensor pin = x(2, 7, 2);
        Tensor pooled = Dispatcher.execute1(OpRegistry.get("MaxPool1D"), pool, pin);
        s.add(new Sample("MaxPool1D", pool, pin));
        s.add(new Sample("AvgPool1D", pool.with("padding", "SAME"), pin));
        s.add(new Sample("MaxPool1DGrad", pool, pin, pooled, values(DType.FLOAT32, 7, 2, 3, 2)));
        s.add(new Sample("MaxPool1DGradGrad", pool, pin, pooled, values(DType.FLOAT32, 8, 2, 7, 2)));
        s.add(new Sample("AvgPool1DGrad", pool.with("orig_input_shape", new int[] {2, 7, 2}),
                values(DType.FLOAT32, 9, 2, 3, 2)));
        return s;
    }

    private static Set<String> tfOps() {
        return TensorFlow.registeredOpList().getOpList().stream().map(OpDef::getName).collect(Collectors.toSet());
    }

    @Test
    void everyOpTfLacksHasADecompositionAndASample() {
        Set<String> tf = tfOps(), sampled = samples().stream().map(Sample::op).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Op op : OpRegistry.all()) {
            if (tf.contains(op.name()) || NOT_DECOMPOSED.containsKey(op.name())) continue;
            if (op.decomposition() == null) missing.add(op.name() + " (no decomposition)");
            else if (!sampled.contains(op.name()) && !op.name().equals("FusedElementwise")) {
                missing.add(op.name() + " (no sample)"); // FusedElementwise: its own test below
            }
        }
        assertEquals(Set.of(), missing);
        for (String op : NOT_DECOMPOSED.keySet()) assertTrue(!tf.contains(op) && OpRegistry.get(op) != null, op);
    }

    @Test
    void exportedDecompositionsRunInTensorFlowAsJFlowsKernels() throws Exception {
        assertEquals(List.of(), runInTensorFlow(samples()));
    }

    /**
     * TF's ops whose inputs JFlow keeps as attributes, and whose type and number attributes JFlow's nodes leave out:
     * GraphDefs writes both from the ops' declarations (their TF definitions), so TF runs them as JFlow does.
     */
    @Test
    void attributesTfTakesAsInputsAndTfsTypeAttributesComeFromTheDeclaration() throws Exception {
        Tensor m = x(2, 3), square = values(DType.FLOAT32, 2, 3, 3);
        Tensor ids = Tensor.wrap(DType.INT32, Shape.of(2), new int[] {1, 0});
        List<Sample> s = List.of(
                new Sample("Cumsum", Attrs.of("axis", 1, "exclusive", true), m),
                new Sample("ReverseV2", Attrs.of("axis", new int[] {1}), m),
                new Sample("Unpack", Attrs.of("axis", 1), m),
                new Sample("StridedSlice", Attrs.of("begin", new int[] {0, 1}, "end", new int[] {2, 3},
                        "strides", new int[] {1, 1}), m),
                new Sample("TopKV2", Attrs.of("k", 2), m),
                new Sample("Tile", Attrs.of("multiples", new int[] {2, 1}), m),
                new Sample("Transpose", Attrs.of("perm", new int[] {1, 0}), m),
                new Sample("GatherV2", Attrs.of("axis", 1), m, ids),
                new Sample("ExpandDims", Attrs.of("axis", 0), m),
                new Sample("Split", Attrs.of("axis", 1, "num_split", 3), m),
                new Sample("SplitV", Attrs.of("axis", 1, "size_splits", new int[] {1, 2}, "num_split", 2), m),
                new Sample("Slice", Attrs.of("begin", new int[] {0, 1}, "size", new int[] {2, 2}), m),
                new Sample("ArgMax", Attrs.of("axis", 1), m),
                new Sample("Sum", Attrs.of("keep_dims", true), m),
                new Sample("Pad", Attrs.of("paddings", new int[] {1, 0, 0, 2}), m),
                new Sample("MirrorPad", Attrs.of("paddings", new int[] {1, 1, 1, 1}, "mode", "REFLECT"), m),
                new Sample("ScatterNd", Attrs.of("shape", new int[] {4, 3}),
                        Tensor.wrap(DType.INT64, Shape.of(1, 1), new long[] {2}), x(1, 3)),
                new Sample("UnsortedSegmentSum", Attrs.of("num_segments", 3), m, ids),
                new Sample("OneHot", Attrs.of("depth", 3), ids, x(), values(DType.FLOAT32, 3)),
                new Sample("LinSpace", Attrs.of("num", 5), x(), values(DType.FLOAT32, 4)),
                new Sample("MatrixBandPart", Attrs.of("num_lower", 0, "num_upper", 1), square),
                new Sample("Reshape", Attrs.of("shape", new int[] {3, 2}), m),
                new Sample("Fill", Attrs.of("dims", new int[] {2, 2}), x()));
        assertEquals(List.of(), runInTensorFlow(s));
    }

    /** Each sample run eagerly and, exported with its decomposition, in TensorFlow: the differences. */
    private static List<String> runInTensorFlow(List<Sample> samples) throws Exception {
        Set<String> tf = tfOps();
        List<String> problems = new ArrayList<>();
        for (Sample sample : samples) {
            Op op = OpRegistry.get(sample.op());
            Tensor[] expected = Dispatcher.execute(op, sample.attrs(), sample.inputs());
            // float inputs are fed; integer ones (ids, counts) are constants of the graph
            Graph g = new Graph();
            List<Tensor> placeholders = new ArrayList<>(), fed = new ArrayList<>();
            Tensor[] inputs = new Tensor[sample.inputs().length], outputs;
            try (var scope = g.asDefault()) {
                for (int i = 0; i < inputs.length; i++) {
                    Tensor in = sample.inputs()[i];
                    if (!in.dtype().isFloating()) {
                        inputs[i] = g.constant(in);
                        continue;
                    }
                    inputs[i] = g.placeholder(in.dtype(), in.shape(), "in" + i);
                    placeholders.add(inputs[i]);
                    fed.add(in);
                }
                outputs = Dispatcher.execute(op, sample.attrs(), inputs);
            }
            Program decomposed = new Decompose().apply(new Program(g, placeholders, List.of(outputs)));
            GraphDef def = GraphDefs.toGraphDef(decomposed);
            Tensor[] actual = runInTensorFlow(def, decomposed, fed.toArray(new Tensor[0]), tf);
            String label = sample.op() + " " + sample.attrs();
            for (int i = 0; i < expected.length; i++) {
                String d = difference(expected[i], actual[i]);
                if (d != null) problems.add(label + " output " + i + ": " + d);
            }
        }
        return problems;
    }

    @Test
    void anOptimizedFunctionWithFusedElementwiseExportsAsTfOps() throws Exception {
        var f = tf.function((Tensor a) -> {
            Tensor t = tf.tanh(tf.add(tf.multiply(a, 1.5f), 0.5f));
            return tf.sqrt(tf.abs(tf.add(tf.multiply(t, a), a)));
        });
        Tensor a = x(64, 64);
        Program optimized = f.getConcreteFunction(a).optimizedProgram();
        assertTrue(optimized.graph().operations().stream().anyMatch(n -> n.type().equals("FusedElementwise")), "fused");
        Program decomposed = new Decompose().apply(optimized);
        Tensor[] actual = runInTensorFlow(GraphDefs.toGraphDef(decomposed), decomposed, new Tensor[] {a}, tfOps());
        assertEquals(null, difference((Tensor) f.call(a), actual[0]));
    }

    /** Imports the GraphDef into TF (failing for an op TF lacks), feeds the program's inputs, fetches its outputs. */
    private static Tensor[] runInTensorFlow(GraphDef def, Program p, Tensor[] inputs, Set<String> tfOps)
            throws Exception {
        for (NodeDef n : def.getNodeList()) assertTrue(tfOps.contains(n.getOp()), "TF has no op " + n.getOp());
        try (org.tensorflow.Graph g = new org.tensorflow.Graph(); Session s = new Session(g)) {
            g.importGraphDef(org.tensorflow.proto.GraphDef.parseFrom(def.toByteArray()));
            List<org.tensorflow.Tensor> fed = new ArrayList<>();
            try {
                Session.Runner runner = s.runner();
                for (int i = 0; i < inputs.length; i++) {
                    org.tensorflow.Tensor t = toTf(inputs[i]);
                    fed.add(t);
                    runner.feed(p.inputs().get(i).op().name(), t);
                }
                for (Tensor out : p.outputs()) runner.fetch(out.op().name(), out.outputIndex());
                try (Result r = runner.run()) {
                    Tensor[] out = new Tensor[p.outputs().size()];
                    for (int i = 0; i < out.length; i++) out[i] = fromTf(r.get(i), p.outputs().get(i).dtype());
                    return out;
                }
            } finally {
                for (org.tensorflow.Tensor t : fed) t.close();
            }
        }
    }

    private static org.tensorflow.Tensor toTf(Tensor t) {
        var shape = TfRunner.tfShape(t.shape());
        return switch (t.dtype()) {
            case FLOAT32 -> TFloat32.tensorOf(shape, DataBuffers.of(t.toFloatArray(), true, false));
            case FLOAT64 -> TFloat64.tensorOf(shape,
                    DataBuffers.of((double[]) Buffers.convert(t.data(), t.dtype(), DType.FLOAT64), true, false));
            case INT32 -> TInt32.tensorOf(shape, DataBuffers.of(t.toIntArray(), true, false));
            case INT64 -> TInt64.tensorOf(shape,
                    DataBuffers.of((long[]) Buffers.convert(t.data(), t.dtype(), DType.INT64), true, false));
            default -> throw new IllegalArgumentException("no feed for " + t.dtype());
        };
    }

    private static Tensor fromTf(org.tensorflow.Tensor t, DType dtype) {
        var data = t.asRawTensor().data();
        byte[] b = new byte[(int) data.size()];
        data.read(b);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        Shape shape = Shape.of(java.util.Arrays.stream(t.shape().asArray()).mapToInt(d -> (int) d).toArray());
        int n = shape.size();
        Object values = switch (dtype) {
            case FLOAT32 -> { float[] v = new float[n]; bb.asFloatBuffer().get(v); yield v; }
            case FLOAT64 -> { double[] v = new double[n]; bb.asDoubleBuffer().get(v); yield v; }
            case INT32 -> { int[] v = new int[n]; bb.asIntBuffer().get(v); yield v; }
            case INT64 -> { long[] v = new long[n]; bb.asLongBuffer().get(v); yield v; }
            default -> throw new IllegalArgumentException("no fetch for " + dtype);
        };
        return Tensor.wrap(dtype, shape, values);
    }

    /** Null when dtypes and shapes agree and values are within float tolerance, else the difference. */
    private static String difference(Tensor expected, Tensor actual) {
        if (expected.dtype() != actual.dtype() || !expected.shape().equals(actual.shape())) {
            return "expected " + expected.dtype() + expected.shape() + ", TF gives " + actual.dtype() + actual.shape();
        }
        double tolerance = expected.dtype() == DType.FLOAT64 ? 1e-12 : 2e-6;
        double[] e = (double[]) Buffers.convert(expected.data(), expected.dtype(), DType.FLOAT64);
        double[] a = (double[]) Buffers.convert(actual.data(), actual.dtype(), DType.FLOAT64);
        for (int i = 0; i < e.length; i++) {
            if (Math.abs(e[i] - a[i]) > tolerance * Math.max(1, Math.abs(e[i]))) {
                return "element " + i + ": JFlow " + e[i] + ", TF " + a[i];
            }
        }
        return null;
    }
}
