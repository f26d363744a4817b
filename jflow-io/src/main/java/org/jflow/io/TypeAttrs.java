package org.jflow.io;

import org.jflow.graph.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dtype attributes TF's op definitions declare ({@code T}, {@code Tidx}, {@code dtype}...), and
 * the input count {@code N} of ops taking a list and the output count {@code num_split} of splits, which JFlow's nodes leave out because their
 * tensors carry them. TF needs them to load a graph and TensorBoard shows them; each is read off
 * the node's inputs or outputs.
 */
final class TypeAttrs {
    private TypeAttrs() {}

    /** Where an attribute's value comes from: input {@code i}'s dtype (i >= 0), output {@code -1 - i}'s, or a count. */
    private record Source(String attr, int index) {}

    private static final int INPUT_COUNT = Integer.MIN_VALUE;
    private static final int OUTPUT_COUNT = Integer.MIN_VALUE + 1;

    private static final Map<String, List<Source>> BY_OP = new LinkedHashMap<>();

    private static void declare(List<Source> sources, String... ops) {
        for (String op : ops) BY_OP.put(op, sources);
    }

    private static Source in(String attr, int i) { return new Source(attr, i); }

    private static Source out(String attr, int i) { return new Source(attr, -1 - i); }

    private static Source inputCount() { return new Source("N", INPUT_COUNT); }

    private static Source outputCount(String attr) { return new Source(attr, OUTPUT_COUNT); }

    static {
        declare(List.of(in("T", 0)),
                "AddV2", "Add", "Sub", "Mul", "RealDiv", "Div", "DivNoNan", "FloorDiv", "FloorMod", "Maximum", "Minimum",
                "Pow", "SquaredDifference", "Neg", "Abs", "Sign", "Exp", "Log", "Log1p", "Sqrt", "Rsqrt", "Square",
                "Reciprocal", "Floor", "Ceil", "Round", "Sin", "Cos", "Tan", "Tanh", "Sigmoid", "Relu", "Relu6", "Elu",
                "Selu", "Softplus", "LeakyRelu", "Softmax", "LogSoftmax", "MatMul", "BatchMatMulV2", "BiasAdd", "Identity",
                "StopGradient", "ZerosLike", "OnesLike", "Less", "LessEqual", "Greater", "GreaterEqual", "Equal",
                "NotEqual", "Conv2D", "MaxPool", "AvgPool", "Squeeze");
        // TF ops the decompositions of ops TF lacks write (graph.Decompose)
        declare(List.of(in("T", 0)), "Erf", "IsFinite", "TopKV2", "MaxPoolGrad", "MaxPoolGradGrad", "Conv2DBackpropFilter");
        declare(List.of(in("T", 1)), "SelectV2");
        declare(List.of(in("Tindices", 0), in("T", 1)), "ScatterNd");
        declare(List.of(in("T", 0)), "AvgPoolGrad");
        declare(List.of(in("T", 0)), "Conv2DBackpropInput");
        // Their int32 inputs' type attributes come with the inputs (AttrInputs).
        declare(List.of(in("T", 0)), "Sum", "Mean", "Max", "Min", "Prod", "Reshape", "Transpose", "ExpandDims", "Tile",
                "ArgMax", "ArgMin", "Fill", "Slice", "Pad");
        declare(List.of(in("T", 0), outputCount("num_split")), "Split", "SplitV");
        declare(List.of(inputCount(), in("T", 0)), "ConcatV2");
        declare(List.of(in("Tparams", 0), in("Tindices", 1)), "GatherV2");
        declare(List.of(in("TI", 0), in("T", 1)), "OneHot");
        declare(List.of(in("T", 0), out("out_type", 0)), "Shape");
        declare(List.of(in("SrcT", 0), out("DstT", 0)), "Cast");
        declare(List.of(inputCount(), in("T", 0)), "AddN", "Pack");
        declare(List.of(inputCount()), "StringJoin");
        declare(List.of(out("dtype", 0)), "Const", "Placeholder", "ReadVariableOp");
        declare(List.of(in("dtype", 0)), "AssignVariableOp", "AssignAddVariableOp", "AssignSubVariableOp");
        // The variable is TF's first input (the handle); JFlow's nodes start at the indices.
        declare(List.of(in("Tindices", 0), in("T", 1)),
                "ResourceScatterNdUpdate", "ResourceScatterNdAdd", "ResourceScatterNdSub");
        declare(List.of(in("Tindices", 0), in("dtype", 1)), "ResourceScatterUpdate", "ResourceScatterAdd", "ResourceScatterSub");
    }

    /**
     * The attributes TF's definition of {@code node}'s op declares that JFlow leaves out: dtypes
     * (for the inputs and outputs the node has) and {@code N} as an {@code Integer}.
     */
    static Map<String, Object> of(Node node) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Source s : BY_OP.getOrDefault(node.type(), List.of())) {
            int o = -1 - s.index;
            if (s.index == INPUT_COUNT) attrs.put(s.attr, node.numInputs());
            else if (s.index == OUTPUT_COUNT) attrs.put(s.attr, node.numOutputs());
            else if (s.index >= 0 && s.index < node.numInputs()) attrs.put(s.attr, node.input(s.index).dtype());
            else if (s.index < 0 && o < node.numOutputs()) attrs.put(s.attr, node.output(o).dtype());
        }
        return attrs;
    }
}
