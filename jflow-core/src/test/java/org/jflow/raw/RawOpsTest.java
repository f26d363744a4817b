package org.jflow.raw;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

import javax.lang.model.SourceVersion;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawOpsTest {
    /** Every raw-op class; one added to org.jflow.raw but missing here fails {@link #everyRawClassIsListed}. */
    private static final List<Class<?>> RAW_CLASSES = List.of(RawArray.class, RawControlFlow.class, RawGraph.class,
            RawLinalg.class, RawLogging.class, RawMath.class, RawNn.class, RawRandom.class, RawState.class,
            RawStrings.class);

    /**
     * TF's op name as a Java method name: lowerCamelCase ({@code AddV2 -> addV2}, {@code LRN -> lrn},
     * {@code L2Loss -> l2Loss}), a Java keyword with a trailing underscore ({@code If -> if_}).
     */
    static String methodName(String op) {
        int run = 0;
        while (run < op.length() && Character.isUpperCase(op.charAt(run))) run++;
        boolean wordFollows = run > 1 && run < op.length() && Character.isLowerCase(op.charAt(run));
        int lower = wordFollows ? run - 1 : run;
        String name = op.substring(0, lower).toLowerCase() + op.substring(lower);
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    /** Method name to the raw classes declaring public static methods of that name (overloads counted once). */
    private static Map<String, Set<String>> rawMethods() {
        Map<String, Set<String>> methods = new TreeMap<>();
        for (Class<?> c : RAW_CLASSES) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                    methods.computeIfAbsent(m.getName(), k -> new TreeSet<>()).add(c.getSimpleName());
                }
            }
        }
        return methods;
    }

    @Test
    void methodNamesAreTheOpNamesInLowerCamelCase() {
        assertEquals("addV2", methodName("AddV2"));
        assertEquals("batchMatMulV3", methodName("BatchMatMulV3"));
        assertEquals("conv2D", methodName("Conv2D"));
        assertEquals("lrn", methodName("LRN"));
        assertEquals("l2Loss", methodName("L2Loss"));
        assertEquals("inTopKV2", methodName("InTopKV2"));
        assertEquals("if_", methodName("If"));
        assertEquals("const_", methodName("Const"));
    }

    @Test
    void everyRegisteredOpHasOneRawMethodInOneClass() {
        Map<String, Set<String>> methods = rawMethods();
        List<String> missing = new ArrayList<>(), ambiguous = new ArrayList<>();
        for (Op op : OpRegistry.all()) {
            Set<String> owners = methods.get(methodName(op.name()));
            if (owners == null) missing.add(op.name());
            else if (owners.size() > 1) ambiguous.add(op.name() + " in " + owners);
        }
        assertEquals(List.of(), missing, "registered ops without a raw method");
        assertEquals(List.of(), ambiguous, "ops with raw methods in several classes");
    }

    @Test
    void everyRawMethodNamesARegisteredOp() {
        Set<String> ops = new TreeSet<>();
        for (Op op : OpRegistry.all()) ops.add(methodName(op.name()));
        Set<String> unknown = new TreeSet<>(rawMethods().keySet());
        unknown.removeAll(ops);
        assertEquals(Set.of(), unknown, "raw methods naming no registered op");
    }

    @Test
    void everyRawClassIsListed() throws Exception {
        // Loading each class resolves its ops by name (Raw.op fails for a name that is not registered).
        for (Class<?> c : RAW_CLASSES) Class.forName(c.getName(), true, c.getClassLoader());
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/java/org/jflow/raw");
        Set<String> sources = new TreeSet<>();
        try (var files = java.nio.file.Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.matches("Raw[A-Z].*\\.java"))
                    .forEach(f -> sources.add(f.substring(0, f.length() - 5)));
        }
        Set<String> listed = new TreeSet<>();
        for (Class<?> c : RAW_CLASSES) listed.add(c.getSimpleName());
        assertEquals(sources, listed);
    }

    @Test
    void unknownOpNameFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> Raw.op("NoSuchOp"));
    }

    @Test
    void arithmeticTakesTensorsOfOneDtypeWithoutConversion() {
        Tensor x = tf.constant(new float[] {1, 2, 3}), y = tf.constant(new float[] {10, 20, 30});
        assertArrayEquals(new float[] {11, 22, 33}, RawMath.addV2(x, y).toFloatArray());
        assertArrayEquals(new float[] {2, 4, 6}, RawMath.mul(x, Raw.scalar(DType.FLOAT32, 2)).toFloatArray());
        // No Python semantics: an int32 operand is not cast to float32
        assertThrows(InvalidArgumentError.class, () -> RawMath.addV2(x, Raw.scalar(DType.INT32, 1)));
    }

    @Test
    void scalarsHaveTheGivenDtype() {
        Tensor half = Raw.scalar(DType.FLOAT64, 0.5);
        assertEquals(DType.FLOAT64, half.dtype());
        assertEquals(Shape.scalar(), half.shape());
        assertEquals(0.5, half.doubleValue());
        assertEquals(Long.MAX_VALUE, Raw.scalar(DType.INT64, Long.MAX_VALUE).longValue());
        assertEquals(DType.INT32, Raw.ints(2, 3).dtype());
    }

    @Test
    void reductionsReadAxisAndKeepDims() {
        Tensor x = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor rows = RawMath.sum(x, new int[] {1}, true);
        assertEquals(Shape.of(2, 1), rows.shape());
        assertArrayEquals(new float[] {6, 15}, rows.toFloatArray());
        assertArrayEquals(new float[] {21}, RawMath.sum(x, (int[]) null, false).toFloatArray());
        assertArrayEquals(new float[] {4, 5, 6}, RawMath.max(x, new int[] {0}, false).toFloatArray());
    }

    @Test
    void attributesReachTheKernel() {
        Tensor x = tf.constant(new float[] {-2, 3});
        assertArrayEquals(new float[] {-0.5f, 3}, RawNn.leakyRelu(x, 0.25).toFloatArray());
        Tensor m = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {1, 4, 2, 5, 3, 6}, RawArray.transpose(m, new int[] {1, 0}).toIntArray());
        assertEquals(DType.INT64, RawMath.cast(m, DType.INT64).dtype());
        assertEquals(DType.INT64, RawArray.shape(m, DType.INT64).dtype());
        assertEquals(3, RawMath.argMax(tf.constant(new float[] {0, 7, 1, 9}), 0, DType.INT64).longValue());
    }

    @Test
    void reshapeInfersTheMinusOneDim() {
        Tensor x = tf.constant(new float[] {1, 2, 3, 4, 5, 6});
        assertEquals(Shape.of(3, 2), RawArray.reshape(x, new int[] {-1, 2}).shape());
    }

    @Test
    void multiOutputOpsReturnEveryOutput() {
        Tensor[] top = RawNn.topKV2(tf.constant(new float[] {3, 9, 1, 7}), 2, true);
        assertArrayEquals(new float[] {9, 7}, top[0].toFloatArray());
        assertArrayEquals(new int[] {1, 3}, top[1].toIntArray());
        Tensor[] parts = RawArray.split(tf.constant(new float[] {1, 2, 3, 4}), 0, 2);
        assertEquals(2, parts.length);
        assertArrayEquals(new float[] {3, 4}, parts[1].toFloatArray());
    }

    @Test
    void optionalInputsAndAttributesMayBeLeftOut() {
        Tensor counts = RawMath.bincount(tf.constant(new int[] {1, 1, 3}), null, 0, -1, DType.INT32);
        assertArrayEquals(new int[] {0, 2, 0, 1}, counts.toIntArray());
        Tensor weights = tf.constant(new float[] {0.5f, 1, 2});
        Tensor weighted = RawMath.bincount(tf.constant(new int[] {1, 1, 3}), weights, 0, -1, DType.FLOAT32);
        assertArrayEquals(new float[] {0, 1.5f, 0, 2}, weighted.toFloatArray());
        assertTrue(RawNn.biasAdd(tf.constant(new float[][] {{1, 2}}), tf.constant(new float[] {1, 1}), null)
                .shape().equals(Shape.of(1, 2)));
    }

    @Test
    void reshapeAndBroadcastToTakeTheShapeAsAnAttributeOrAsTfsShapeInput() {
        Tensor x = tf.constant(new float[] {1, 2, 3, 4, 5, 6});
        Tensor byInput = RawArray.reshape(x, tf.constant(new int[] {2, -1}));
        assertEquals(Shape.of(2, 3), byInput.shape());
        assertArrayEquals(x.toFloatArray(), byInput.toFloatArray());
        assertEquals(Shape.of(3, 2), RawArray.reshape(x, new int[] {3, 2}).shape());
        Tensor row = tf.constant(new float[] {1, 2});
        assertArrayEquals(new float[] {1, 2, 1, 2}, RawArray.broadcastTo(row, tf.constant(new int[] {2, 2})).toFloatArray());
        assertThrows(InvalidArgumentError.class, () -> Dispatcher.execute1(OpRegistry.get("Reshape"), Attrs.EMPTY, x));
    }

    @Test
    void eigTakesTfsToutAttribute() {
        Tensor m = tf.constant(new float[][] {{2, 0}, {0, 3}});
        Tensor[] wide = RawLinalg.eig(m, true, DType.COMPLEX128);
        assertEquals(DType.COMPLEX128, wide[0].dtype());
        assertEquals(DType.COMPLEX64, RawLinalg.eig(m, false, null)[0].dtype());
    }
}
