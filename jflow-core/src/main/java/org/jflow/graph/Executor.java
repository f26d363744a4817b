package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.config.DeviceScope;
import org.jflow.config.DeviceSpec;
import org.jflow.device.Buffer;
import org.jflow.device.Devices;
import org.jflow.engine.Attrs;
import org.jflow.engine.FreeList;
import org.jflow.engine.Kernels;
import org.jflow.engine.Op;
import org.jflow.engine.Parallel;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a graph, compiled once into flat arrays: each node reads its inputs from numbered slots and
 * writes its outputs to its own, in dependency (creation) order, and a slot is cleared right after
 * its last reader so its buffer can be collected. Only the nodes the fetched tensors need run,
 * plus, for a function, every stateful node (a function's side effects always happen; a TF1
 * session runs only what the fetches need).
 * <p>
 * Output specs known in full at compile time are not inferred again on every run.
 * <p>
 * Buffers are reused within a run and between runs. Each run has a {@link FreeList} (the executor
 * keeps one between runs; a run concurrent with another starts its own), open on the calling thread
 * while a node's kernel runs, so a kernel's {@code Buffers.allocateUninitialized} takes a dead
 * buffer of the right size from it. A buffer handed out that way and returned by the kernel is
 * owned by the run; it goes back to the list when the last slot sharing the array dies (Identity
 * and Reshape outputs share their input's array), unless a stateful node saw it (an assignment
 * keeps its value, ReadVariableOp's output is the variable's own tensor). Fed values, constants and
 * anything a kernel returned from elsewhere are never owned, and fetched slots never die, so a
 * caller's result is never handed out again. A {@link FusedElementwise} node writes its result
 * straight into an owned input buffer that dies at that node.
 * <p>
 * Consecutive independent nodes of medium size run at the same time on the kernels' thread pool
 * (a stage). Work is estimated from output sizes: below {@link #STAGE_MIN_ELEMENTS} the hand-off
 * costs more than the node, and from {@link Parallel#DEFAULT_GRAIN} up a kernel already spreads its
 * own loop over every thread. Stateful nodes never join a stage, so they keep their order.
 * <p>
 * Each node runs through {@link Kernels} on the device it was traced under (or the caller's
 * {@code tf.device} scope). A device buffer is freed as soon as its slot dies, unless something that
 * outlives the run shares it (the same rule as for reusing an array): device memory is scarce and a
 * graph knows each value's last reader, as TF's executor does.
 */
public final class Executor {
    private final Op[] ops;
    private final Attrs[] attrs;
    /** Per step: the node's own device request (null: the caller's scope) and its name, for placement. */
    private final DeviceSpec[] devices;
    private final String[] names;
    private final int[][] inputSlots;
    private final int[] outputBase;
    private final int[][] freedAfter;
    private final int slotCount;
    private final int[] feedSlots;
    /** The fed placeholders: a fed value must fit its shape, since known output shapes are not inferred again. */
    private final Tensor[] feedSpecs;
    private final int[] constSlots;
    private final Tensor[] constValues;
    private final int[] fetchSlots;
    /** Per step: the output specs when fully known at compile time, else null (inferred per run). */
    private final TensorSpec[][] specs;
    /** Per step: input positions whose buffer the step may overwrite (their slot dies here), or null. */
    private final int[][] reusable;
    private final boolean[] stateful;
    /** Per step: a stateful node whose kernel may keep its inputs' buffers (see {@link Op#retainsInputs}). */
    private final boolean[] retainsInputs;
    /** Per step: a stateless node whose outputs may be large enough to come from the free list. */
    private final boolean[] pooled;
    /** Whether any step is pooled: else runs take no free list at all. */
    private final boolean anyPooled;
    /** The free list the latest run left, for the next run to take. */
    private final AtomicReference<FreeList> spare = new AtomicReference<>();
    private volatile int lastRunReuses;
    /** Per step: the end (exclusive) of the stage it starts, or its own index + 1 when it runs alone. */
    private final int[] stageEnd;

    static final int STAGE_MIN_ELEMENTS = 1 << 12;

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
        this.feedSpecs = feeds.toArray(new Tensor[0]);
        boolean[] fed = new boolean[all.size()];
        for (Tensor f : feeds) fed[Node.of(f).id()] = true;

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
        this.devices = new DeviceSpec[k];
        this.names = new String[k];
        this.inputSlots = new int[k][];
        this.outputBase = new int[k];
        this.specs = new TensorSpec[k][];
        this.stateful = new boolean[k];
        this.retainsInputs = new boolean[k];
        this.pooled = new boolean[k];
        int[] lastReader = new int[slots];
        Arrays.fill(lastReader, -1);
        for (int s = 0; s < k; s++) {
            Node n = steps.get(s);
            ops[s] = n.op();
            attrs[s] = n.attrs();
            devices[s] = n.device();
            names[s] = n.name();
            outputBase[s] = base.get(n);
            int[] in = new int[n.numInputs()];
            for (int i = 0; i < in.length; i++) {
                in[i] = slotOf(base, n.input(i));
                lastReader[in[i]] = s;
            }
            inputSlots[s] = in;
            specs[s] = staticSpecs(n);
            stateful[s] = n.op().stateful();
            retainsInputs[s] = n.op().retainsInputs();
            pooled[s] = !stateful[s] && mayBeLarge(n);
        }
        boolean any = false;
        for (boolean p : pooled) any |= p;
        this.anyPooled = any;
        this.fetchSlots = fetches.stream().mapToInt(t -> slotOf(base, t)).toArray();
        for (int f : fetchSlots) lastReader[f] = Integer.MAX_VALUE;
        List<List<Integer>> frees = new ArrayList<>();
        for (int s = 0; s < k; s++) frees.add(new ArrayList<>());
        for (int slot = 0; slot < slots; slot++) {
            if (lastReader[slot] >= 0 && lastReader[slot] < k) frees.get(lastReader[slot]).add(slot);
        }
        this.freedAfter = new int[k][];
        for (int s = 0; s < k; s++) freedAfter[s] = frees.get(s).stream().mapToInt(Integer::intValue).toArray();
        boolean[] computed = new boolean[slots];
        for (int s = 0; s < k; s++) for (int o = 0; o < steps.get(s).numOutputs(); o++) computed[outputBase[s] + o] = true;
        this.reusable = new int[k][];
        for (int s = 0; s < k; s++) reusable[s] = reusableInputs(steps.get(s), inputSlots[s], lastReader, s, computed);
        this.stageEnd = stages(steps);
    }

    /** Groups runs of consecutive independent medium-sized steps into stages (at most one per thread). */
    private int[] stages(List<Node> steps) {
        int k = steps.size();
        int[] producer = new int[slotCount];
        Arrays.fill(producer, -1);
        for (int s = 0; s < k; s++) for (int o = 0; o < steps.get(s).numOutputs(); o++) producer[outputBase[s] + o] = s;
        int[] end = new int[k];
        for (int s = 0; s < k; ) {
            int e = s + 1;
            if (stageable(steps.get(s), s)) {
                int width = Parallel.interOpThreads();
                while (e < k && e - s < width && stageable(steps.get(e), e) && !readsFrom(e, s, producer)) e++;
            }
            for (int t = s; t < e; t++) end[t] = e;
            s = e;
        }
        return end;
    }

    private boolean stageable(Node n, int s) {
        if (specs[s] == null || stateful[s] || reusable[s] != null || !n.controlInputs().isEmpty()) return false;
        long elements = 0;
        for (TensorSpec t : specs[s]) elements += t.shape().size();
        return elements >= STAGE_MIN_ELEMENTS && elements < Parallel.DEFAULT_GRAIN;
    }

    /** Whether step {@code e} reads an output of a step in {@code [from, e)}. */
    private boolean readsFrom(int e, int from, int[] producer) {
        for (int slot : inputSlots[e]) if (producer[slot] >= from && producer[slot] < e) return true;
        return false;
    }

    /** The node's output specs if its inputs' and outputs' shapes are all known and it reads no state, else null. */
    private static TensorSpec[] staticSpecs(Node n) {
        if (n.op().stateful()) return null;
        for (Tensor t : n.inputArray()) if (!t.shape().isFullyDefined()) return null;
        TensorSpec[] out = new TensorSpec[n.numOutputs()];
        for (int i = 0; i < out.length; i++) {
            Tensor t = n.output(i);
            if (!t.shape().isFullyDefined()) return null;
            out[i] = new TensorSpec(t.dtype(), t.shape());
        }
        return out;
    }

    /** Whether an output of {@code n} may be pooled: its shape unknown, or known and large enough. */
    private static boolean mayBeLarge(Node n) {
        for (int i = 0; i < n.numOutputs(); i++) if (!belowPoolSize(n.output(i))) return true;
        return false;
    }

    /** Whether {@code t}'s shape is known and below the size buffers are pooled from. */
    private static boolean belowPoolSize(Tensor t) {
        return t.shape().isFullyDefined() && (long) t.shape().size() * t.dtype().slots() < FreeList.minimumSlots();
    }

    /** For a fused node: its full-size inputs computed by an earlier step whose slot dies at step {@code s}. */
    private static int[] reusableInputs(Node n, int[] in, int[] lastReader, int s, boolean[] computed) {
        if (n.op() != FusedElementwise.OP) return null;
        Tensor out = n.output(0);
        if (!out.shape().isFullyDefined() || belowPoolSize(out)) return null;
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            Tensor t = n.input(i);
            if (lastReader[in[i]] == s && computed[in[i]] && t.dtype() == out.dtype() && t.shape().equals(out.shape())) found.add(i);
        }
        return found.isEmpty() ? null : found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int slotOf(Map<Node, Integer> base, Tensor t) { return base.get(t.op()) + t.outputIndex(); }

    /** Number of nodes that run per call (constants and fed placeholders excluded). */
    public int stepCount() { return ops.length; }

    /** Number of steps that run in stages, beside other steps. */
    public int stagedStepCount() {
        int n = 0;
        for (int s = 0; s < stageEnd.length; s = stageEnd[s]) if (stageEnd[s] > s + 1) n += stageEnd[s] - s;
        return n;
    }

    /** How many nodes of the latest run wrote into a dead input's buffer instead of a new one. */
    public int lastRunReuses() { return lastRunReuses; }

    /** Runs the graph on eager {@code feeds} (in the order given at compile time) and returns the fetches. */
    public Tensor[] run(Tensor... feeds) {
        Tensor[] v = new Tensor[slotCount];
        List<Object> pinned = new ArrayList<>(); // arrays that outlive the run: fed, constant, held by state
        for (int i = 0; i < constSlots.length; i++) {
            v[constSlots[i]] = constValues[i];
            pinned.add(constValues[i].storage());
        }
        for (int i = 0; i < feedSlots.length; i++) {
            if (!feeds[i].shape().isCompatibleWith(feedSpecs[i].shape())) {
                throw new ValueError("Cannot feed value of shape " + feeds[i].shape() + " for Tensor " + feedSpecs[i].name()
                        + ", which has shape " + feedSpecs[i].shape());
            }
            v[feedSlots[i]] = feeds[i];
            pinned.add(feeds[i].storage());
        }
        if (!anyPooled) return run(v, pinned, null);
        FreeList list = spare.getAndSet(null);
        Owners owners = new Owners(list != null ? list : new FreeList());
        FreeList outer = FreeList.install(owners.list);
        try {
            return run(v, pinned, owners);
        } finally {
            FreeList.restore(outer);
            owners.list.trim();
            spare.set(owners.list);
        }
    }

    private Tensor[] run(Tensor[] v, List<Object> pinned, Owners owners) {
        int reuses = 0;
        DeviceSpec caller = DeviceScope.currentSpec();
        for (int s = 0; s < ops.length; s = stageEnd[s]) {
            if (stageEnd[s] > s + 1) {
                runStage(s, stageEnd[s], v, caller, pinned, owners);
                continue;
            }
            Tensor[] ins = inputs(s, v);
            Op op = ops[s];
            TensorSpec[] out = specs[s] != null ? specs[s] : op.infer(ins, attrs[s]);
            Object target = reusable[s] == null || owners == null ? null
                    : owners.deadInput(reusable[s], ins, freedAfter[s], v);
            Tensor[] outs;
            if (target != null) {
                outs = new Tensor[] {FusedElementwise.computeInto(ins, attrs[s], out[0], target)};
                reuses++;
            } else if (owners != null && pooled[s]) {
                owners.list.open();
                try {
                    outs = Kernels.run(op, attrs[s], ins, out, devices[s] != null ? devices[s] : caller, names[s]);
                } finally {
                    owners.list.close();
                }
            } else {
                outs = Kernels.run(op, attrs[s], ins, out, devices[s] != null ? devices[s] : caller, names[s]);
            }
            if (stateful[s]) {
                if (retainsInputs[s]) for (Tensor t : ins) pin(t, pinned, owners);
                for (Tensor t : outs) pin(t, pinned, owners);
            } else if (owners != null) {
                for (Tensor t : outs) owners.claim(t.storage(), pooled[s]);
            }
            System.arraycopy(outs, 0, v, outputBase[s], outs.length);
            free(freedAfter[s], v, pinned, owners);
        }
        lastRunReuses = reuses;
        Tensor[] result = new Tensor[fetchSlots.length];
        for (int i = 0; i < result.length; i++) result[i] = v[fetchSlots[i]];
        return result;
    }

    /** A stateful node's input or output: its buffer outlives the run, so it is never freed nor reused. */
    private static void pin(Tensor t, List<Object> pinned, Owners owners) {
        Object data = t.storage();
        pinned.add(data);
        if (owners != null) owners.disown(data);
    }

    private Tensor[] inputs(int s, Tensor[] v) {
        int[] in = inputSlots[s];
        Tensor[] ins = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) ins[i] = v[in[i]];
        return ins;
    }

    /**
     * Steps {@code [from, to)} at once: none reads another's output, so each writes only its own slots.
     * Their kernels run on pool threads with no free list; an output sharing an owned buffer (an
     * Identity) is counted afterwards, before any slot dies.
     */
    private void runStage(int from, int to, Tensor[] v, DeviceSpec caller, List<Object> pinned, Owners owners) {
        Parallel.forEachChunk(to - from, i -> {
            int s = from + i;
            DeviceSpec device = devices[s] != null ? devices[s] : caller;
            Tensor[] outs = Kernels.run(ops[s], attrs[s], inputs(s, v), specs[s], device, names[s]);
            System.arraycopy(outs, 0, v, outputBase[s], outs.length);
        });
        if (owners != null) {
            for (int s = from; s < to; s++) {
                for (int o = 0; o < specs[s].length; o++) owners.claim(v[outputBase[s] + o].storage(), false);
            }
        }
        for (int s = from; s < to; s++) free(freedAfter[s], v, pinned, owners);
    }

    /**
     * Clears the slots that die here: an owned buffer no other slot shares goes back to the free list,
     * and a device buffer that no live slot and nothing outliving the run (fed, constant, stateful)
     * shares is freed.
     */
    private static void free(int[] slots, Tensor[] v, List<Object> pinned, Owners owners) {
        if (Devices.placing()) freeDeviceBuffers(slots, v, pinned);
        for (int slot : slots) {
            Tensor t = v[slot];
            v[slot] = null;
            if (t != null && owners != null) owners.release(t.storage());
        }
    }

    /** Frees the device buffers among the dying slots that nothing else shares (and clears those slots). */
    private static void freeDeviceBuffers(int[] slots, Tensor[] v, List<Object> pinned) {
        Buffer[] dying = null;
        for (int i = 0; i < slots.length; i++) {
            Tensor t = v[slots[i]];
            if (t != null && t.buffer() != null) {
                if (dying == null) dying = new Buffer[slots.length];
                dying[i] = t.buffer();
                v[slots[i]] = null;
            }
        }
        if (dying == null) return;
        candidates:
        for (Buffer b : dying) {
            if (b == null) continue;
            for (Object p : pinned) if (p == b) continue candidates;
            for (Tensor live : v) if (live != null && live.storage() == b) continue candidates;
            b.free();
        }
    }
}
