package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;
import org.tensorflow.Graph;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TensorFlow's symbolic gradients of one op: the op is built in a TF {@link Graph} on constant
 * inputs, {@link Graph#addGradients} adds TF's registered (C++) gradient with the given upstream
 * gradients as seeds, and a {@link Session} runs it. With second-order seeds the gradients are
 * differentiated once more, seeded again: TF's gradient of the gradient.
 */
final class TfGradients {
    /** TF has no gradient registered for an op on the path (TF's "No gradient defined for op"). */
    static final class NoGradient extends RuntimeException {
        NoGradient(String message) { super(message); }
    }

    private TfGradients() {}

    /**
     * The gradients w.r.t. the inputs at {@code xs} (positions in the flattened input list: a list
     * argument counts each element) of op {@code name}'s outputs at {@code ys}, seeded with
     * {@code dy}; if {@code ddy} is not null, instead the gradients of those gradients seeded with
     * {@code ddy}. A null gradient is TF's None. Inputs are tensors or, for list arguments, {@code Tensor[]}; attributes as in
     * {@link TfRunner#run}.
     */
    static Tensor[] gradients(String name, List<Object> inputs, Map<String, Object> attrs, int[] xs, int[] ys, Tensor[] dy, Tensor[] ddy) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            List<Output<?>> flat = new ArrayList<>();
            OperationBuilder b = graph.opBuilder(name, "op", tf.scope());
            for (Object in : inputs) {
                if (in instanceof Tensor[] list) {
                    Output<?>[] outs = new Output<?>[list.length];
                    for (int i = 0; i < list.length; i++) flat.add(outs[i] = constant(tf, list[i]));
                    b.addInputList(outs);
                } else {
                    Output<?> o = constant(tf, (Tensor) in);
                    flat.add(o);
                    b.addInput(o);
                }
            }
            attrs.forEach((key, v) -> TfRunner.setAttr(b, key, v));
            Operation op = b.build();
            Output<?>[] x = new Output<?>[xs.length];
            for (int i = 0; i < xs.length; i++) x[i] = flat.get(xs[i]);
            Output<?>[] y = new Output<?>[ys.length];
            for (int i = 0; i < ys.length; i++) y[i] = op.output(ys[i]);
            Output<?>[] g = add(graph, "grad", y, x, constants(tf, dy));
            if (ddy != null) g = add(graph, "gradgrad", g, x, constants(tf, ddy));
            try (Session session = new Session(graph)) {
                Session.Runner runner = session.runner();
                List<String> fetched = new ArrayList<>(); // each output once: a gradient may be another's too
                for (Output<?> o : g) {
                    String key = name(o);
                    if (key != null && !fetched.contains(key)) {
                        fetched.add(key);
                        runner.fetch(o);
                    }
                }
                if (fetched.isEmpty()) return new Tensor[g.length]; // all None
                try (Result r = runner.run()) {
                    Tensor[] out = new Tensor[g.length];
                    for (int i = 0; i < out.length; i++) {
                        String key = name(g[i]);
                        if (key != null) out[i] = read(r.get(fetched.indexOf(key)));
                    }
                    return out;
                }
            }
        }
    }

    /**
     * The output's name, or null for TF's None: C's {@code TF_AddGradients} gives an output without
     * an operation for an input the targets do not reach (or an op's gradient leaves out), which
     * TF-Java wraps as an operation of a closed graph.
     */
    private static String name(Output<?> o) {
        try {
            return o.op().name() + ":" + o.index();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Output<?>[] add(Graph graph, String prefix, Output<?>[] y, Output<?>[] x, Output<?>[] seeds) {
        try {
            return graph.addGradients(prefix, y, x, seeds);
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("No gradient defined")) throw new NoGradient(m.lines().findFirst().orElse(m));
            throw e;
        }
    }

    private static Output<?>[] constants(Ops tf, Tensor[] ts) {
        Output<?>[] out = new Output<?>[ts.length];
        for (int i = 0; i < ts.length; i++) out[i] = constant(tf, ts[i]);
        return out;
    }

    /** The dtypes a gradient case's inputs may have: those TF-Java builds graph constants of directly. */
    static boolean supported(DType t) {
        return t == DType.FLOAT32 || t == DType.FLOAT64 || t == DType.INT32 || t == DType.INT64 || t == DType.BOOL;
    }

    private static Output<?> constant(Ops tf, Tensor t) {
        org.tensorflow.ndarray.Shape shape = TfRunner.tfShape(t.shape());
        Object data = t.data();
        int n = t.size();
        return switch (t.dtype()) {
            case FLOAT32 -> raw(tf, TFloat32.class, shape, n * 4, bb -> bb.asFloatBuffer().put((float[]) data));
            case FLOAT64 -> raw(tf, TFloat64.class, shape, n * 8, bb -> bb.asDoubleBuffer().put((double[]) data));
            case INT32 -> raw(tf, TInt32.class, shape, n * 4, bb -> bb.asIntBuffer().put((int[]) data));
            case INT64 -> raw(tf, TInt64.class, shape, n * 8, bb -> bb.asLongBuffer().put((long[]) data));
            case BOOL -> raw(tf, TBool.class, shape, n, bb -> {
                for (boolean z : (boolean[]) data) bb.put((byte) (z ? 1 : 0));
            });
            default -> throw new IllegalArgumentException("No graph constant for " + t.dtype() + " in gradient cases");
        };
    }

    private interface Filler { void fill(ByteBuffer bb); }

    private static <T extends TType> Output<?> raw(Ops tf, Class<T> type, org.tensorflow.ndarray.Shape shape, int bytes, Filler filler) {
        ByteBuffer bb = ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
        filler.fill(bb);
        return tf.constant(type, shape, DataBuffers.of(bb.array(), true, false)).asOutput();
    }

    /** A fetched float gradient as a JFlow tensor. */
    private static Tensor read(org.tensorflow.Tensor t) {
        DType dtype = TfRunner.jflowType(t.dataType());
        long[] d = t.shape().asArray();
        int[] dims = new int[d == null ? 0 : d.length];
        for (int i = 0; i < dims.length; i++) dims[i] = Math.toIntExact(d[i]);
        Shape shape = Shape.of(dims);
        var raw = t.asRawTensor().data();
        byte[] bytes = new byte[(int) raw.size()];
        raw.read(bytes);
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        Object data = Buffers.allocate(dtype, shape.size());
        switch (data) {
            case float[] f -> bb.asFloatBuffer().get(f);
            case double[] v -> bb.asDoubleBuffer().get(v);
            default -> throw new IllegalStateException("TF gave a " + dtype + " gradient");
        }
        return Tensor.wrap(dtype, shape, data);
    }
}
