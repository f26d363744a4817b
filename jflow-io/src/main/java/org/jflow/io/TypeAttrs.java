package org.jflow.io;

import org.jflow.DType;
import org.jflow.graph.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dtype attributes TF's op definitions declare ({@code T}, {@code Tidx}, {@code dtype}...),
 * which JFlow's nodes leave out because their tensors carry dtypes. TF needs them to load a graph
 * and TensorBoard shows them; each is read off an input or output of the node.
 */
final class TypeAttrs {
    private TypeAttrs() {}

    /** Where an attribute's dtype comes from: input {@code i} (i >= 0) or output {@code -1 - i}. */
    private record Source(String attr, int index) {}

    private static final Map<String, List<Source>> BY_OP = new LinkedHashMap<>();

    private static void declare(List<Source> sources, String... ops) {
        for (String op : ops) BY_OP.put(op, sources);
    }

    private static Source in(String attr, int i) { return new Source(attr, i); }

    private static Source out(String attr, int i) { return new Source(attr, -1 - i); }

    static {
        declare(List.of(in("T", 0)),
                "AddV2", "Add", "Sub", "Mul", "RealDiv", "Div", "DivNoNan", "FloorDiv", "FloorMod", "Maximum", "Minimum",
                "Pow", "SquaredDifference", "Neg", "Abs", "Sign", "Exp", "Log", "Log1p", "Sqrt", "Rsqrt", "Square",
                "Reciprocal", "Floor", "Ceil", "Round", "Sin", "Cos", "Tan", "Tanh", "Sigmoid", "Relu", "Relu6", "Elu",
                "Selu", "Softplus", "LeakyRelu", "Softmax", "LogSoftmax", "MatMul", "BatchMatMulV2", "BiasAdd", "Identity",
                "StopGradient", "ZerosLike", "OnesLike", "Less", "LessEqual", "Greater", "GreaterEqual", "Equal",
                "NotEqual", "Conv2D", "MaxPool", "AvgPool", "Squeeze");
        declare(List.of(in("T", 0), in("Tidx", 1)), "Sum", "Mean", "Max", "Min", "Prod");
        declare(List.of(in("T", 0), in("Tshape", 1)), "Reshape");
        declare(List.of(in("T", 0), in("Tperm", 1)), "Transpose");
        declare(List.of(in("T", 0), in("Tdim", 1)), "ExpandDims");
        declare(List.of(in("T", 0), in("Tmultiples", 1)), "Tile");
        declare(List.of(in("T", 0), out("out_type", 0)), "Shape");
        declare(List.of(in("SrcT", 0), out("DstT", 0)), "Cast");
        declare(List.of(out("dtype", 0)), "Const", "Placeholder", "ReadVariableOp");
        declare(List.of(in("dtype", 0)), "AssignVariableOp");
    }

    /** The dtype attributes TF's definition of {@code node}'s op declares, for the inputs and outputs it has. */
    static Map<String, DType> of(Node node) {
        Map<String, DType> attrs = new LinkedHashMap<>();
        for (Source s : BY_OP.getOrDefault(node.type(), List.of())) {
            if (s.index >= 0 && s.index < node.numInputs()) attrs.put(s.attr, node.input(s.index).dtype());
            int o = -1 - s.index;
            if (s.index < 0 && o < node.numOutputs()) attrs.put(s.attr, node.output(o).dtype());
        }
        return attrs;
    }
}
