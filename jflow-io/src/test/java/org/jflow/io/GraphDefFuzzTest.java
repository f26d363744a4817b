package org.jflow.io;

import com.google.protobuf.ByteString;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.graph.Graph;
import org.jflow.io.proto.AttrValue;
import org.jflow.io.proto.DataType;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;
import org.jflow.io.proto.TensorProto;
import org.jflow.io.proto.TensorShapeProto;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated GraphDefs and NodeDefs for every registered op (byte flips, truncations, insertions; random attribute
 * values of every type, input lists and tensors whose content does not fit their shape): the importer either
 * builds a graph or raises one of TF's exceptions ({@code org.jflow.errors}), never a Java exception or error.
 */
class GraphDefFuzzTest {
    private static final int CASES = 100_000;
    private static final String[] ATTR_NAMES = {"T", "dtype", "axis", "N", "num_split", "keep_dims", "transpose_a",
        "transpose_b", "padding", "strides", "ksize", "dilations", "data_format", "shape", "value", "num",
        "size_splits", "multiples", "paddings", "perm", "Tidx", "DstT", "SrcT", "out_type", "depth", "block_size",
        "depth_radius", "pattern", "rewrite", "num_classes", "begin_mask", "end_mask", "dims", "start", "limit",
        "delta", "seed", "seed2", "num_segments", "precision", "width"};
    private static final String[] STRINGS = {"SAME", "VALID", "NHWC", "a(b", "(a)\\1", "x"};
    private static final String[] INPUTS = {"pf", "pi", "ps", "cf", "ci", "cl", "pf:1", "nope", "ci:0"};

    private final Random random = new Random(13);
    private final List<String> ops = OpRegistry.all().stream().map(Op::name).distinct().sorted().toList();

    @Test
    void mutatedGraphDefsImportOrRaiseTfErrors() {
        List<byte[]> seeds = new ArrayList<>(exportedGraphs());
        for (String op : ops) seeds.add(nodeGraph(op).toByteArray());
        int built = 0;
        for (int k = 0; k < CASES; k++) {
            byte[] bytes;
            if (k < ops.size() * 4) {
                bytes = nodeGraph(ops.get(k % ops.size())).toByteArray(); // every op, with random attributes and inputs
            } else if (random.nextBoolean()) {
                bytes = mutateBytes(seeds.get(random.nextInt(seeds.size())));
            } else {
                bytes = nodeGraph(ops.get(random.nextInt(ops.size()))).toByteArray();
            }
            if (importOrTfError(bytes, k)) built++;
        }
        assertTrue(built > 0, "some mutations still import");
    }

    /** True when the bytes imported; false for a TF exception; a failure for anything else. */
    private static boolean importOrTfError(byte[] bytes, int k) {
        try {
            Graph g = GraphDefImporter.toGraph(bytes);
            return g != null;
        } catch (Throwable t) {
            if (t.getClass().getPackageName().equals("org.jflow.errors")) return false;
            fail("case " + k + ": " + t, t);
            return false;
        }
    }

    private static List<byte[]> exportedGraphs() {
        List<byte[]> out = new ArrayList<>();
        var f = tf.function((Tensor a, Tensor b) -> tf.add(tf.multiply(a, b), 1f));
        Tensor a = tf.constant(new float[] {1, 2});
        out.add(GraphDefs.toGraphDef(f.getConcreteFunction(a, a).program()).toByteArray());
        Graph g = new Graph();
        Tensor x = g.placeholder(tf.float32, Shape.of(-1, 4), "x");
        try (var scope = g.asDefault()) {
            List<Tensor> parts = tf.split(x, 2, 1);
            Tensor m = tf.matmul(parts.get(1), parts.get(0), o -> o.transposeB(true));
            tf.reduceSum(m, new int[] {0}, true);
            tf.strings.join(List.of(tf.constant(new String[] {"a", "b"}), tf.constant("c")), "-");
            tf.reshape(tf.concat(List.of(x, x), 0), -1);
        }
        out.add(GraphDefs.toGraphDef(g).toByteArray());
        return out;
    }

