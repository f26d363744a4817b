package org.jflow.io.parsing;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsing ops, registered through {@code META-INF/jflow/op-families} as TF's op libraries register theirs.
 * TF's {@code ParseExampleV2} takes the keys, defaults and shapes as inputs and list attributes; JFlow keeps the
 * whole configuration in one {@code object} attribute ({@link Features}) and reads "single or batch" off the
 * input's rank (a scalar is TF's {@code parse_single_example}, a vector {@code parse_example}).
 */
public final class ParsingOps {
    private ParsingOps() {}

    public static final Op PARSE_EXAMPLE = new Op("ParseExampleV2",
            Signature.of("serialized: string -> outputs: list(Tout)", "features: object")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Shape in = checkSerialized(inputs[0]);
            List<TensorSpec> out = new ArrayList<>();
            exampleSpecs((Features) attrs.get("features"), in, out);
            return out.toArray(TensorSpec[]::new);
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            return ExampleKernel.parse(strings(inputs[0]), inputs[0].rank() == 1, (Features) attrs.get("features"));
        }
    }.notDifferentiable();

    public static final Op PARSE_SEQUENCE_EXAMPLE = new Op("ParseSequenceExampleV2",
            Signature.of("serialized: string -> outputs: list(Tout)", "context: object", "sequence: object")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Shape in = checkSerialized(inputs[0]);
            List<TensorSpec> out = new ArrayList<>();
            exampleSpecs((Features) attrs.get("context"), in, out);
            Features sequence = (Features) attrs.get("sequence");
            boolean batched = in.rank() == 1;
            int rank = batched ? 3 : 2;
            for (Map.Entry<String, Object> e : sequence.sparse()) {
                out.add(new TensorSpec(DType.INT64, Shape.of(Shape.UNKNOWN, rank)));
                out.add(new TensorSpec(((VarLenFeature) e.getValue()).dtype(), Shape.of(Shape.UNKNOWN)));
                out.add(new TensorSpec(DType.INT64, Shape.of(rank)));
            }
            for (Map.Entry<String, Object> e : sequence.dense()) {
                FixedLenSequenceFeature f = (FixedLenSequenceFeature) e.getValue();
                Shape steps = ExampleKernel.prepend(Shape.UNKNOWN, f.shape());
                out.add(new TensorSpec(f.dtype(), batched ? ExampleKernel.prepend(in.dimsView()[0], steps) : steps));
                out.add(new TensorSpec(DType.INT64, batched ? Shape.of(in.dimsView()[0]) : Shape.of(1)));
            }
            return out.toArray(TensorSpec[]::new);
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            return SequenceExampleKernel.parse(strings(inputs[0]), inputs[0].rank() == 1,
                    (Features) attrs.get("context"), (Features) attrs.get("sequence"));
        }
    }.notDifferentiable();

    private static Shape checkSerialized(Tensor serialized) {
        Shape s = serialized.shape();
        if (serialized.dtype() != DType.STRING || s.rank() > 1) {
            throw new InvalidArgumentError("Expected serialized to be a scalar or vector of strings, got "
                    + serialized.dtype().tfName() + " of shape " + ExampleKernel.dimsText(s));
        }
        return s;
    }

    /** The output specs of an Example configuration on a scalar or (batch) vector input. */
    private static void exampleSpecs(Features spec, Shape in, List<TensorSpec> out) {
        boolean batched = in.rank() == 1;
        int batch = batched ? in.dimsView()[0] : 0;
        int rank = batched ? 2 : 1;
        for (Map.Entry<String, Object> e : spec.sparse()) {
            out.add(new TensorSpec(DType.INT64, Shape.of(Shape.UNKNOWN, rank)));
            out.add(new TensorSpec(((VarLenFeature) e.getValue()).dtype(), Shape.of(Shape.UNKNOWN)));
            out.add(new TensorSpec(DType.INT64, Shape.of(rank)));
        }
        for (Map.Entry<String, Object> e : spec.dense()) {
            FixedLenFeature f = (FixedLenFeature) e.getValue();
            out.add(new TensorSpec(f.dtype(), batched ? ExampleKernel.prepend(batch, f.shape()) : f.shape()));
        }
        for (Map.Entry<String, Object> e : spec.ragged()) {
            out.add(new TensorSpec(((RaggedFeature) e.getValue()).dtype(), Shape.of(Shape.UNKNOWN)));
            int splits = !batched ? 2 : batch >= 0 ? batch + 1 : Shape.UNKNOWN;
            out.add(new TensorSpec(DType.INT64, Shape.of(splits)));
        }
    }

    /** The serialized messages: a scalar's one or a vector's elements. */
    private static byte[][] strings(Tensor t) { return (byte[][]) t.data(); }
}
