package org.jflow.io;

import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.UnimplementedError;
import org.jflow.graph.Graph;
import org.jflow.graph.GraphOps;
import org.jflow.io.proto.AttrValue;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code GraphDef} as a JFlow {@link Graph} (TF's {@code tf.graph_util.import_graph_def}), for
 * graphs whose ops JFlow has under the same name and attributes: each node's op is looked up in
 * {@link OpRegistry} and checked by its shape rule as it is added.
 *
 * <p>Nodes must come after their inputs, as in the GraphDefs JFlow and TF's Python API write.
 * Control inputs are not read: the graph chains stateful nodes in order by itself. Constant inputs
 * where JFlow's op takes an attribute ({@code Sum}'s axes) are folded into it. Attributes whose
 * names start with {@code _} are TF's and JFlow's annotations and are skipped; variables
 * ({@code VarHandleOp}) are not imported yet.
 */
public final class GraphDefImporter {
    private GraphDefImporter() {}

    /**
     * The graph of a serialized {@code GraphDef}; bytes that are no GraphDef are TF's {@code InvalidArgumentError}
     * ("Invalid GraphDef", as TF's {@code TF_GraphImportGraphDef}).
     */
    public static Graph toGraph(byte[] serialized) {
        GraphDef def;
        try {
            def = GraphDef.parseFrom(serialized);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new InvalidArgumentError("Invalid GraphDef");
        }
        return toGraph(def);
    }

    /**
     * The graph of {@code def}. Every node is checked before anything of it is built: against its op's declared
     * signature ({@link NodeDefCheck}: attribute types and allowed values, input count, required attributes, with
     * TF's {@code ValidateNodeDef} errors), its tensors against their shape and what the file holds
     * ({@link TensorCodec}), attribute values against int32, and then by the op's shape rule. A node JFlow cannot
     * read is TF's error naming the node, never a Java exception ({@code GraphDefFuzzTest}).
     */
    public static Graph toGraph(GraphDef def) {
        Graph graph = new Graph();
        Map<String, NodeDef> byName = new HashMap<>();
        for (NodeDef n : def.getNodeList()) {
            if (byName.put(n.getName(), n) != null) {
                throw new InvalidArgumentError("Node name '" + n.getName() + "' is used twice in the GraphDef");
            }
        }
        Set<String> attrOnly = constantsReadAsAttrs(def, byName);
        Map<String, Tensor[]> outputs = new HashMap<>();
        for (NodeDef n : def.getNodeList()) {
            if (attrOnly.contains(n.getName())) continue;
            outputs.put(n.getName(), add(graph, n, byName, outputs));
        }
        return graph;
    }

    /**
     * The outputs of node {@code n} added to {@code graph}, once the node is held to its op's declared signature
     * ({@link NodeDefCheck}): attribute types and allowed values, then, with JFlow's attribute inputs folded,
     * the input count and the required attributes, and the inputs' dtypes against TF's definition of the op
     * ({@link org.jflow.engine.Signature#checkInputs}).
     */
    private static Tensor[] add(Graph graph, NodeDef n, Map<String, NodeDef> byName, Map<String, Tensor[]> outputs) {
        Op op = op(n);
        NodeDefCheck.attrs(n, n.getOp(), op.signature());
        List<String> dataInputs = new ArrayList<>();
        for (String in : n.getInputList()) if (!in.startsWith("^")) dataInputs.add(in);
        Attrs attrs = foldAttrInputs(n, dataInputs, byName, attrs(n));
        NodeDefCheck.complete(n, n.getOp(), op.signature(), dataInputs.size(), attrs);
        attrs = op.signature().withDefaults(attrs);
        return switch (n.getOp()) {
            // TF's Placeholder shape defaults to unknown rank
            case "Placeholder" -> new Tensor[] {graph.placeholder(attrs.getDType("dtype"),
                    attrs.has("shape") ? attrs.getShape("shape") : Shape.unknownRank(), n.getName())};
            case "Const" -> graph.addNode(GraphOps.CONST, attrs, new Tensor[0], GraphOps.CONST.infer(new Tensor[0],
                    attrs),
                    n.getName(), new Tensor[] {(Tensor) attrs.get("value")});
            default -> {
                Tensor[] inputs = inputs(n, dataInputs, outputs);
                op.signature().checkInputs(n.getOp(), inputs); // the dtypes TF's definition allows, as the dispatcher
                yield graph.addNode(op, attrs, inputs, op.infer(inputs, attrs), n.getName(), null);
            }
        };
    }

    /** The op of node {@code n}: TF's {@code NotFoundError} where JFlow has none (variables are not imported yet). */
    private static Op op(NodeDef n) {
        Op op = OpRegistry.get(n.getOp());
        if (op == null || n.getOp().equals("VarHandleOp")) {
            throw new NotFoundError("Op type not registered '" + n.getOp() + "' in JFlow (node '" + n.getName() + "')");
        }
        return op;
    }

