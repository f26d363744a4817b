package org.jflow.device;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.OpRegistry;
import org.jflow.errors.NotFoundError;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A dtype TF's op allows but no TF CPU kernel takes: TF 2.21's NotFoundError, its text generated
 * from the kernel table (KernelTable.requireCpuKernel over TF's own registrations), against
 * golden/cpu_kernel_errors.json. The CPU registrations are compared (TF's XLA_CPU_JIT ones are
 * not JFlow's; the test device's, where attached, are JFlow's own) and, in the node, the type
 * attributes: TF also lists the attributes a call leaves at their defaults, which JFlow's ops do
 * not declare yet.
 */
class CpuKernelErrorsTest {
    private static final Golden GOLDEN = Golden.load("cpu_kernel_errors");

    private static Tensor zeros(DType t, int... shape) {
        return t == DType.STRING ? tf.fill(shape, tf.constant("a")) : tf.zeros(Shape.of(shape), t);
    }

    private static Supplier<Tensor[]> call(String op, Attrs attrs, Tensor... inputs) {
        return () -> Dispatcher.execute(OpRegistry.get(op), attrs, inputs);
    }

    private static final Map<String, Supplier<Tensor[]>> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("RealDiv int32", call("RealDiv", Attrs.EMPTY, zeros(DType.INT32, 2), zeros(DType.INT32, 2)));
        CALLS.put("Round int8", call("Round", Attrs.EMPTY, zeros(DType.INT8, 2)));
        CALLS.put("Rint half", call("Rint", Attrs.EMPTY, zeros(DType.FLOAT16, 2)));
        CALLS.put("TruncateMod half", call("TruncateMod", Attrs.EMPTY, zeros(DType.FLOAT16, 2),
                zeros(DType.FLOAT16, 2)));
        CALLS.put("Reciprocal int32", call("Reciprocal", Attrs.EMPTY, zeros(DType.INT32, 2)));
        CALLS.put("MatMul uint8", call("MatMul", Attrs.EMPTY, zeros(DType.UINT8, 2, 2), zeros(DType.UINT8, 2, 2)));
        CALLS.put("BatchMatMulV3 half", call("BatchMatMulV3", Attrs.EMPTY, zeros(DType.FLOAT16, 2, 2),
                zeros(DType.FLOAT16, 2, 2)));
        Tensor index = tf.constant(new int[][] {{0}});
        CALLS.put("TensorScatterAdd bool", call("TensorScatterAdd", Attrs.EMPTY, zeros(DType.BOOL, 2), index,
                zeros(DType.BOOL, 1)));
        CALLS.put("TensorScatterAdd string", call("TensorScatterAdd", Attrs.EMPTY, zeros(DType.STRING, 2), index,
                zeros(DType.STRING, 1)));
        CALLS.put("LinSpace half", call("LinSpace", Attrs.of("num", 3), zeros(DType.FLOAT16), zeros(DType.FLOAT16)));
        CALLS.put("MatrixDiagV3 string", call("MatrixDiagV3", Attrs.EMPTY, zeros(DType.STRING, 2)));
        CALLS.put("LRN bfloat16", call("LRN", Attrs.EMPTY, zeros(DType.BFLOAT16, 1, 1, 1, 2)));
        int[] ones = {1, 1, 1, 1, 1};
        CALLS.put("AvgPool3D half", call("AvgPool3D", Attrs.of("ksize", ones, "strides", ones, "padding", "VALID"),
                zeros(DType.FLOAT16, 1, 2, 2, 2, 1)));
    }

    @Test
    void everyCaseHasAGoldenAndAJFlowCall() {
        assertEquals(GOLDEN.cases().keySet(), CALLS.keySet());
    }

    @Test
    void dtypesWithoutACpuKernelGiveTfsNotFoundErrorFromTheKernelTable() {
        for (var c : CALLS.entrySet()) {
            Map<String, Object> tf = GOLDEN.map(c.getKey());
            assertEquals("NotFoundError", tf.get("type"), c.getKey());
            NotFoundError e = assertThrows(NotFoundError.class, c.getValue()::get, c.getKey());
            assertEquals(comparable((String) tf.get("message")), comparable(e.getMessage()), c.getKey());
        }
    }

    /** {@code ... = X[T=DT_HALF, ksize=[1, 1], padding="VALID"]} as {@code ... = X[T=DT_HALF]}: the upper-case attributes. */
    private static String typeAttributesOnly(String line) {
        int open = line.indexOf('[', line.indexOf(" = "));
        String attrs = line.substring(open + 1, line.length() - 1);
        java.util.List<String> kept = new java.util.ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i <= attrs.length(); i++) {
            char ch = i < attrs.length() ? attrs.charAt(i) : ',';
            if (ch == '[') depth++;
            if (ch == ']') depth--;
            if (ch == ',' && depth == 0) {
                String attr = attrs.substring(start, i).strip();
                if (Character.isUpperCase(attr.charAt(0))) kept.add(attr);
                start = i + 1;
            }
        }
        return line.substring(0, open + 1) + String.join(", ", kept) + "]";
    }

    /**
     * The message with only its CPU (and DEFAULT) registrations: TF's XLA ones and the test device's
     * (attached by other tests in this JVM) apart; and, in the node, without the non-type attributes.
     */
    private static String comparable(String message) {
        String[] lines = message.split("\n", -1);
        String node = typeAttributesOnly(lines[0]);
        return node + "\n" + Arrays.stream(lines).skip(1)
                .filter(l -> !l.startsWith("  device=") || l.startsWith("  device='CPU'")
                        || l.startsWith("  device='DEFAULT'"))
                .collect(Collectors.joining("\n"));
    }
}
