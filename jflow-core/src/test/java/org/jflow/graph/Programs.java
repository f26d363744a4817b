package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Tracer;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small programs for the pass tests: build one, run it, compare two runs bit for bit. */
final class Programs {
    private Programs() {}

    /** A program with one placeholder per spec ({@code dtype, shape} pairs) and the outputs {@code body} builds from them. */
    static Program build(Function<Tensor[], List<Tensor>> body, Object... dtypeShapePairs) {
        Graph g = new Graph();
        Tensor[] in = new Tensor[dtypeShapePairs.length / 2];
        for (int i = 0; i < in.length; i++) {
            in[i] = g.placeholder((DType) dtypeShapePairs[2 * i], (Shape) dtypeShapePairs[2 * i + 1], "x" + i);
        }
        try (Tracer.Scope s = g.asDefault()) {
            return new Program(g, List.of(in), body.apply(in));
        }
    }

    static Tensor[] run(Program p, Tensor... args) {
        return new Executor(p.graph(), p.inputs(), p.outputs(), true).run(args);
    }

    static int nodes(Program p) { return p.graph().operations().size(); }

    static long count(Program p, String type) { return p.graph().operations().stream().filter(n -> n.type().equals(type)).count(); }

    static List<String> types(Program p) { return p.graph().operations().stream().map(Node::type).toList(); }

    /** Runs both programs on {@code args} and asserts the results have the same dtypes, shapes and bits. */
    static void assertSameResults(Program before, Program after, Tensor... args) {
        Tensor[] expected = run(before, args), actual = run(after, args);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertSameBits(expected[i], actual[i]);
    }

    static void assertSameBits(Tensor expected, Tensor actual) {
        assertEquals(expected.dtype(), actual.dtype());
        assertEquals(expected.shape(), actual.shape());
        assertArrayEquals(bits(expected.data()), bits(actual.data()), () -> expected + " vs " + actual);
    }

    /** Floats as raw bits, so NaN payloads and signed zeros count; other buffers as they are. */
    private static Object[] bits(Object data) {
        return switch (data) {
            case float[] f -> IntStream.range(0, f.length).mapToObj(i -> Float.floatToRawIntBits(f[i])).toArray();
            case double[] d -> Arrays.stream(d).mapToObj(Double::doubleToRawLongBits).toArray();
            default -> new Object[] {data};
        };
    }
}
