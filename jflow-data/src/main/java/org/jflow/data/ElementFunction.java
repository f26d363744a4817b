package org.jflow.data;

import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.engine.TensorSpec;
import org.jflow.graph.ConcreteFunction;
import org.jflow.graph.FunctionOptions;
import org.jflow.graph.PolymorphicFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A user function over dataset elements, traced once into a graph on the input's element spec, as
 * tf.data traces {@code map_func}: the graph has one placeholder per tensor of the element (unknown
 * dims stay unknown, so one trace serves every element), and each call runs the graph on the
 * element's tensors. The output structure is recorded at the trace. Elements that hold nested
 * datasets cannot be graph inputs; for those, and under {@code tf.config.run_functions_eagerly(True)},
 * the Java function runs per element.
 */
final class ElementFunction {
    private final Object inputSpec;
    private final Function<Object, ?> fn;
    private final ConcreteFunction traced;
    private Object outputTemplate;

    @SuppressWarnings("unchecked")
    ElementFunction(Dataset<?> input, Function<?, ?> fn) { this(input.elementSpec(), (Function<Object, ?>) fn); }

    private ElementFunction(Object inputSpec, Function<Object, ?> fn) {
        this.inputSpec = inputSpec;
        this.fn = fn;
        List<Object> specs = Structure.leaves(inputSpec);
        boolean traceable = specs.stream().allMatch(s -> s instanceof TensorSpec);
        if (!traceable || PolymorphicFunction.runsEagerly()) {
            traced = null;
            return;
        }
        PolymorphicFunction<Tensor[]> function = new PolymorphicFunction<>(this::body, specs.size(), fn,
                new FunctionOptions().name("dataset_fn").inputSignature(specs.toArray(new TensorSpec[0])));
        traced = function.getConcreteFunction(specs.toArray());
    }

    /** A function of (state, element), for {@code reduce} and {@code scan}. */
    static ElementFunction ofPair(Object stateSpec, Object elementSpec, BiFunction<Object, Object, ?> fn) {
        return new ElementFunction(Tuple.of(stateSpec, elementSpec), pair -> {
            List<?> p = (List<?>) pair;
            return fn.apply(p.get(0), p.get(1));
        });
    }

    /** The trace: the placeholders packed as an element, the Java function, its result flattened. */
    private Tensor[] body(Object[] placeholders) {
        Object element = Structure.pack(inputSpec, List.of(placeholders));
        Object result = Structure.toTensors(fn.apply(element));
        outputTemplate = result;
        List<Object> leaves = Structure.leaves(result);
        return leaves.stream().map(Structure::tensor).toArray(Tensor[]::new);
    }

    /** The function applied to one element. */
    Object apply(Object element) {
        if (traced == null) return Structure.toTensors(fn.apply(element));
        List<Object> leaves = Structure.leaves(element);
        Tensor[] args = new Tensor[leaves.size()];
        for (int i = 0; i < args.length; i++) args[i] = Structure.tensor(leaves.get(i));
        return Structure.pack(outputTemplate, List.of(traced.callFlat(args)));
    }

    /**
     * The spec of the results: from the trace's symbolic outputs, or, for a function run per
     * element, null (found from the first element by the caller).
     */
    Object outputSpec() {
        if (traced == null) return null;
        List<Object> specs = new ArrayList<>();
        for (Tensor t : traced.outputs()) specs.add(new TensorSpec(t.dtype(), t.shape()));
        return Structure.pack(outputTemplate, specs);
    }
}
