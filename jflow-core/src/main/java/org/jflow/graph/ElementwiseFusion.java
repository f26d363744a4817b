package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.math.BinaryArithmetic;
import org.jflow.math.UnaryMath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges trees of element-wise float32/float64 ops on one shape (size-1 operands broadcast) into
 * single {@link FusedElementwise} nodes, so their intermediates live in cache-sized blocks instead
 * of full tensors. A node joins the group of the node it feeds only when every reader of its output
 * is in that group and it is no program output: then no edge leaves the group except from its root,
 * the fused node can stand where the root stood, and nothing else ever needs an intermediate.
 */
public final class ElementwiseFusion implements GraphPass {
    @Override
    public Program apply(Program program) {
        List<Node> all = program.graph().operations();
        int count = all.size();
        int[] readers = new int[count];
        boolean[] kept = new boolean[count]; // outputs, inputs and control dependencies stay nodes of their own
        for (Node n : all) {
            for (int i = 0; i < n.numInputs(); i++) readers[Node.of(n.input(i)).id()]++;
            for (Node c : n.controlArray()) kept[c.id()] = true;
        }
        for (Tensor t : program.outputs()) kept[Node.of(t).id()] = true;
        for (Tensor t : program.inputs()) kept[Node.of(t).id()] = true;

        int[] rootOf = new int[count];
        Arrays.fill(rootOf, -1);
        Map<Node, List<Node>> groups = new IdentityHashMap<>();
        int[] groupReads = new int[count];
        int[] readsOf = new int[count]; // which root groupReads counts for
        Arrays.fill(readsOf, -1);
        for (int r = count - 1; r >= 0; r--) {
            Node root = all.get(r);
            if (rootOf[r] >= 0 || !elementwise(root) || !fusable(root, root.output(0).dtype(), root.output(0).shape())) continue;
            DType dtype = root.output(0).dtype();
            Shape shape = root.output(0).shape();
            List<Node> members = new ArrayList<>();
            Deque<Node> candidates = new ArrayDeque<>();
            candidates.add(root);
            while (!candidates.isEmpty()) {
                Node q = candidates.poll();
                int id = q.id();
                if (rootOf[id] >= 0) continue;
                if (q != root && (kept[id] || readsOf[id] != r || groupReads[id] != readers[id] || !fusable(q, dtype, shape))) continue;
                rootOf[id] = r;
                members.add(q);
                for (int i = 0; i < q.numInputs(); i++) {
                    Node p = Node.of(q.input(i));
                    if (readsOf[p.id()] != r) {
                        readsOf[p.id()] = r;
                        groupReads[p.id()] = 0;
                    }
                    groupReads[p.id()]++;
                    candidates.add(p);
                }
            }
            if (members.size() > 1) groups.put(root, members);
            else rootOf[r] = -1;
        }
        if (groups.isEmpty()) return program;

        GraphRewriter rewriter = new GraphRewriter(program);
        for (Node n : all) {
            List<Node> members = groups.get(n);
            if (members != null) fuse(rewriter, n, members);
            else if (rootOf[n.id()] < 0) rewriter.copy(n);
        }
        return rewriter.finish();
    }

    /**
     * An element-wise op the CPU runs: the fused kernel is the CPU's, so a node a {@code tf.device}
     * scope put on another device keeps its own kernel there.
     */
    private static boolean elementwise(Node n) {
        boolean onCpu = n.device() == null || n.device().deviceType() == null || n.device().deviceType().equals("CPU");
        return onCpu && (n.op() instanceof UnaryMath || n.op() instanceof BinaryArithmetic);
    }

    /** An element-wise float op of output {@code dtype} and {@code shape} whose operands are that shape or size 1. */
    private static boolean fusable(Node n, DType dtype, Shape shape) {
        if (!elementwise(n) || n.controlArray().length > 0) return false;
        Tensor out = n.output(0);
        if (out.dtype() != dtype || (dtype != DType.FLOAT32 && dtype != DType.FLOAT64)) return false;
        if (!shape.isFullyDefined() || !out.shape().equals(shape)) return false;
        for (Tensor in : n.inputArray()) {
            if (in.dtype() != dtype || !in.shape().isFullyDefined() || (in.size() != 1 && !in.shape().equals(shape))) return false;
        }
        return true;
    }

    /**
     * Adds the fused node for {@code members} (rooted at {@code root}): steps in creation order,
     * each intermediate in a temporary that is free again after its last reader.
     */
    private static void fuse(GraphRewriter rewriter, Node root, List<Node> members) {
        List<Node> order = new ArrayList<>(members);
        order.sort((a, b) -> Integer.compare(a.id(), b.id()));
        Map<Node, Integer> stepOf = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) stepOf.put(order.get(i), i);
        int[] lastUse = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            for (Tensor in : order.get(i).inputArray()) {
                Integer producer = stepOf.get(in.op());
                if (producer != null) lastUse[producer] = i;
            }
        }
        List<Tensor> leaves = new ArrayList<>();
        Map<Tensor, Integer> leafOf = new IdentityHashMap<>();
        int[] temporaryOf = new int[order.size()];
        Deque<Integer> free = new ArrayDeque<>();
        int temporaries = 0;
        List<FusedElementwise.Step> steps = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Node n = order.get(i);
            int[] args = new int[n.numInputs()];
            for (int k = 0; k < args.length; k++) {
                Tensor in = n.input(k);
                Integer producer = stepOf.get(in.op());
                if (producer != null) {
                    args[k] = -temporaryOf[producer] - 1;
                } else {
                    args[k] = leafOf.computeIfAbsent(in, t -> {
                        leaves.add(t);
                        return leaves.size() - 1;
                    });
                }
            }
            for (Tensor in : n.inputArray()) { // a temporary read for the last time is free for this step's result
                Integer producer = stepOf.get(in.op());
                if (producer != null && lastUse[producer] == i && !free.contains(temporaryOf[producer])) free.push(temporaryOf[producer]);
            }
            int dest = -1;
            if (n != root) dest = free.isEmpty() ? temporaries++ : free.pop();
            temporaryOf[i] = dest;
            steps.add(new FusedElementwise.Step(n.op(), args, dest));
        }
        Tensor out = root.output(0);
        Tensor[] ins = leaves.stream().map(rewriter::get).toArray(Tensor[]::new);
        FusedElementwise.Expression e = new FusedElementwise.Expression(steps, temporaries);
        Tensor fused = rewriter.add(FusedElementwise.OP, FusedElementwise.attrs(out.dtype(), out.shape(), e), ins, "FusedElementwise")[0];
        rewriter.map(out, fused);
    }
}
