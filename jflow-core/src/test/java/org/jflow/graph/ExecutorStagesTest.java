package org.jflow.graph;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Parallel;
import org.jflow.errors.ValueError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Independent medium-sized nodes run side by side and give exactly the results of one-by-one execution; fed shapes are checked. */
class ExecutorStagesTest {
    private static Program traced(Function<Tensor, List<Tensor>> fn, Tensor x) {
        return tf.function(fn::apply).getConcreteFunction(x).optimizedProgram();
    }

    @Test
    void aFedValueMustFitItsPlaceholder() {
        Program p = traced(in -> List.of(tf.add(in, 1f)), tf.constant(new float[] {1, 2, 3}));
        Executor e = new Executor(p.graph(), p.inputs(), p.outputs(), true);
        ValueError error = assertThrows(ValueError.class, () -> e.run(tf.constant(new float[] {1, 2})));
        assertEquals("Cannot feed value of shape (2,) for Tensor args_0:0, which has shape (3,)", error.getMessage());
    }

    @Test
    void smallGraphsStaySequential() {
        Program p = traced(in -> List.of(tf.add(in, 1f), tf.multiply(in, 2f), tf.subtract(in, 3f)), tf.constant(new float[] {1, 2, 3}));
        assertEquals(0, new Executor(p.graph(), p.inputs(), p.outputs(), true).stagedStepCount());
    }

    @Test
    void independentBranchesRunTogetherWithTheSameResults() {
        Tensor x = tf.cast(tf.sin(tf.multiply(tf.range(0.0, 8192, 1.0), 0.1)), DType.FLOAT32);
        Tensor w = tf.cast(tf.cos(tf.reshape(tf.range(0.0, 128 * 64, 1.0), 128, 64)), DType.FLOAT32);
        Function<Tensor, List<Tensor>> branches = in -> {
            List<Tensor> out = new ArrayList<>();
            for (int i = 1; i <= 4; i++) out.add(tf.matmul(tf.reshape(tf.multiply(in, (float) i), 64, 128), w));
            for (int i = 1; i <= 4; i++) out.add(tf.reduceSum(tf.sigmoid(tf.multiply(in, (float) i)), 0));
            return out;
        };
        List<Tensor> eager = branches.apply(x);
        Program p = traced(branches, x);
        Executor e = new Executor(p.graph(), p.inputs(), p.outputs(), true);
        assertEquals(Parallel.threads() > 1, e.stagedStepCount() > 0);
        for (int run = 0; run < 3; run++) {
            Tensor[] got = e.run(x);
            for (int i = 0; i < got.length; i++) assertArrayEquals(eager.get(i).toFloatArray(), got[i].toFloatArray(), "output " + i);
        }
    }
}
