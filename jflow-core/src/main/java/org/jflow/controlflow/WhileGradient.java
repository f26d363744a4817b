package org.jflow.controlflow;

import org.jflow.DType;
import org.jflow.GradientTape;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.Recorder;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.errors.UnimplementedError;
import org.jflow.raw.RawArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient of {@code While}: a {@code WhileGrad} node (JFlow's own op) whose kernel runs the
 * loop again from the same inputs, op by op under a tape and without its side effects, then
 * differentiates the final loop variables w.r.t. the While's inputs given the upstream gradients.
 * The tape keeps every iteration's intermediates until then, as TF's gradient loop keeps its
 * accumulators. Its own gradient (second order through a loop) is not written.
 */
final class WhileGradient {
    private WhileGradient() {}

    private static boolean trainable(Tensor t) { return t.dtype().isFloating() || t.dtype().isComplex(); }

    static Tensor[] apply(GradientContext g, Tensor[] upstream) {
        Tensor[] inputs = g.inputs(), outputs = g.outputs();
        List<Integer> wrt = new ArrayList<>(), seeded = new ArrayList<>();
        for (int k = 0; k < inputs.length; k++) if (g.needs(k) && trainable(inputs[k])) wrt.add(k);
        for (int j = 0; j < outputs.length; j++) if (upstream[j] != null && trainable(outputs[j])) seeded.add(j);
        Tensor[] result = new Tensor[inputs.length];
        if (wrt.isEmpty() || seeded.isEmpty()) return result;
        DType[] dtypes = new DType[wrt.size()];
        Shape[] shapes = new Shape[wrt.size()];
        for (int i = 0; i < dtypes.length; i++) {
            dtypes[i] = inputs[wrt.get(i)].dtype();
            shapes[i] = inputs[wrt.get(i)].shape();
        }
        List<Tensor> gradInputs = new ArrayList<>(Arrays.asList(inputs));
        for (int j : seeded) gradInputs.add(upstream[j]);
        Attrs attrs = Attrs.of("cond", g.attrs().get("cond"), "body", g.attrs().get("body"), "num_loop_vars", outputs.length,
                "wrt", toArray(wrt), "seeded", toArray(seeded), "Tout", dtypes, "output_shapes", shapes);
        Tensor[] grads = Dispatcher.execute(WHILE_GRAD, attrs, gradInputs.toArray(new Tensor[0]));
        for (int i = 0; i < grads.length; i++) result[wrt.get(i)] = grads[i];
        return result;
    }

    private static int[] toArray(List<Integer> xs) { return xs.stream().mapToInt(Integer::intValue).toArray(); }

    /** Inputs: the While's inputs, then the upstream gradient of each seeded output; outputs: the gradient of each wrt input. */
    static final Op WHILE_GRAD = new Op("WhileGrad", Signature.of("input: list(T) -> output: list(Tout)",
            "cond: func", "body: func", "num_loop_vars: int", "wrt: list(int)", "seeded: list(int)",
            "Tout: list(type)", "output_shapes: list(shape)")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            DType[] dtypes = (DType[]) attrs.get("Tout");
            Shape[] shapes = (Shape[]) attrs.get("output_shapes");
            TensorSpec[] out = new TensorSpec[dtypes.length];
            for (int i = 0; i < out.length; i++) out[i] = new TensorSpec(dtypes[i], shapes[i]);
            return out;
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            BranchFunction cond = (BranchFunction) attrs.get("cond"), body = (BranchFunction) attrs.get("body");
            int n = attrs.getInt("num_loop_vars");
            int[] wrt = (int[]) attrs.get("wrt"), seeded = (int[]) attrs.get("seeded");
            Tensor[] loopInputs = Arrays.copyOf(inputs, inputs.length - seeded.length);
            List<Tensor> sources = new ArrayList<>(), targets = new ArrayList<>(), seeds = new ArrayList<>();
            for (int k : wrt) {
                // One tensor may feed two inputs (a loop variable also captured): a fresh alias per input
                // gives each its own share, as the tape tells sources apart by identity.
                loopInputs[k] = Tensor.wrap(loopInputs[k].dtype(), loopInputs[k].shape(), loopInputs[k].data());
                sources.add(loopInputs[k]);
            }
            List<Tensor> grads;
            try (Tracer.Scope eager = Tracer.Stack.eager(); Recorder.Stack.Suspension others = Recorder.Stack.suspend();
                 GradientTape tape = new GradientTape()) {
                tape.watch(sources);
                Tensor[] current = loopInputs.clone();
                while (cond.recompute(current)[0].booleanValue()) {
                    Tensor[] next = body.recompute(current);
                    System.arraycopy(next, 0, current, 0, n);
                }
                for (int j = 0; j < seeded.length; j++) {
                    targets.add(current[seeded[j]]);
                    seeds.add(inputs[loopInputs.length + j]);
                }
                grads = tape.gradient(targets, sources, o -> o.outputGradients(seeds));
            }
            Tensor[] out = new Tensor[wrt.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = grads.get(i) != null ? grads.get(i) : RawArray.zerosLike(sources.get(i));
            }
            return out;
        }
    }.withGradient((g, dy) -> {
        throw new UnimplementedError("Second-order gradients through tf.whileLoop (op WhileGrad) are not supported yet.");
    });
}
