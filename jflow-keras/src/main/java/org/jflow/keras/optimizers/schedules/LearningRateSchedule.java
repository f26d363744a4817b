package org.jflow.keras.optimizers.schedules;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Convert;
import org.jflow.errors.ValueError;
import org.jflow.keras.PythonRepr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Keras' {@code LearningRateSchedule}: the learning rate as a function of the optimizer step
 * (its {@code iterations} variable), computed with ops in float32 as Keras does for a Python float
 * {@code initial_learning_rate}.
 */
public abstract class LearningRateSchedule {
    private static final String MODULE = "keras.optimizers.schedules";
    private static final Map<String, Function<Map<String, ?>, LearningRateSchedule>> FROM_CONFIG = Map.of(
            "ExponentialDecay", ExponentialDecay::fromConfig,
            "InverseTimeDecay", InverseTimeDecay::fromConfig,
            "PolynomialDecay", PolynomialDecay::fromConfig,
            "PiecewiseConstantDecay", PiecewiseConstantDecay::fromConfig,
            "CosineDecay", CosineDecay::fromConfig,
            "CosineDecayRestarts", CosineDecayRestarts::fromConfig);

    /** Keras' {@code schedule(step)}: {@code step} is anything {@code tf.convert_to_tensor} accepts (an int64 Variable, a Java int...). */
    public abstract Tensor call(Object step);

    /** Keras' {@code get_config()}: the constructor arguments under their Python names. */
    public abstract Map<String, Object> getConfig();

    /** The Keras class name, used by {@code serialize}. */
    public String className() { return getClass().getSimpleName(); }

    /** A Python float or int constant as Keras casts it: {@code ops.cast(value, float32)}. */
    static Tensor float32(double value) { return scalar(DType.FLOAT32, (float) value); }

    /** {@code ops.cast(step, float32)}. */
    static Tensor float32Step(Object step) { return cast(Convert.toTensor(step), DType.FLOAT32); }

    /** Keras 3's {@code serialize}: {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(LearningRateSchedule schedule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("module", MODULE);
        out.put("class_name", schedule.className());
        out.put("config", schedule.getConfig());
        out.put("registered_name", null);
        return out;
    }

    /** Keras 3's {@code deserialize}: the inverse of {@link #serialize}. */
    public static LearningRateSchedule deserialize(Map<String, ?> serialized) {
        Object className = serialized.get("class_name");
        var fromConfig = FROM_CONFIG.get(String.valueOf(className));
        if (fromConfig == null) {
            throw new ValueError("Could not locate class '" + className + "'. Make sure custom classes are decorated with "
                    + "`@keras.saving.register_keras_serializable()`. Full object config: " + PythonRepr.of(serialized));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> config = (Map<String, ?>) serialized.get("config");
        return fromConfig.apply(config == null ? Map.of() : config);
    }

    @Override
    public String toString() { return className() + getConfig(); }
}
