package org.jflow.keras.optimizers;

import org.jflow.DType;
import org.jflow.IndexedSlices;
import org.jflow.Tensor;
import org.jflow.TensorLike;
import org.jflow.Variable;
import org.jflow.engine.Convert;
import org.jflow.errors.TypeError;
import org.jflow.errors.UnimplementedError;
import org.jflow.errors.ValueError;
import org.jflow.keras.KerasConfig;
import org.jflow.keras.PythonRepr;
import org.jflow.keras.optimizers.schedules.LearningRateSchedule;
import org.jflow.raw.RawArray;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.jflow.keras.internal.TensorMath.*;

/**
 * Keras 3's optimizer base: {@code applyGradients} clips the gradients, applies weight decay, runs
 * the subclass' {@link #updateStep} on each (gradient, variable) pair with ops (so it can later be
 * traced), then increments {@code iterations}. Slot variables are created by {@link #build} on the
 * first apply, for the variables given then; other variables are refused afterwards, as in Keras.
 *
 * <p>Optional arguments are fluent setters; the subclass' own come first since the shared ones
 * return {@code Optimizer}: {@code new SGD(0.01).momentum(0.9).clipnorm(1.0)}.
 */
public abstract class Optimizer {
    private static final System.Logger LOG = System.getLogger("org.jflow.keras.optimizers");
    private static final Set<String> BASE_CONFIG_KEYS = Set.of("name", "learning_rate", "weight_decay", "clipnorm",
            "global_clipnorm", "clipvalue", "use_ema", "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor",
            "gradient_accumulation_steps");
    private static final String MODULE = "keras.optimizers";
    /** Keras looks names up lower-cased, so "adam", "Adam" and "ADAM" all resolve. */
    private static final Map<String, Function<Map<String, ?>, Optimizer>> FROM_CONFIG = Map.of(
            "sgd", SGD::fromConfig,
            "adam", Adam::fromConfig,
            "adamw", AdamW::fromConfig,
            "adamax", Adamax::fromConfig,
            "nadam", Nadam::fromConfig,
            "rmsprop", RMSprop::fromConfig,
            "adagrad", Adagrad::fromConfig,
            "adadelta", Adadelta::fromConfig,
            "ftrl", Ftrl::fromConfig);

    private String name;
    private final Variable iterations;
    private Variable learningRateVariable;
    private LearningRateSchedule learningRateSchedule;
    private Double weightDecay;
    private Double clipnorm;
    private Double clipvalue;
    private Double globalClipnorm;
    private final List<Variable> variables = new ArrayList<>();
    private final Map<Variable, Integer> trainableIndex = new IdentityHashMap<>();
    private List<Variable> trainableVariables = List.of();
    private boolean built;
    private final Set<Variable> excludedFromWeightDecay = Collections.newSetFromMap(new IdentityHashMap<>());
    private Pattern excludedFromWeightDecayNames;

    protected Optimizer(String name, double learningRate) {
        this.name = name;
        this.iterations = track(new Variable(0L, o -> o.name("iteration").trainable(false)));
        learningRate(learningRate);
    }

    protected Optimizer(String name, LearningRateSchedule learningRate) {
        this.name = name;
        this.iterations = track(new Variable(0L, o -> o.name("iteration").trainable(false)));
        learningRate(learningRate);
    }

    // ---- the update rule, per optimizer ----

    /** Creates the slot variables for {@code vars} (Keras' {@code build} after the base part). */
    protected abstract void createSlots(List<Variable> vars);

    /** Updates {@code variable} and its slots from {@code gradient}; {@code learningRate} is the current rate (float32). */
    protected abstract void updateStep(Tensor gradient, Variable variable, Tensor learningRate);

    /**
     * Updates {@code variable} from a sparse gradient (an embedding's or gather's {@link IndexedSlices}).
     * As in Keras 3, an optimizer whose update mixes the gradient with dense state densifies it
     * (this default); SGD without momentum overrides it to update only the touched rows.
     */
    protected void updateStep(IndexedSlices gradient, Variable variable, Tensor learningRate) {
        updateStep(gradient.value(), variable, learningRate);
    }