    /** The node's attributes, in name order, without {@code _}-prefixed annotations. */
    private static Attrs attrs(NodeDef n) {
        List<Object> kv = new ArrayList<>();
        for (Map.Entry<String, AttrValue> e : new TreeMap<>(n.getAttrMap()).entrySet()) {
            if (e.getKey().startsWith("_")) continue;
            kv.add(e.getKey());
            kv.add(AttrCodec.toValue(e.getKey(), e.getValue()));
        }
        return Attrs.of(kv.toArray());
    }

    /** An input at position {@code at} that JFlow's op has as an attribute. */
    private record AttrInput(AttrInputs.Spec spec, int at) {}

    /** The inputs where JFlow's op has an attribute instead (see {@link AttrInputs}), last first. */
    private static List<AttrInput> attrInputs(NodeDef n, int dataInputs) {
        List<AttrInput> found = new ArrayList<>();
        for (AttrInputs.Spec spec : AttrInputs.of(OpRegistry.get(n.getOp())).reversed()) {
            int at = spec.position() == AttrInputs.LAST ? dataInputs - 1 : spec.position();
            // A reduction over all axes of an input of unknown rank has no axes input.
            if (at > 0 && at < dataInputs || at == 0 && dataInputs > 1) found.add(new AttrInput(spec, at));
        }
        return found;
    }

    /** The names of {@code Const} nodes read only where JFlow takes an attribute: they become no nodes. */
    private static Set<String> constantsReadAsAttrs(GraphDef def, Map<String, NodeDef> byName) {
        Set<String> asAttr = new HashSet<>();
        Set<String> asData = new HashSet<>();
        for (NodeDef n : def.getNodeList()) {
            List<String> data = n.getInputList().stream().filter(in -> !in.startsWith("^")).toList();
            Set<Integer> attrPositions = new HashSet<>();
            for (AttrInput a : attrInputs(n, data.size())) attrPositions.add(a.at);
            for (int i = 0; i < data.size(); i++) {
                NodeDef source = byName.get(nodeName(data.get(i)));
                boolean constant = source != null && source.getOp().equals("Const");
                (attrPositions.contains(i) && constant ? asAttr : asData).add(nodeName(data.get(i)));
            }
        }
        asAttr.removeAll(asData);
        return asAttr;
    }

    /** Takes the constant inputs JFlow keeps as attributes out of {@code dataInputs}, into the attributes. */
    private static Attrs foldAttrInputs(NodeDef n, List<String> dataInputs, Map<String, NodeDef> byName, Attrs attrs) {
        for (AttrInput a : attrInputs(n, dataInputs.size())) {
            AttrInputs.Spec spec = a.spec;
            String input = dataInputs.remove(a.at);
            NodeDef source = byName.get(nodeName(input));
            if (source == null || !source.getOp().equals("Const")) {
                if (spec.alsoInput()) { // JFlow's op takes it as a tensor too (Reshape's shape)
                    dataInputs.add(a.at, input);
                    continue;
                }
                throw new UnimplementedError("JFlow's " + n.getOp() + " takes '" + spec.attr() + "' as an attribute: input '"
                        + input + "' of node '" + n.getName() + "' must be a Const");
            }
            // a Const read only here becomes no node: it is held to Const's signature here
            NodeDefCheck.attrs(source, "Const", GraphOps.CONST.signature());
            NodeDefCheck.complete(source, "Const", GraphOps.CONST.signature(), 0, attrs(source));
            Tensor value = TensorCodec.toTensor(source.getAttrOrThrow("value").getTensor());
            attrs = attrs.with(spec.attr(), AttrInputs.attrValue(spec, value));
        }
        return attrs;
    }

    private static String nodeName(String input) {
        int colon = input.lastIndexOf(':');
        return colon < 0 ? input : input.substring(0, colon);
    }

    /** The output number after the colon of an input name, -1 where it is none. */
    private static int outputIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Tensor[] inputs(NodeDef n, List<String> dataInputs, Map<String, Tensor[]> outputs) {
        List<Tensor> inputs = new ArrayList<>();
        for (String in : dataInputs) {
            int colon = in.lastIndexOf(':');
            String name = nodeName(in);
            int index = colon < 0 ? 0 : outputIndex(in.substring(colon + 1));
            Tensor[] source = outputs.get(name);
            if (source == null || index < 0 || index >= source.length) {
                throw new InvalidArgumentError("Node '" + n.getName() + "': input '" + in
                        + "' is not an output of an earlier node");
            }
            inputs.add(source[index]);
        }
        return inputs.toArray(new Tensor[0]);
    }
}
