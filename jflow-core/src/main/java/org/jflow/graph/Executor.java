package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a graph, compiled once into flat arrays: each node reads its inputs from numbered slots and
 * writes its outputs to its own, in dependency (creation) order, and a slot is cleared right after
 * its last reader so its buffer can be collected. Only the nodes the fetched tensors need run,
 * plus, for a function, every stateful node (a function's side effects always happen; a TF1
 * session runs only what the fetches need).
 */
public final class Executor {
    private final Op[] ops;
    private final Attrs[] attrs;
    private final int[][] inputSlots;
    private final int[] outputBase;
    private final int[][] freedAfter;
    private final int slotCount;
    private final int[] feedSlots;
    private final int[] constSlots;
    private final Tensor[] constValues;
    private final int[] fetchSlots;

    /**
     * Compiles {@code graph} to compute {@code fetches} from values fed to {@code feeds}
     * (placeholders); {@code allSideEffects} also runs stateful nodes the fetches do not need.
     */
    public Executor(Graph graph, List<Tensor> feeds, List<Tensor> fetches, boolean allSideEffects) {
        this(graph, feeds, fetches, List.of(), allSideEffects);
    }

    /** As above, also running {@code targets}, nodes wanted for their effect only (TF1's {@code sess.run(init_op)}). */
    public Executor(Graph graph, List<Tensor> feeds, List<Tensor> fetches, List<Node> targets, boolean allSideEffects) {
        List<Node> all = graph.operations();
        Map<Node, Integer> base = new HashMap<>();
        int slots = 0;
        for (Node n : all) {
            base.put(n, slots);
            slots += n.numOutputs();
        }
        this.slotCount = slots;
        boolean[] needed = Pruning.needed(graph, fetches, targets, feeds, allSideEffects);
        this.feedSlots = feeds.stream().mapToInt(t -> slotOf(base, t)).toArray();
        boolean[] fed = new boolean[all.size()];
        for (Tensor f : feeds) fed[f.op().id()] = true;

        List<Node> steps = new ArrayList<>();
        List<Integer> consts = new ArrayList<>();
        List<Tensor> constVals = new ArrayList<>();
        for (Node n : all) {
            if (!needed[n.id()] || fed[n.id()]) continue;
            if (n.op() == GraphOps.CONST) {
                consts.add(base.get(n));
                constVals.add((Tensor) n.attrs().get("value"));
            } else {
                steps.add(n);
            }
        }
        this.constSlots = consts.stream().mapToInt(Integer::intValue).toArray();
        this.constValues = constVals.toArray(new Tensor[0]);
        int k = steps.size();
        this.ops = new Op[k];
        this.attrs = new Attrs[k];
        this.inputSlots = new int[k][];
        this.outputBase = new int[k];
        int[] lastReader = new int[slots];
        Arrays.fill(lastReader, -1);
        for (int s = 0; s < k; s++) {
            Node n = steps.get(s);
            ops[s] = n.op();
            attrs[s] = n.attrs();
            outputBase[s] = base.get(n);
            int[] in = new int[n.numInputs()];
            for (int i = 0; i < in.length; i++) {
                in[i] = slotOf(base, n.input(i));
                lastReader[in[i]] = s;
            }
            inputSlots[s] = in;
        }
        this.fetchSlots = fetches.stream().mapToInt(t -> slotOf(base, t)).toArray();
        for (int f : fetchSlots) lastReader[f] = Integer.MAX_VALUE;
        List<List<Integer>> frees = new ArrayList<>();
        for (int s = 0; s < k; s++) frees.add(new ArrayList<>());
        for (int slot = 0; slot < slots; slot++) {
            if (lastReader[slot] >= 0 && lastReader[slot] < k) frees.get(lastReader[slot]).add(slot);
        }
        this.freedAfter = new int[k][];
        for (int s = 0; s < k; s++) freedAfter[s] = frees.get(s).stream().mapToInt(Integer::intValue).toArray();
    }

    private static int slotOf(Map<Node, Integer> base, Tensor t) { return base.get(t.op()) + t.outputIndex(); }

    /** Number of nodes that run per call (constants and fed placeholders excluded). */
    public int stepCount() { return ops.length; }

    /** Runs the graph on eager {@code feeds} (in the order given at compile time) and returns the fetches. */
    public Tensor[] run(Tensor... feeds) {
        Tensor[] v = new Tensor[slotCount];
        for (int i = 0; i < constSlots.length; i++) v[constSlots[i]] = constValues[i];
        for (int i = 0; i < feedSlots.length; i++) v[feedSlots[i]] = feeds[i];
        for (int s = 0; s < ops.length; s++) {
            int[] in = inputSlots[s];
            Tensor[] ins = new Tensor[in.length];
            for (int i = 0; i < in.length; i++) ins[i] = v[in[i]];
            Op op = ops[s];
            Tensor[] outs = op.compute(ins, attrs[s], op.infer(ins, attrs[s]));
            System.arraycopy(outs, 0, v, outputBase[s], outs.length);
            for (int f : freedAfter[s]) v[f] = null;
        }
        Tensor[] result = new Tensor[fetchSlots.length];
        for (int i = 0; i < result.length; i++) result[i] = v[fetchSlots[i]];
        return result;
    }
}