    /** Runs {@link #updateStep} on each pair; Nadam overrides it to advance state shared by all variables first. */
    protected void updateSteps(List<? extends TensorLike> grads, List<Variable> vars, Tensor learningRate) {
        for (int i = 0; i < grads.size(); i++) {
            switch (grads.get(i)) {
                case IndexedSlices s -> updateStep(s, vars.get(i), learningRate);
                case TensorLike t -> updateStep(t.value(), vars.get(i), learningRate);
            }
        }
    }

    /** The optimizer's own {@code get_config()} entries, after the shared ones. */
    protected abstract void putConfig(Map<String, Object> config);

    /** Sets the optimizer's own hyperparameters from a config ({@link #configKeys} only). */
    protected abstract void readConfig(Map<String, ?> config);

    /** The keys {@link #putConfig} writes. */
    protected abstract Set<String> configKeys();

    // ---- applying gradients ----

    /** Python's {@code zip(grads, vars)}, for {@code applyGradients(zip(grads, vars))}. */
    public static List<Map.Entry<TensorLike, Variable>> zip(List<? extends TensorLike> grads, List<Variable> vars) {
        List<Map.Entry<TensorLike, Variable>> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(grads.size(), vars.size()); i++) {
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(grads.get(i), vars.get(i)));
        }
        return pairs;
    }

    /** {@code optimizer.apply_gradients(zip(grads, vars))}; returns {@code iterations}. */
    public Variable applyGradients(List<? extends Map.Entry<? extends TensorLike, Variable>> gradsAndVars) {
        List<TensorLike> grads = new ArrayList<>();
        List<Variable> vars = new ArrayList<>();
        for (var pair : gradsAndVars) {
            grads.add(pair.getKey());
            vars.add(pair.getValue());
        }
        apply(grads, vars);
        return iterations;
    }

    /** {@code applyGradients(zip(grads, vars))} without the zip; returns {@code iterations}. */
    public Variable applyGradients(List<? extends TensorLike> grads, List<Variable> vars) {
        apply(grads, vars);
        return iterations;
    }

    /** Keras' {@code apply(grads)}: the gradients of the variables the optimizer was built with, in that order. */
    public void apply(List<? extends TensorLike> grads) {
        if (!built) {
            throw new ValueError("When passing `grads` without `variables`, the optimizer must already be built on a list "
                    + "of variables. Call `optimizer.build(trainable_variables)` first. ");
        }
        if (grads.size() != trainableIndex.size()) {
            throw new ValueError("When passing `grads` as a list of gradient tensors, the gradients must match "
                    + "`optimizer.variables` one-to-on. Received a list of " + grads.size() + " gradients, but the "
                    + "optimizer is tracking " + trainableVariables.size() + " trainable variables.");
        }
        apply(grads, trainableVariables);
    }

    /** Keras' {@code apply(grads, trainable_variables)}: builds on first use, skips null gradients with a warning. */
    public void apply(List<? extends TensorLike> grads, List<Variable> vars) {
        if (grads.isEmpty()) return;
        if (grads.size() != vars.size()) {
            throw new ValueError("Expected one gradient per variable. Received " + grads.size() + " gradients for "
                    + vars.size() + " variables.");
        }
        build(vars);
        checkVariablesAreKnown(vars);
        List<TensorLike> presentGrads = new ArrayList<>();
        List<Variable> presentVars = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < grads.size(); i++) {
            if (grads.get(i) == null) {
                missing.add("'" + vars.get(i).name() + "'");
            } else {
                presentGrads.add(grads.get(i) instanceof IndexedSlices s ? s.cast(vars.get(i).dtype()) : cast(grads.get(i), vars.get(i).dtype()));
                presentVars.add(vars.get(i));
            }
        }
        if (presentGrads.isEmpty()) throw new ValueError("No gradients provided for any variable.");
        if (!missing.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Gradients do not exist for variables " + missing + " when minimizing the "
                    + "loss. If using `model.compile()`, did you forget to provide a `loss` argument?");
        }
        List<? extends TensorLike> clipped = clipGradients(presentGrads);
        applyWeightDecay(presentVars);
        updateSteps(clipped, presentVars, currentLearningRate());
        iterations.assignAdd(1L);
        // Keras: "Apply variable constraints after applying gradients" (add_weight(constraint=), tf.Variable's too)
        for (Variable v : presentVars) {
            if (v.constraint() != null) v.assign(v.constraint().apply(v.value()));
        }
    }

    /**
     * Keras' {@code minimize(loss, var_list)} with the gradients of {@link GradientFunction#tape()}.
     * Returns {@code iterations}.
     */
    public Variable minimize(Supplier<? extends TensorLike> loss, List<Variable> vars) {
        return minimize(loss, vars, GradientFunction.tape());
    }

    /** {@code minimize} with the given way of computing gradients. */
    public Variable minimize(Supplier<? extends TensorLike> loss, List<Variable> vars, GradientFunction gradients) {
        return applyGradients(gradients.gradients(loss, vars), vars);
    }

    /** Keras' {@code build(variables)}: creates the slot variables once; later calls do nothing. */
    public final void build(List<Variable> vars) {
        if (built) return;
        for (int i = 0; i < vars.size(); i++) trainableIndex.put(vars.get(i), i);
        trainableVariables = List.copyOf(vars);
        createSlots(trainableVariables);
        built = true;
    }

    public boolean built() { return built; }

    private void checkVariablesAreKnown(List<Variable> vars) {
        for (Variable v : vars) {
            if (!trainableIndex.containsKey(v)) {
                throw new ValueError("Unknown variable: " + v + ". This optimizer can only be called for the variables it "
                        + "was originally built with. When working with a new set of variables, you should recreate a new "
                        + "optimizer instance.");
            }
        }
    }

    // ---- state, as Keras saves it ----

    /** Keras' {@code save_own_variables(store)}: {@code store["0"]}, {@code store["1"]}... hold {@link #variables()} in order. */
    public void saveOwnVariables(Map<String, ? super Tensor> store) {
        for (int i = 0; i < variables.size(); i++) store.put(String.valueOf(i), variables.get(i).value());
    }

    /** Keras' {@code load_own_variables(store)}: skipped with a warning when the counts differ (e.g. not built yet). */
    public void loadOwnVariables(Map<String, ?> store) {
        if (store.size() != variables.size()) {
            String msg = "Skipping variable loading for optimizer '" + name + "', because it has " + variables.size()
                    + " variables whereas the saved optimizer has " + store.size() + " variables. ";
            if (variables.isEmpty()) msg += "This is likely because the optimizer has not been called/built yet.";
            LOG.log(System.Logger.Level.WARNING, msg);
            return;
        }
        for (int i = 0; i < variables.size(); i++) variables.get(i).assign(store.get(String.valueOf(i)));
    }

    /** Keras' {@code set_weights(weights)}: values for {@link #variables()}, in order, once built. */
    public void setWeights(List<?> weights) {
        if (!built) {
            throw new ValueError("You are calling `set_weights()` on an optimizer that has not yet been built. Please call "
                    + "`optimizer.build(trainable_variables)` to create the optimizer weights before calling `set_weights()`.");
        }
        for (int i = 0; i < Math.min(variables.size(), weights.size()); i++) {
            Variable v = variables.get(i);
            Tensor w = cast(Convert.toTensor(weights.get(i)), v.dtype());
            if (!v.shape().equals(w.shape())) {
                throw new ValueError("Optimizer variable " + v.name() + " has shape " + v.shape()
                        + " not compatible with provided weight shape " + w.shape() + ".");
            }
            v.assign(w);
        }
    }

    // ---- slot variables ----

    /** Keras' {@code add_optimizer_variables}: one zero-filled slot per variable, named {@code <variable>_<slot>}. */
    protected final List<Variable> addOptimizerVariables(List<Variable> vars, String slot) {
        return addOptimizerVariables(vars, slot, 0.0);
    }

    /** Slots filled with {@code initialValue} (Adagrad's and Ftrl's accumulators). */
    protected final List<Variable> addOptimizerVariables(List<Variable> vars, String slot, double initialValue) {
        List<Variable> slots = new ArrayList<>();
        for (Variable v : vars) {
            String slotName = v.name().replace(":0", "").replace('/', '_') + "_" + slot;
            Tensor init = full(v, initialValue);
            slots.add(addVariable(init, slotName));
        }
        return slots;
    }

    /** A non-trainable optimizer variable, listed in {@link #variables()}. */
    protected final Variable addVariable(Object initialValue, String variableName) {
        return track(new Variable(initialValue, o -> o.name(variableName).trainable(false)));
    }

    private Variable track(Variable v) {
        variables.add(v);
        return v;
    }

    /** The slot of {@code variable} in a list made by {@link #addOptimizerVariables}. */
    protected final Variable slot(List<Variable> slots, Variable variable) { return slots.get(trainableIndex.get(variable)); }

    /** {@code iterations + offset} as a float of {@code dtype}: Keras' {@code ops.cast(self.iterations + 1, dtype)}. */
    protected final Tensor step(long offset, DType dtype) { return cast(add(iterations, offset), dtype); }

    // ---- clipping and weight decay ----

    /** Clipped gradients; clipping densifies sparse ones (Keras' clipping runs dense ops). */
    private List<? extends TensorLike> clipGradients(List<TensorLike> sparseOrDense) {
        if (!(clipnorm != null && clipnorm > 0 || globalClipnorm != null && globalClipnorm > 0 || clipvalue != null && clipvalue > 0)) {
            return sparseOrDense;
        }
        List<Tensor> grads = sparseOrDense.stream().map(TensorLike::value).toList();
        List<Tensor> out = new ArrayList<>(grads.size());
        if (clipnorm != null && clipnorm > 0) {
            for (Tensor g : grads) out.add(clipByNorm(g, clipnorm));
        } else if (globalClipnorm != null && globalClipnorm > 0) {
            out.addAll(clipByGlobalNorm(grads, globalClipnorm));
        } else if (clipvalue != null && clipvalue > 0) {
            for (Tensor g : grads) out.add(clipByValue(g, -clipvalue, clipvalue));
        } else {
            return grads;
        }
        return out;
    }

    /** Keras' {@code clip_by_global_norm}: a NaN or infinite norm makes every gradient NaN. */
    private static List<Tensor> clipByGlobalNorm(List<Tensor> grads, double clipNorm) {
        List<Tensor> squaredNorms = new ArrayList<>();
        for (Tensor g : grads) squaredNorms.add(sum(square(g)));
        Tensor norm = sqrt(sum(RawArray.pack(squaredNorms, 0)));
        Tensor scaleForFinite = mul(clipNorm, minimum(div(1.0, norm), 1.0 / clipNorm));
        Tensor scale = add(scaleForFinite, sub(norm, norm));
        List<Tensor> out = new ArrayList<>();
        for (Tensor g : grads) out.add(mul(g, cast(scale, g.dtype())));
        return out;
    }

    private void applyWeightDecay(List<Variable> vars) {
        if (weightDecay == null) return;
        for (Variable v : vars) {
            if (!usesWeightDecay(v)) continue;
            Tensor lr = cast(currentLearningRate(), v.dtype());
            v.assignSub(mul(mul(v, weightDecay), lr));
        }
    }

    private boolean usesWeightDecay(Variable v) {
        if (excludedFromWeightDecay.contains(v)) return false;
        return excludedFromWeightDecayNames == null || !excludedFromWeightDecayNames.matcher(v.name()).find();
    }

    /**
     * Keras' {@code exclude_from_weight_decay(var_list, var_names)}: these variables, and those whose
     * name contains one of {@code varNames} (regular expressions), are not decayed. Only before build.
     */
    public Optimizer excludeFromWeightDecay(List<Variable> varList, List<String> varNames) {
        if (built) throw new ValueError("`exclude_from_weight_decay()` can only be configued before the optimizer is built.");
        excludedFromWeightDecay.clear();
        if (varList != null) excludedFromWeightDecay.addAll(varList);
        excludedFromWeightDecayNames = varNames == null || varNames.isEmpty() ? null
                : Pattern.compile(String.join("|", new HashSet<>(varNames)));
        return this;
    }

    // ---- learning rate and iterations ----

    /**
     * The learning-rate variable, for {@code opt.learningRate().assign(0.005)}; an optimizer built on
     * a schedule has none, as in Keras.
     */
    public Variable learningRate() {
        if (learningRateVariable == null) throw notSettable();
        return learningRateVariable;
    }

    /** tf.keras 2's alias {@code optimizer.lr}, as in the tutorials' {@code model.optimizer.lr.assign(model.optimizer.lr / 2.0)}. */
    public Variable lr() { return learningRate(); }

    /** Keras' {@code optimizer.learning_rate = value}: assigns the variable. */
    public Optimizer learningRate(double learningRate) {
        if (learningRateSchedule != null) throw notSettable();
        if (learningRateVariable == null) {
            learningRateVariable = track(new Variable((float) learningRate, o -> o.name("learning_rate").trainable(false)));
        } else {
            learningRateVariable.assign((float) learningRate);
        }
        return this;
    }

    /** Keras' {@code optimizer.learning_rate = schedule}: the schedule replaces the variable. */
    public Optimizer learningRate(LearningRateSchedule schedule) {
        if (learningRateVariable != null) variables.remove(learningRateVariable);
        learningRateVariable = null;
        learningRateSchedule = schedule;
        return this;
    }

    private static TypeError notSettable() {
        return new TypeError("This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` "
                + "constructor argument, hence its learning rate is not settable. If you need the learning rate to be "
                + "settable, you should instantiate the optimizer with a float `learning_rate` argument.");
    }

    /** The schedule, or null when the rate is a variable. */
    public LearningRateSchedule learningRateSchedule() { return learningRateSchedule; }

    /** Keras' {@code optimizer.learning_rate} value: the variable's value, or the schedule at {@code iterations}. */
    public Tensor currentLearningRate() {
        return learningRateSchedule != null ? learningRateSchedule.call(iterations) : learningRateVariable.value();
    }

    /** The int64 count of applied updates. */
    public Variable iterations() { return iterations; }

    /** The optimizer's own variables: {@code iteration}, {@code learning_rate}, then the slots in build order. */
    public List<Variable> variables() { return List.copyOf(variables); }

    public String name() { return name; }

    public Optimizer name(String name) { this.name = name; return this; }

    // ---- shared options ----

    public Double weightDecay() { return weightDecay; }

    /** Decoupled weight decay: before each update, {@code v -= v * weightDecay * learningRate}; null disables it. */
    public Optimizer weightDecay(Double weightDecay) { this.weightDecay = weightDecay; return this; }

    public Double clipnorm() { return clipnorm; }

    /** Clips each gradient to this L2 norm ({@code tf.clip_by_norm}). */
    public Optimizer clipnorm(Double clipnorm) { checkOneClip(clipnorm, clipvalue, globalClipnorm); this.clipnorm = clipnorm; return this; }

    public Double clipvalue() { return clipvalue; }

    /** Clips each gradient element to {@code [-clipvalue, clipvalue]}. */
    public Optimizer clipvalue(Double clipvalue) { checkOneClip(clipnorm, clipvalue, globalClipnorm); this.clipvalue = clipvalue; return this; }

    public Double globalClipnorm() { return globalClipnorm; }

    /** Scales all gradients together so that their global L2 norm is at most this. */
    public Optimizer globalClipnorm(Double globalClipnorm) {
        checkOneClip(clipnorm, clipvalue, globalClipnorm);
        this.globalClipnorm = globalClipnorm;
        return this;
    }

    private static void checkOneClip(Double clipnorm, Double clipvalue, Double globalClipnorm) {
        int set = (clipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0) + (globalClipnorm != null ? 1 : 0);
        if (set > 1) {
            throw new ValueError("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm="
                    + py(clipnorm) + ", clipvalue=" + py(clipvalue) + ", global_clipnorm=" + py(globalClipnorm));
        }
    }

    private static String py(Double d) { return PythonRepr.of(d); }

    // ---- config ----

    /**
     * Keras' {@code get_config()}: the same keys and values (the learning rate read back from its
     * float32 variable, a schedule serialized), ready to be written as a {@code .keras} config.
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("learning_rate", learningRateSchedule != null ? LearningRateSchedule.serialize(learningRateSchedule)
                : (double) learningRateVariable.value().floatValue());
        c.put("weight_decay", weightDecay);
        c.put("clipnorm", clipnorm);
        c.put("global_clipnorm", globalClipnorm);
        c.put("clipvalue", clipvalue);
        c.put("use_ema", false);
        c.put("ema_momentum", 0.99);
        c.put("ema_overwrite_frequency", null);
        c.put("loss_scale_factor", null);
        c.put("gradient_accumulation_steps", null);
        putConfig(c);
        return c;
    }

    /** Applies a {@code get_config()} map to a freshly constructed optimizer: the body of each {@code fromConfig}. */
    protected static <T extends Optimizer> T configure(T optimizer, Map<String, ?> config) {
        if (config.get("decay") != null) {
            LOG.log(System.Logger.Level.WARNING, "Argument `decay` is no longer supported and will be ignored.");
        }
        Set<String> known = new HashSet<>(BASE_CONFIG_KEYS);
        known.add("decay");
        known.addAll(optimizer.configKeys());
        KerasConfig.checkKnown(config, known);
        if (KerasConfig.getBoolean(config, "use_ema", false) || config.get("loss_scale_factor") != null
                || config.get("gradient_accumulation_steps") != null) {
            throw new UnimplementedError("use_ema, loss_scale_factor and gradient_accumulation_steps are not supported yet");
        }
        Object lr = config.get("learning_rate");
        if (lr instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> serialized = (Map<String, ?>) m;
            optimizer.learningRate(LearningRateSchedule.deserialize(serialized));
        } else if (lr != null) {
            optimizer.learningRate(((Number) lr).doubleValue());
        }
        optimizer.name(KerasConfig.getString(config, "name", optimizer.name()));
        optimizer.weightDecay(config.containsKey("weight_decay") ? KerasConfig.getNullableDouble(config, "weight_decay")
                : optimizer.weightDecay());
        optimizer.clipnorm(KerasConfig.getNullableDouble(config, "clipnorm"));
        optimizer.clipvalue(KerasConfig.getNullableDouble(config, "clipvalue"));
        optimizer.globalClipnorm(KerasConfig.getNullableDouble(config, "global_clipnorm"));
        optimizer.readConfig(config);
        return optimizer;
    }

    /** Keras 3's {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(Optimizer optimizer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("module", MODULE);
        out.put("class_name", optimizer.getClass().getSimpleName());
        out.put("config", optimizer.getConfig());
        out.put("registered_name", null);
        return out;
    }

    /** Keras 3's {@code deserialize}: the class looked up case-insensitively, as Keras does for built-ins. */
    public static Optimizer deserialize(Map<String, ?> serialized) {
        Object className = serialized.get("class_name");
        var fromConfig = FROM_CONFIG.get(String.valueOf(className).toLowerCase(Locale.ROOT));
        if (fromConfig == null) {
            throw new ValueError("Could not locate class '" + className + "'. Make sure custom classes are decorated with "
                    + "`@keras.saving.register_keras_serializable()`. Full object config: " + PythonRepr.of(serialized));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> config = (Map<String, ?>) serialized.get("config");
        return fromConfig.apply(config == null ? Map.of() : config);
    }
    @Override
    public String toString() { return "<keras.optimizers." + getClass().getSimpleName() + " '" + name + "'>"; }
}
