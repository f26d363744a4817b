package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.FreeList;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.engine.TensorSpec;
import org.jflow.engine.Tracer;
import org.jflow.opinfo.Cases;
import org.jflow.opinfo.OpInfo;
import org.jflow.opinfo.OpInfos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every stateless op's samples ({@link OpInfos}) run in a graph whose earlier copy of the same node
 * dies first, with every buffer pooled and each buffer given back filled with garbage: the second
 * node's kernel gets those buffers, so any kernel that asks {@code Buffers.allocateUninitialized}
 * for memory and leaves an element unwritten returns garbage there. Results must be bit-identical
 * to eager ones (which never reuse a buffer) on each of three runs of one executor.
 */
class ExecutorReuseRegistryTest {
    private static final Attrs SHAPE_ATTRS = Attrs.of("out_type", DType.INT32);
    /** The NaNs {@link FreeList} fills given-back buffers with. */
    private static final int FLOAT_GARBAGE = 0x7fa5a5a5;
    private static final long DOUBLE_GARBAGE = 0x7ff5a5a5a5a5a5a5L;
    private int minimumSlots;

    @BeforeEach
    void poolEverything() {
        minimumSlots = FreeList.minimumSlots();
        FreeList.minimumSlots(1);
        FreeList.poison(true);
    }

    @AfterEach
    void restore() {
        FreeList.minimumSlots(minimumSlots);
        FreeList.poison(false);
    }

    @Test
    void everySampleMatchesEagerOnReusedBuffers() {
        Op shape = OpRegistry.get("Shape");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Op op : OpRegistry.all()) {
            if (op.stateful()) continue;
            OpInfo info = OpInfos.get(op.name());
            if (info == null || info.samples() == null) continue;
            for (Cases.Case c : info.samples().cases(new SplittableRandom(op.name().hashCode()))) {
                Tensor[] eager;
                Attrs attrs;
                TensorSpec[] specs;
                try {
                    eager = Dispatcher.execute(op, c.attrs(), c.inputs());
                    attrs = op.signature().check(op.name(), c.attrs());
                    specs = op.infer(c.inputs(), attrs);
                } catch (RuntimeException e) {
                    continue; // a sample meant to fail
                }
                Graph g = new Graph();
                Tensor[] in = new Tensor[c.inputs().length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = g.placeholder(c.inputs()[i].dtype(), c.inputs()[i].shape(), "x" + i);
                }
                List<Tensor> fetches = new ArrayList<>();
                int firstOfSecond;
                try (Tracer.Scope s = g.asDefault()) {
                    // the first node's outputs die at their Shape readers, before the second node runs
                    for (Tensor t : g.add(op, attrs, in, specs)) {
                        Tensor[] read = {t};
                        fetches.add(g.add(shape, SHAPE_ATTRS, read, shape.infer(read, SHAPE_ATTRS))[0]);
                    }
                    firstOfSecond = fetches.size();
                    fetches.addAll(List.of(g.add(op, attrs, in, specs)));
                }
                Executor e = new Executor(g, List.of(in), fetches, true);
                for (int run = 0; run < 3; run++) {
                    Tensor[] got;
                    try {
                        got = e.run(c.inputs());
                    } catch (RuntimeException ex) {
                        problems.add(op.name() + " | " + c.label() + " | run " + run + " fails in the graph: " + ex);
                        break;
                    }
                    for (int i = 0; i < eager.length; i++) {
                        Tensor actual = got[firstOfSecond + i];
                        if (!sameBits(eager[i], actual)) {
                            problems.add(op.name() + " | " + c.label() + " | run " + run + " output " + i + ": "
                                    + actual + " vs eager " + eager[i]);
                        }
                    }
                }
                checked++;
            }
        }
        System.out.println("Reused buffers: " + checked + " samples match eager");
        assertTrue(checked > 1000, "samples checked: " + checked);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Half-precision bits with every NaN as one, as for float (JIT-compiled and interpreted conversions may
     * give a NaN other payload or sign bits), except FreeList's garbage (0x7e5a), which no kernel computes.
     */
    private static short[] shortBits(short[] s, org.jflow.DType dtype) {
        short[] r = s.clone();
        for (int i = 0; i < r.length; i++) {
            int bits = r[i] & 0xffff;
            boolean nan = dtype == org.jflow.DType.FLOAT16 ? (bits & 0x7c00) == 0x7c00 && (bits & 0x3ff) != 0
                    : dtype == org.jflow.DType.BFLOAT16 && (bits & 0x7f80) == 0x7f80 && (bits & 0x7f) != 0;
            if (nan && bits != 0x7e5a) r[i] = (short) 0x7e00;
        }
        return r;
    }

    private static boolean sameBits(Tensor expected, Tensor actual) {
        if (expected.dtype() != actual.dtype() || !expected.shape().equals(actual.shape())) return false;
        Object a = expected.data(), b = actual.data();
        return switch (a) {
            case float[] f -> java.util.Arrays.equals(floatBits(f), floatBits((float[]) b));
            case double[] d -> java.util.Arrays.equals(doubleBits(d), doubleBits((double[]) b));
            case short[] s -> java.util.Arrays.equals(shortBits(s, expected.dtype()), shortBits((short[]) b, expected.dtype()));
            case byte[] s -> java.util.Arrays.equals(s, (byte[]) b);
            case int[] s -> java.util.Arrays.equals(s, (int[]) b);
            case long[] s -> java.util.Arrays.equals(s, (long[]) b);
            case boolean[] s -> java.util.Arrays.equals(s, (boolean[]) b);
            case byte[][] s -> java.util.Arrays.deepEquals(s, (byte[][]) b);
            default -> false;
        };
    }

    /**
     * Raw bits, so signed zeros count, with every NaN as one (the JIT and the interpreter may give
     * 0/0 different sign bits) except the garbage's own NaN, which no kernel computes.
     */
    private static int[] floatBits(float[] f) {
        int[] r = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            int bits = Float.floatToRawIntBits(f[i]);
            r[i] = Float.isNaN(f[i]) && bits != FLOAT_GARBAGE ? 0x7fc00000 : bits;
        }
        return r;
    }

    private static long[] doubleBits(double[] d) {
        long[] r = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            long bits = Double.doubleToRawLongBits(d[i]);
            r[i] = Double.isNaN(d[i]) && bits != DOUBLE_GARBAGE ? 0x7ff8000000000000L : bits;
        }
        return r;
    }
}
