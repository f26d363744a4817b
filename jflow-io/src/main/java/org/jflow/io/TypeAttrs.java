package org.jflow.io;

import org.jflow.engine.Signature;
import org.jflow.engine.TfDef;
import org.jflow.graph.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type and number attributes TF's definition of a node's op declares ({@code T}, {@code Tidx}, {@code dtype},
 * {@code N}, {@code num_split}), which JFlow's nodes leave out because their tensors carry them. TF needs them to
 * load a graph and TensorBoard shows them; each is read off the node's inputs and outputs where the op's
 * {@link TfDef} types them, so no op is listed here.
 */
final class TypeAttrs {
    private TypeAttrs() {}

    /**
     * The attributes TF's definition of {@code node}'s op declares that JFlow leaves out: dtypes (for the inputs
     * and outputs the node has) and the lengths of lists, as {@code Integer}s.
     */
    static Map<String, Object> of(Node node) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        Signature sig = node.op().signature();
        TfDef tf = sig.tf();
        if (tf == null) return attrs;
        int n = node.numInputs();
        for (TfDef.Arg a : tf.inputs()) {
            if (!a.isInput()) continue;
            int count = sig.countOfArg(a.jflowArg(), n);
            if (a.numberAttr() != null) attrs.putIfAbsent(a.numberAttr(), count);
            if (a.typeAttr() != null && !a.typeList() && count > 0) {
                attrs.putIfAbsent(a.typeAttr(), node.input(sig.firstOf(a.jflowArg(), n)).dtype());
            }
        }
        List<TfDef.Arg> outputs = tf.outputs();
        int listed = node.numOutputs() - (outputs.size() - 1); // the length of an output list, where there is one
        for (int k = 0, o = 0; k < outputs.size() && o < node.numOutputs(); k++) {
            TfDef.Arg a = outputs.get(k);
            int count = a.numberAttr() != null ? listed : 1;
            if (a.numberAttr() != null) attrs.putIfAbsent(a.numberAttr(), count);
            if (a.typeAttr() != null && !a.typeList() && count > 0) attrs.putIfAbsent(a.typeAttr(), node.output(o).dtype());
            o += count;
        }
        return attrs;
    }
}
