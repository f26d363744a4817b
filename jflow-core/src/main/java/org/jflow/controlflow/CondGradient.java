package org.jflow.controlflow;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.engine.GradientContext;
import org.jflow.raw.RawArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient of {@code If}: another cond on the same predicate, whose branches recompute the
 * forward branch under a tape (without its side effects) and return its gradient w.r.t. the
 * captured inputs, zero for those the branch does not use. Being a cond itself, it traces into an
 * {@code If} node inside a graph and runs one branch eagerly, and its own gradient is the same rule.
 *
 * <p>Gradients reach the tensors the branches capture and the variables they read (through the
 * values of them the If also takes as inputs, see {@link Cond}).
 */
final class CondGradient {
    private CondGradient() {}

    static Tensor[] apply(GradientContext g, Tensor[] upstream) {
        Tensor[] inputs = g.inputs();
        List<Integer> wrt = new ArrayList<>();
        for (int k = 1; k < inputs.length; k++) {
            // a tensor fed twice gets its whole gradient once (the tape tells sources apart by identity)
            Tensor input = inputs[k];
            if (g.needs(k) && trainable(input) && Arrays.stream(inputs, 1, k).noneMatch(t -> t == input)) wrt.add(k);
        }
        Tensor[] result = new Tensor[inputs.length];
        if (wrt.isEmpty()) return result;
        BranchFunction thenBranch = (BranchFunction) g.attrs().get("then_branch");
        BranchFunction elseBranch = (BranchFunction) g.attrs().get("else_branch");
        List<Tensor> grads = Cond.cond(inputs[0],
                () -> branchGradients(thenBranch, inputs, wrt, upstream),
                () -> branchGradients(elseBranch, inputs, wrt, upstream));
        for (int i = 0; i < wrt.size(); i++) result[wrt.get(i)] = grads.get(i);
        return result;
    }

    private static List<Tensor> branchGradients(BranchFunction branch, Tensor[] inputs, List<Integer> wrt, Tensor[] upstream) {
        List<Tensor> sources = new ArrayList<>();
        for (int k : wrt) sources.add(inputs[k]);
        List<Tensor> targets = new ArrayList<>(), seeds = new ArrayList<>();
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(sources);
            Tensor[] outputs = branch.recompute(inputs);
            for (int j = 0; j < outputs.length; j++) {
                if (upstream[j] != null && trainable(outputs[j])) {
                    targets.add(outputs[j]);
                    seeds.add(upstream[j]);
                }
            }
            grads = targets.isEmpty() ? Arrays.asList(new Tensor[sources.size()])
                    : tape.gradient(targets, sources, o -> o.outputGradients(seeds));
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(grads.get(i) != null ? grads.get(i) : RawArray.zerosLike(sources.get(i)));
        }
        return out;
    }

    private static boolean trainable(Tensor t) { return t.dtype().isFloating() || t.dtype().isComplex(); }
}
