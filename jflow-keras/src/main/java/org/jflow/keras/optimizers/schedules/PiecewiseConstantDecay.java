package org.jflow.keras.optimizers.schedules;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Convert;
import org.jflow.errors.ValueError;
import org.jflow.keras.KerasConfig;
import org.jflow.keras.PythonRepr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * {@code values[0]} while {@code step <= boundaries[0]}, {@code values[i]} while
 * {@code boundaries[i-1] < step <= boundaries[i]}, {@code values[-1]} after the last boundary.
 * Values keep their Java dtype as Python's would (a double is float32, an int int32); boundaries are
 * cast to the step's dtype.
 */
public final class PiecewiseConstantDecay extends LearningRateSchedule {
    private static final Set<String> KEYS = Set.of("boundaries", "values", "name");

    private final List<Number> boundaries;
    private final List<Number> values;
    private final String name;

    public PiecewiseConstantDecay(List<? extends Number> boundaries, List<? extends Number> values) {
        this(boundaries, values, "PiecewiseConstant");
    }

    public PiecewiseConstantDecay(List<? extends Number> boundaries, List<? extends Number> values, String name) {
        if (boundaries.size() != values.size() - 1) {
            throw new ValueError("The length of boundaries should be 1 less than the length of values. Received: boundaries="
                    + PythonRepr.of(boundaries) + " of length " + boundaries.size() + ", and values=" + PythonRepr.of(values)
                    + " of length " + values.size() + ".");
        }
        this.boundaries = List.copyOf(boundaries);
        this.values = List.copyOf(values);
        this.name = name;
    }

    @Override
    public Tensor call(Object step) {
        Tensor x = Convert.toTensor(step);
        List<Tensor> bounds = new ArrayList<>();
        for (Number b : boundaries) bounds.add(cast(Convert.toTensor(b), x.dtype()));
        List<Tensor> vals = new ArrayList<>();
        for (Number v : values) vals.add(Convert.toTensor(v));
        DType resultType = vals.getFirst().dtype();
        Tensor result = add(scalar(resultType, 0),
                mul(cast(lessEqual(x, bounds.getFirst()), resultType), vals.getFirst()));
        result = add(result, mul(cast(greater(x, bounds.getLast()), resultType), vals.getLast()));
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Tensor inRange = logicalAnd(greater(x, bounds.get(i)), lessEqual(x, bounds.get(i + 1)));
            result = add(result, mul(cast(inRange, resultType), vals.get(i + 1)));
        }
        return result;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("boundaries", boundaries);
        c.put("values", values);
        c.put("name", name);
        return c;
    }

    public static PiecewiseConstantDecay fromConfig(Map<String, ?> c) {
        KerasConfig.checkKnown(c, KEYS);
        return new PiecewiseConstantDecay(numbers(c.get("boundaries")), numbers(c.get("values")),
                KerasConfig.getString(c, "name", "PiecewiseConstant"));
    }

    private static List<Number> numbers(Object list) {
        List<Number> out = new ArrayList<>();
        for (Object o : (List<?>) list) out.add((Number) o);
        return out;
    }
}
