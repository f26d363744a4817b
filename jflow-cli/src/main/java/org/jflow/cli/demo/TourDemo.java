package org.jflow.cli.demo;

import org.jflow.Tensor;
import org.jflow.Variable;

import static org.jflow.tensorflow.TensorFlow.tf;

/** A first look: tensors, dtypes as TF infers them, element-wise ops with broadcasting, variables, errors. */
final class TourDemo implements Demo {
    @Override
    public String name() { return "tour"; }

    @Override
    public String summary() {
        return "tensors, dtypes, arithmetic, reductions, indexing, shapes, linear algebra, random, strings, variables, errors";
    }

    @Override
    public void run(Transcript t) {
        t.section("Tensors");
        t.note("Java values convert as Python's do: int -> int32, a double literal -> float32, double[] -> float64");
        t.show("tf.constant(1)", () -> tf.constant(1));
        t.show("tf.constant(2.5)", () -> tf.constant(2.5));
        t.show("tf.constant(new double[] {1, 2, 3})", () -> tf.constant(new double[] {1, 2, 3}));
        t.show("tf.constant(\"hello\")", () -> tf.constant("hello"));
        Tensor x = t.show("var x = tf.constant(new float[][] {{1, 2}, {3, 4}})",
                () -> tf.constant(new float[][] {{1, 2}, {3, 4}}));
        t.show("x.shape()", x::shape);
        t.show("x.dtype()", x::dtype);

        t.section("Arithmetic");
        t.show("tf.add(x, 1)", () -> tf.add(x, 1));
        t.show("tf.subtract(x, x)", () -> tf.subtract(x, x));
        t.note("shapes broadcast as in NumPy: (2, 2) + (2,)");
        t.show("tf.add(x, new float[] {10, 20})", () -> tf.add(x, new float[] {10, 20}));

        t.section("Reductions");
        Tensor r = t.show("var r = tf.reshape(tf.range(1, 10), new int[] {3, 3})", () -> tf.reshape(tf.range(1, 10), new int[] {3, 3}));
        t.show("tf.reduceSum(r)", () -> tf.reduceSum(r));
        t.show("tf.reduceSum(r, 1, true)", () -> tf.reduceSum(r, 1, true));
        t.show("tf.reduceMean(r, 0)", () -> tf.reduceMean(r, 0));
        t.show("tf.argmax(r, 1)", () -> tf.argmax(r, 1));
        t.show("tf.math.cumsum(tf.range(1, 10))", () -> tf.math.cumsum(tf.range(1, 10)));
        t.show("tf.math.topK(tf.constant(new int[] {1, 3, 7, 5, 4, 8}), 3).values()",
                () -> tf.math.topK(tf.constant(new int[] {1, 3, 7, 5, 4, 8}), 3).values());

        t.section("Indexing and shapes");
        t.note("x[1:3, ::2] is x.slice(\"1:3, ::2\"); t[0, 2] is t.get(0, 2)");
        t.show("r.slice(\"1:3, ::2\")", () -> r.slice("1:3, ::2"));
        t.show("r.get(0, 2)", () -> r.get(0, 2));
        t.show("tf.transpose(r)", () -> tf.transpose(r));
        t.show("tf.concat(java.util.List.of(r, r), 1).shape()", () -> tf.concat(java.util.List.of(r, r), 1).shape());
        t.show("tf.booleanMask(r, r.gt(4))", () -> tf.booleanMask(r, r.gt(4)));
        t.show("tf.where(r.gt(4), r, tf.zerosLike(r))", () -> tf.where(r.gt(4), r, tf.zerosLike(r)));
        t.show("tf.gather(r, new int[] {2, 0})", () -> tf.gather(r, new int[] {2, 0}));

        t.section("Math and linear algebra");
        t.show("tf.exp(x).repr()", () -> tf.exp(x).repr());
        t.show("x.matmul(x)", () -> x.matmul(x));
        t.show("tf.linalg.inv(x)", () -> tf.linalg.inv(x));
        t.show("tf.linalg.det(x)", () -> tf.linalg.det(x));
        t.show("tf.nn.softmax(tf.constant(new float[] {1, 2, 3}))", () -> tf.nn.softmax(tf.constant(new float[] {1, 2, 3})));

        t.section("Random numbers, bit for bit as TensorFlow");
        t.note("after tf.random.set_seed(1.0), TF prints [1.65130854 9.01481247 6.30974197 4.34546089 2.9193902]");
        t.show("tf.random.setSeed(1.0); tf.random.uniform(new int[] {5}, 0, 10)", () -> {
            tf.random.setSeed(1.0);
            return tf.random.uniform(new int[] {5}, 0, 10);
        });

        t.section("Strings");
        t.show("tf.strings.join(java.util.List.of(tf.constant(\"hello\"), tf.constant(\"world\")), \" \")",
                () -> tf.strings.join(java.util.List.of(tf.constant("hello"), tf.constant("world")), " "));
        t.show("tf.strings.length(tf.constant(\"你好 世界\"))", () -> tf.strings.length(tf.constant("你好 世界")));

        t.section("Variables");
        Variable v = t.show("var v = tf.Variable(new float[] {1, 2}, \"v\")", () -> tf.Variable(new float[] {1, 2}, "v"));
        t.show("v.assignAdd(new float[] {10, 10})", () -> v.assignAdd(new float[] {10, 10}));
        t.show("tf.add(v, 1)", () -> tf.add(v, 1));

        t.section("Errors");
        t.note("shape and dtype errors come from the op's shape rule, with TF's messages");
        t.showError("tf.add(tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}}), tf.constant(new int[][] {{1, 2}, {3, 4}, {5, 6}}))",
                () -> tf.add(tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}}), tf.constant(new int[][] {{1, 2}, {3, 4}, {5, 6}})));
        t.showError("tf.add(tf.constant(1), tf.constant(1.5))", () -> tf.add(tf.constant(1), tf.constant(1.5)));
        t.showError("tf.squeeze(tf.zeros(4, 1), 0)", () -> tf.squeeze(tf.zeros(4, 1), 0));
        t.showError("tf.gather(tf.range(5), 7)", () -> tf.gather(tf.range(5), 7));
        t.showError("tf.matmul(tf.ones(2, 3), tf.ones(2, 3))", () -> tf.matmul(tf.ones(2, 3), tf.ones(2, 3)));
    }
}