    private byte[] mutateBytes(byte[] seed) {
        byte[] b = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            case 2 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            default -> {
                int at = random.nextInt(b.length);
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                byte[] r = new byte[b.length + extra.length];
                System.arraycopy(b, 0, r, 0, at);
                System.arraycopy(extra, 0, r, at, extra.length);
                System.arraycopy(b, at, r, at + extra.length, b.length - at);
                b = r;
            }
        }
        return b;
    }

    /** Placeholders and constants of a few dtypes, then one node of {@code op} with random inputs and attributes. */
    private GraphDef nodeGraph(String op) {
        GraphDef.Builder g = GraphDef.newBuilder();
        g.addNode(placeholder("pf", DataType.DT_FLOAT, 2, 3));
        g.addNode(placeholder("pi", DataType.DT_INT32, 2));
        g.addNode(placeholder("ps", DataType.DT_STRING, 2));
        g.addNode(constant("cf", randomTensor(DataType.DT_FLOAT)));
        g.addNode(constant("ci", randomTensor(DataType.DT_INT32)));
        g.addNode(constant("cl", randomTensor(DataType.DT_INT64)));
        NodeDef.Builder n = NodeDef.newBuilder().setName("node").setOp(random.nextInt(20) == 0 ? "NoSuchOp" : op);
        for (int i = 0, count = random.nextInt(4); i < count; i++) n.addInput(INPUTS[random.nextInt(INPUTS.length)]);
        TreeMap<String, AttrValue> attrs = new TreeMap<>();
        for (int i = 0, count = random.nextInt(6); i < count; i++) {
            attrs.put(ATTR_NAMES[random.nextInt(ATTR_NAMES.length)], randomAttr());
        }
        n.putAllAttr(attrs);
        g.addNode(n);
        return g.build();
    }

    private static NodeDef placeholder(String name, DataType type, long... dims) {
        return NodeDef.newBuilder().setName(name).setOp("Placeholder").putAttr("dtype",
                AttrValue.newBuilder().setType(type).build())
                .putAttr("shape", AttrValue.newBuilder().setShape(shape(dims)).build()).build();
    }

    private static NodeDef constant(String name, TensorProto value) {
        return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("value",
                AttrValue.newBuilder().setTensor(value).build())
                .putAttr("dtype", AttrValue.newBuilder().setType(value.getDtype()).build()).build();
    }

    private static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        for (long d : dims) b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return b.build();
    }

    private long randomInt() {
        return switch (random.nextInt(6)) {
            case 0 -> -1 - random.nextInt(5);
            case 1 -> 1L << (31 + random.nextInt(32));
            case 2 -> Integer.MAX_VALUE;
            default -> random.nextInt(5);
        };
    }

    private long[] randomDims() {
        long[] d = new long[random.nextInt(4)];
        for (int i = 0; i < d.length; i++) d[i] = random.nextInt(8) == 0 ? randomInt() : random.nextInt(4);
        return d;
    }

    private DataType randomType() {
        DataType[] all = DataType.values();
        return all[random.nextInt(all.length - 1)]; // UNRECOGNIZED cannot be set
    }

    private TensorProto randomTensor(DataType type) {
        TensorProto.Builder t = TensorProto.newBuilder().setDtype(type).setTensorShape(shape(randomDims()));
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] content = new byte[random.nextInt(40)];
                random.nextBytes(content);
                t.setTensorContent(ByteString.copyFrom(content));
            }
            case 1 -> { for (int i = 0, n = random.nextInt(8); i < n; i++) t.addIntVal((int) randomInt()); }
            case 2 -> { for (int i = 0, n = random.nextInt(8); i < n; i++) t.addFloatVal(random.nextFloat()); }
            default -> {
                for (int i = 0, n = random.nextInt(4); i < n; i++) t.addStringVal(ByteString.copyFromUtf8("s" + i));
            }
        }
        return t.build();
    }

    private AttrValue randomAttr() {
        AttrValue.Builder a = AttrValue.newBuilder();
        switch (random.nextInt(10)) {
            case 0, 1 -> a.setI(randomInt());
            case 2 -> a.setF(random.nextFloat() * 4 - 2);
            case 3 -> a.setB(random.nextBoolean());
            case 4 -> a.setS(ByteString.copyFromUtf8(STRINGS[random.nextInt(STRINGS.length)]));
            case 5 -> a.setType(random.nextInt(4) == 0 ? randomType() : DataType.DT_FLOAT);
            case 6 -> a.setShape(shape(randomDims()));
            case 7 -> a.setTensor(randomTensor(random.nextInt(3) == 0 ? randomType() : DataType.DT_INT32));
            case 8 -> {
                AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
                for (int i = 0, n = random.nextInt(6); i < n; i++) l.addI(random.nextInt(5) == 0 ? randomInt() : 1);
                a.setList(l);
            }
            default -> a.setList(AttrValue.ListValue.newBuilder().addF(1f).addS(ByteString.copyFromUtf8("s")));
        }
        return a.build();
    }
}
