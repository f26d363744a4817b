package org.jflow.io;

import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Attrs;
import org.jflow.graph.Decompose;
import org.jflow.graph.Graph;
import org.jflow.graph.GraphOps;
import org.jflow.graph.Node;
import org.jflow.graph.Program;
import org.jflow.io.proto.AttrValue;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;
import org.jflow.io.proto.VersionDef;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * JFlow graphs as TF's {@code GraphDef} (what {@code graph.as_graph_def()} returns and
 * {@code tf.io.write_graph} writes), for TensorBoard and TensorFlow.
 *
 * <p>Each node keeps its name and op; inputs are {@code node} for output 0, {@code node:i} for
 * others and {@code ^node} for control inputs, as TF writes them. Attributes map to TF's types
 * (see {@link AttrCodec}), plus the dtype attributes TF's op definitions declare ({@link TypeAttrs})
 * and {@code _output_shapes}, which TensorBoard draws on edges. Where JFlow keeps as an attribute
 * what TF's op takes as an input ({@code Sum}'s axes, {@code Reshape}'s shape), the value goes in as a
 * {@code Const} node named {@code op/attr} ({@link AttrInputs}). A variable, an attribute of JFlow's
 * {@code ReadVariableOp} and {@code AssignVariableOp}, becomes a {@code VarHandleOp} node feeding them
 * its resource handle, as in TF's graphs. Attributes holding Java objects TF has no type for (a
 * print template) are left out, their names listed in the node's {@value #UNEXPORTED} attribute
 * (TF ignores attributes whose names start with {@code _}). Ops TF's registry lacks ({@code Gelu},
 * {@code Conv1D}, {@code FusedElementwise}...) are written as the TF ops of their decomposition.
 */
public final class GraphDefs {
    private GraphDefs() {}

    /** The GraphDef version written: TF 2's, so that TF reads the ops with today's semantics. */
    static final int PRODUCER = 1394;

    /** The node attribute listing the attributes that could not be written. */
    public static final String UNEXPORTED = "_jflow_unexported_attrs";

    /** The program's graph with the ops TF lacks written as TF's ops ({@link Decompose}), so TensorFlow can run it. */
    public static GraphDef toGraphDef(Program program) {
        return new Exporter(new Decompose().apply(program).graph()).run();
    }

    /** The graph with the ops TF lacks written as TF's ops ({@link Decompose}), so TensorFlow can run it. */
    public static GraphDef toGraphDef(Graph graph) { return new Exporter(Decompose.graph(graph)).run(); }

    /** One export: the GraphDef being built and the node names taken so far. */
    private static final class Exporter {
        private final Graph graph;
        private final GraphDef.Builder def = GraphDef.newBuilder().setVersions(VersionDef.newBuilder().setProducer(PRODUCER));
        private final Set<String> taken = new HashSet<>();
        private final List<Variable> variables = new ArrayList<>();
        private final List<String> handles = new ArrayList<>();

        Exporter(Graph graph) {
            this.graph = graph;
            for (Node n : graph.operations()) taken.add(n.name());
        }

        GraphDef run() {
            for (Node n : graph.operations()) def.addNode(nodeDef(n));
            return def.build();
        }

        /** {@code base}, or {@code base_1}, {@code base_2}... when a node has that name. */
        private String freshName(String base) {
            String name = base;
            for (int i = 1; !taken.add(name); i++) name = base + "_" + i;
            return name;
        }

        private NodeDef nodeDef(Node n) {
            NodeDef.Builder b = NodeDef.newBuilder().setName(n.name()).setOp(n.type()).setDevice("");
            Variable v = (Variable) n.attrs().get("variable");
            if (v != null) b.addInput(handle(v));
            for (Tensor in : n.inputs()) b.addInput(inputName(in));
            Set<String> asInputs = new HashSet<>();
            for (AttrInputs.Spec spec : AttrInputs.of(n.op())) {
                Tensor value = AttrInputs.tensor(spec, n);
                if (value == null) continue;
                String constName = constant(n.name() + "/" + spec.attr(), value);
                if (spec.position() == AttrInputs.LAST) b.addInput(constName);
                else insertInput(b, spec.position(), constName);
                if (spec.typeAttr() != null) b.putAttr(spec.typeAttr(), AttrCodec.of(DType.INT32));
                asInputs.add(spec.attr());
            }
            for (Node c : n.controlInputs()) b.addInput("^" + c.name());
            putAttrs(n, b, asInputs);
            TypeAttrs.of(n).forEach((key, value) -> {
                if (!b.containsAttr(key)) b.putAttr(key, AttrCodec.of(value));
            });
            if (n.numOutputs() > 0) b.putAttr("_output_shapes", outputShapes(n.outputs()));
            return b.build();
        }

