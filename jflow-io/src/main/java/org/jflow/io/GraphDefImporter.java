package org.jflow.io;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.graph.Graph;
import org.jflow.graph.GraphOps;
import org.jflow.io.proto.AttrValue;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.proto.NodeDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code GraphDef} as a JFlow {@link Graph} (TF's {@code tf.graph_util.import_graph_def}), for
 * graphs whose ops JFlow has under the same name and attributes: each node's op is looked up in
 * {@link OpRegistry} and checked by its shape rule as it is added.
 *
 * <p>Nodes must come after their inputs, as in the GraphDefs JFlow and TF's Python API write.
 * Control inputs are not read: the graph chains stateful nodes in order by itself. Attributes whose
 * names start with {@code _} are TF's and JFlow's annotations and are skipped; variables
 * ({@code VarHandleOp}) are not imported yet.
 */
public final class GraphDefImporter {
    private GraphDefImporter() {}

    public static Graph toGraph(GraphDef def) {
        Graph graph = new Graph();
        Map<String, Tensor[]> outputs = new HashMap<>();
        for (NodeDef n : def.getNodeList()) {
            if (outputs.containsKey(n.getName())) {
                throw new InvalidArgumentError("Node name '" + n.getName() + "' is used twice in the GraphDef");
            }
            Attrs attrs = attrs(n);
            Tensor[] out = switch (n.getOp()) {
                case "Placeholder" -> new Tensor[] {graph.placeholder(attrs.getDType("dtype"), attrs.getShape("shape"), n.getName())};
                case "Const" -> graph.addNode(GraphOps.CONST, attrs, new Tensor[0], GraphOps.CONST.infer(new Tensor[0], attrs),
                        n.getName(), new Tensor[] {(Tensor) attrs.get("value")});
                default -> {
                    Op op = OpRegistry.get(n.getOp());
                    if (op == null || n.getOp().equals("VarHandleOp")) {
                        throw new NotFoundError("Op type not registered '" + n.getOp() + "' in JFlow (node '" + n.getName() + "')");
                    }
                    Tensor[] inputs = inputs(n, outputs);
                    yield graph.addNode(op, attrs, inputs, op.infer(inputs, attrs), n.getName(), null);
                }
            };
            outputs.put(n.getName(), out);
        }
        return graph;
    }

    /** The node's attributes, in name order, without {@code _}-prefixed annotations. */
    private static Attrs attrs(NodeDef n) {
        List<Object> kv = new ArrayList<>();
        for (Map.Entry<String, AttrValue> e : new TreeMap<>(n.getAttrMap()).entrySet()) {
            if (e.getKey().startsWith("_")) continue;
            kv.add(e.getKey());
            kv.add(AttrCodec.toValue(e.getValue()));
        }
        return Attrs.of(kv.toArray());
    }

    private static Tensor[] inputs(NodeDef n, Map<String, Tensor[]> outputs) {
        List<Tensor> inputs = new ArrayList<>();
        for (String in : n.getInputList()) {
            if (in.startsWith("^")) continue;
            int colon = in.lastIndexOf(':');
            String name = colon < 0 ? in : in.substring(0, colon);
            int index = colon < 0 ? 0 : Integer.parseInt(in.substring(colon + 1));
            Tensor[] source = outputs.get(name);
            if (source == null || index >= source.length) {
                throw new InvalidArgumentError("Node '" + n.getName() + "': input '" + in
                        + "' is not an output of an earlier node");
            }
            inputs.add(source[index]);
        }
        return inputs.toArray(new Tensor[0]);
    }
}
