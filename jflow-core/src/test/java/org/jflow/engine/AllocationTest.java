package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.errors.ResourceExhaustedError;
import org.jflow.golden.TfOutcomes;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Tensors too large to hold raise TF's errors before anything is allocated, and the JVM goes on (golden/hostile.py).
 */
class AllocationTest {
    private static final TfOutcomes TF = new TfOutcomes("hostile");

    /** TF's OOM text for this case, for another shape: TF itself would allocate a 2**32 + 5 float tensor. */
    private static String oom(String shape, String type, String op) {
        return TF.message("zeros2^40").replace("1099511627776", shape).replace("type float", "type " + type)
                .replace("[Op:Fill]", "[Op:" + op + "]");
    }

    @Test
    void int64ShapesPastInt32AreNotWrappedAround() {
        TF.assertRaises("zeros2^40", () -> tf.zeros(tf.constant(new long[] {1L << 40})));
        long[] past = {(1L << 32) + 5};
        ResourceExhaustedError e = assertThrows(ResourceExhaustedError.class, () -> tf.zeros(past));
        assertEquals(oom("4294967301", "float", "Fill"), e.getMessage());
    }

    @Test
    void elementCountsPast2To63AreInvalid() {
        TF.assertRaises("zeros2^40x2^40", () -> tf.zeros(tf.constant(new long[] {1L << 40, 1L << 40})));
    }

    @Test
    void aTensorLargerThanTheHeapIsResourceExhaustedAndTheJvmGoesOn() {
        long rows = Runtime.getRuntime().maxMemory() / (8L * 1024) + 1; // float64 rows of 1024: just past the heap
        ResourceExhaustedError e = assertThrows(ResourceExhaustedError.class,
                () -> tf.ones(new long[] {rows, 1024}, DType.FLOAT64));
        assertEquals(oom(rows + ",1024", "double", "Fill"), e.getMessage());
        assertArrayEquals(new float[] {2, 2, 2}, tf.add(tf.ones(3), 1).toFloatArray());
    }

    @Test
    void kernelsThatRunOutOfHeapRaiseTheOpsErrorForItsLargestOutput() {
        TensorSpec[] outputs = {new TensorSpec(DType.INT32, Shape.of(2)), new TensorSpec(DType.FLOAT32, Shape.of(2, 3))};
        ResourceExhaustedError e = assertThrows(ResourceExhaustedError.class, () -> Allocation.guarded(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, outputs, "Hungry"));
        assertEquals(oom("2,3", "float", "Hungry"), e.getMessage());
    }
}