        /** {@code n}'s attributes but those in {@code asInputs}, which went in as inputs. */
        private void putAttrs(Node n, NodeDef.Builder b, Set<String> asInputs) {
            Attrs attrs = n.attrs();
            AttrValue.ListValue.Builder unexported = AttrValue.ListValue.newBuilder();
            for (int i = 0; i < attrs.size(); i++) {
                String key = attrs.key(i);
                // A placeholder's name is the node's; the variable is the handle input.
                if (key.equals("variable") || (key.equals("name") && n.op() == GraphOps.PLACEHOLDER) || asInputs.contains(key)) continue;
                AttrValue a = AttrCodec.of(attrs.value(i));
                if (a != null) b.putAttr(key, a);
                else unexported.addS(ByteString.copyFromUtf8(key));
            }
            if (unexported.getSCount() > 0) b.putAttr(UNEXPORTED, AttrValue.newBuilder().setList(unexported).build());
        }

        /** A {@code Const} node holding {@code value}, added now; returns its name. */
        private String constant(String base, Tensor value) {
            String name = freshName(base);
            def.addNode(NodeDef.newBuilder().setName(name).setOp("Const").setDevice("")
                    .putAttr("dtype", AttrCodec.of(value.dtype()))
                    .putAttr("value", AttrCodec.of(value))
                    .putAttr("_output_shapes", outputShapes(List.of(value))));
            return name;
        }

        /** The {@code VarHandleOp} node of {@code v}, added before its first user. */
        private String handle(Variable v) {
            for (int i = 0; i < variables.size(); i++) if (variables.get(i).sameVariable(v)) return handles.get(i);
            String base = v.name().endsWith(":0") ? v.name().substring(0, v.name().length() - 2) : v.name();
            String name = freshName(base);
            variables.add(v);
            handles.add(name);
            def.addNode(NodeDef.newBuilder().setName(name).setOp("VarHandleOp").setDevice("")
                    .putAttr("container", AttrCodec.of(""))
                    .putAttr("shared_name", AttrCodec.of(base))
                    .putAttr("dtype", AttrCodec.of(v.dtype()))
                    .putAttr("shape", AttrCodec.of(v.shape()))
                    .putAttr("_output_shapes", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
                            .addShape(TensorCodec.shape(Shape.scalar()))).build()));
            return name;
        }
    }

    private static void insertInput(NodeDef.Builder b, int position, String input) {
        List<String> inputs = new ArrayList<>(b.getInputList());
        inputs.add(position, input);
        b.clearInput().addAllInput(inputs);
    }

    /** {@code node} for output 0, {@code node:i} for the others, as TF writes inputs. */
    private static String inputName(Tensor t) {
        return t.outputIndex() == 0 ? t.op().name() : t.op().name() + ":" + t.outputIndex();
    }

    private static AttrValue outputShapes(List<Tensor> outputs) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (Tensor out : outputs) list.addShape(TensorCodec.shape(out.shape()));
        return AttrValue.newBuilder().setList(list).build();
    }

    /** TF's text format of the GraphDef ({@code tf.io.write_graph(..., as_text=True)}), for reading. */
    public static String toText(GraphDef def) { return TextFormat.printer().printToString(def); }

    /**
     * Writes {@code def} to {@code path}, binary or as text, through a temporary file in the same
     * folder moved into place, so a reader never sees half a file.
     */
    public static void write(GraphDef def, Path path, boolean asText) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would stay on the moved file.
        Path tmp = dir.resolve(path.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (asText) out.write(toText(def).getBytes(StandardCharsets.UTF_8));
                else def.writeTo(out);
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code tf.io.write_graph}: the program's graph as a binary GraphDef at {@code path}. */
    public static void writeGraphDef(Program program, Path path) throws IOException { write(toGraphDef(program), path, false); }

    /** Reads a binary GraphDef. */
    public static GraphDef readGraphDef(Path path) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return GraphDef.parseFrom(in);
        }
    }
}
