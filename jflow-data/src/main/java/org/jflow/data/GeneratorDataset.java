package org.jflow.data;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Convert;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Dataset.from_generator}: each pass asks the supplier for a fresh iterator and converts what
 * it yields to the declared signature (a structure of {@link TensorSpec}s, or of {@link DType}s for
 * TF's older {@code output_types}, whose shapes are then unknown).
 */
final class GeneratorDataset<T> extends Dataset<T> {
    private final Supplier<? extends Iterator<?>> generator;
    private final Object signature;

    GeneratorDataset(Supplier<? extends Iterator<?>> generator, Object signature) {
        this.generator = generator;
        this.signature = Structure.map(signature, leaf -> switch (leaf) {
            case TensorSpec s -> s;
            case DType d -> new TensorSpec(d, Shape.unknownRank());
            default -> throw new org.jflow.errors.TypeError("output_signature must contain TensorSpec or DType objects, got "
                    + leaf);
        });
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<?> source = generator.get();
        return new ElementIterator<>() {
            @Override
            @SuppressWarnings("unchecked")
            protected T advance() { return source.hasNext() ? (T) conform(source.next()) : null; }
        };
    }

    /** A yielded value as tensors of the signature's dtypes, with TF's errors for other structures or shapes. */
    private Object conform(Object value) {
        List<Object> specs = Structure.leaves(signature);
        List<Object> values = specs.size() == 1 && !(signature instanceof java.util.Collection<?> || signature instanceof java.util.Map<?, ?>)
                ? List.of(value) : Structure.leaves(value);
        if (values.size() != specs.size()) {
            throw new InvalidArgumentError("TypeError: `generator` yielded an element that did not match the expected "
                    + "structure. The expected structure was " + signature + ", but the yielded element was " + value + ".");
        }
        Tensor[] out = new Tensor[specs.size()];
        for (int i = 0; i < out.length; i++) {
            TensorSpec spec = (TensorSpec) specs.get(i);
            Tensor t;
            try {
                t = Convert.toTensor(values.get(i), spec.dtype());
            } catch (RuntimeException e) {
                throw new InvalidArgumentError("TypeError: `generator` yielded an element that could not be converted to "
                        + "the expected type. The expected type was " + spec.dtype().tfName() + ", but the yielded element was "
                        + values.get(i) + ".");
            }
            if (!spec.shape().isCompatibleWith(t.shape())) {
                throw new InvalidArgumentError("TypeError: `generator` yielded an element of shape " + t.shape()
                        + " where an element of shape " + spec.shape() + " was expected.");
            }
            out[i] = t;
        }
        return Structure.pack(signature, List.of(out));
    }

    @Override
    public Object elementSpec() { return signature; }
}
