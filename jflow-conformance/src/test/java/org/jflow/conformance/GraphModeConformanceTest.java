package org.jflow.conformance;

import org.jflow.GradientTape;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Graph mode against TF's: tutorial programs traced by JFlow's {@code tf.function} give the values
 * TF gives for the same computation built as a TF graph (TF-Java's Graph and Session, TF's own
 * symbolic gradients and While). Element-wise float programs must match bit for bit; programs with
 * reductions within a few ulps (TF's Eigen sums in another order).
 */
class GraphModeConformanceTest {
    private static final float[] XS = {-2f, 0f, 0.5f, 1f, 3f};

    private static float scalar(Result r, int i) { return ((TFloat32) r.get(i)).getFloat(); }

    @Test
    void quadraticAndItsDerivativeInOneFunction() {
        // The autodiff tutorial: y = x^2 - 2x + 1 and dy/dx, traced with the tape inside the function.
        var f = tf.function((Tensor x) -> {
            try (GradientTape tape = tf.GradientTape()) {
                tape.watch(x);
                Tensor y = tf.add(tf.add(tf.multiply(1.0f, tf.pow(x, 2.0f)), tf.multiply(-2.0f, x)), 1.0f);
                return new Tensor[] {y, tape.gradient(y, x)};
            }
        });
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ref = Ops.create(g);
            Placeholder<TFloat32> x = ref.placeholder(TFloat32.class);
            Operand<TFloat32> y = ref.math.add(ref.math.add(ref.math.mul(ref.constant(1.0f), ref.math.pow(x, ref.constant(2.0f))),
                    ref.math.mul(ref.constant(-2.0f), x)), ref.constant(1.0f));
            Output<?> dydx = g.addGradients(y.asOutput(), new Output<?>[] {x.asOutput()})[0];
            for (float v : XS) {
                Tensor[] mine = f.call(tf.constant(v));
                try (TFloat32 in = TFloat32.scalarOf(v); Result r = s.runner().feed(x, in).fetch(y).fetch(dydx).run()) {
                    assertEquals(scalar(r, 0), mine[0].floatValue(), "y at x=" + v);
                    assertEquals(scalar(r, 1), mine[1].floatValue(), "dy/dx at x=" + v);
                }
            }
        }
    }

    @Test
    void linearRegressionStepsInOneFunction() {
        // The linear-regression tutorial: 20 steps of w, b <- w, b - 0.05 * d mean((x w + b - y)^2) / d(w, b) on y = 2x + 1.
        float[] xs = {1, 2, 3, 4}, ys = {3, 5, 7, 9};
        float lr = 0.05f;
        Variable w = new Variable(0.0f), b = new Variable(0.0f);
        Tensor x = tf.constant(xs), yTrue = tf.constant(ys);
        var step = tf.function(() -> {
            try (GradientTape tape = tf.GradientTape()) {
                Tensor loss = tf.reduceMean(tf.square(tf.subtract(tf.add(tf.multiply(x, w), b), yTrue)));
                List<Tensor> g = tape.gradient(loss, List.of(w, b));
                w.assignSub(tf.multiply(lr, g.get(0)));
                b.assignSub(tf.multiply(lr, g.get(1)));
                return loss;
            }
        });
        float[] tfState = {0, 0}, tfLoss = new float[1], myLoss = new float[1];
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ref = Ops.create(g);
            Placeholder<TFloat32> pw = ref.placeholder(TFloat32.class), pb = ref.placeholder(TFloat32.class);
            Operand<TFloat32> loss = ref.math.mean(ref.math.square(ref.math.sub(ref.math.add(ref.math.mul(ref.constant(xs), pw), pb),
                    ref.constant(ys))), ref.constant(0));
            Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {pw.asOutput(), pb.asOutput()});
            @SuppressWarnings("unchecked")
            Operand<TFloat32> gw = (Operand<TFloat32>) grads[0], gb = (Operand<TFloat32>) grads[1];
            Operand<TFloat32> nw = ref.math.sub(pw, ref.math.mul(ref.constant(lr), gw)), nb = ref.math.sub(pb, ref.math.mul(ref.constant(lr), gb));
            for (int i = 0; i < 20; i++) {
                myLoss[0] = step.call().floatValue();
                try (TFloat32 inW = TFloat32.scalarOf(tfState[0]); TFloat32 inB = TFloat32.scalarOf(tfState[1]);
                     Result r = s.runner().feed(pw, inW).feed(pb, inB).fetch(nw).fetch(nb).fetch(loss).run()) {
                    tfState[0] = scalar(r, 0);
                    tfState[1] = scalar(r, 1);
                    tfLoss[0] = scalar(r, 2);
                }
                assertClose(tfLoss[0], myLoss[0], "loss at step " + i);
            }
        }
        assertClose(tfState[0], w.value().floatValue(), "w");
        assertClose(tfState[1], b.value().floatValue(), "b");
    }

    /** Within 8 ulps: the mean's sum runs in TF's order in one, JFlow's in the other. */
    private static void assertClose(float expected, float actual, String what) {
        assertEquals(expected, actual, 8 * Math.ulp(expected), what);
    }

    @Test
    void newtonSquareRootInAWhileLoop() {
        // A while loop with a float body: 6 Newton steps x <- (x + a / x) / 2 from x = a; TF's graph runs its own While.
        var sqrt = tf.function((Tensor a) -> tf.whileLoop(v -> tf.less(v.get(0), 6),
                v -> List.of(tf.add(v.get(0), 1), tf.multiply(0.5f, tf.add(v.get(1), tf.divide(v.get(2), v.get(1)))), v.get(2)),
                List.of(tf.constant(0), a, a)).get(1));
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ref = Ops.create(g);
            Placeholder<TFloat32> a = ref.placeholder(TFloat32.class);
            Output<?>[] loop = g.whileLoop(new Output<?>[] {ref.constant(0).asOutput(), a.asOutput(), a.asOutput()},
                    (cg, in, out) -> out[0] = Ops.create(cg).math.less(int32(in[0]), Ops.create(cg).constant(6)).asOutput(),
                    (bg, in, out) -> {
                        Ops body = Ops.create(bg);
                        out[0] = body.math.add(int32(in[0]), body.constant(1)).asOutput();
                        out[1] = body.math.mul(body.constant(0.5f), body.math.add(float32(in[1]), body.math.div(float32(in[2]), float32(in[1])))).asOutput();
                        out[2] = in[2];
                    }, "newton");
            for (float v : new float[] {2f, 9f, 0.25f, 1e4f}) {
                try (TFloat32 in = TFloat32.scalarOf(v); Result r = s.runner().feed(a, in).fetch(loop[1]).run()) {
                    assertEquals(scalar(r, 0), sqrt.call(tf.constant(v)).floatValue(), "sqrt(" + v + ")");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Operand<TInt32> int32(Output<?> o) { return (Operand<TInt32>) o; }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> float32(Output<?> o) { return (Operand<TFloat32>) o; }

    @Test
    void condChoosesTheSameBranch() {
        // tf.cond(x > 0, x^2, -x): TF's graph computes both branches and selects (the branches are pure, so the values are the cond's).
        var f = tf.function((Tensor x) -> tf.cond(tf.greater(x, 0.0f), () -> tf.square(x), () -> tf.negative(x)));
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ref = Ops.create(g);
            Placeholder<TFloat32> x = ref.placeholder(TFloat32.class);
            Operand<TFloat32> y = ref.select(ref.math.greater(x, ref.constant(0.0f)), ref.math.square(x), ref.math.neg(x));
            for (float v : XS) {
                try (TFloat32 in = TFloat32.scalarOf(v); Result r = s.runner().feed(x, in).fetch(y).run()) {
                    assertEquals(scalar(r, 0), f.call(tf.constant(v)).floatValue(), "at x=" + v);
                }
            }
        }
    }

    @Test
    void stringJoinInAFunction() {
        // The AutoGraph tutorial's strjoin: tf.strings.join([x, y], " ") on two vectors.
        var join = tf.function((Tensor a, Tensor b) -> tf.strings.join(List.of(a, b), " "));
        String[] left = {"hello", "good", ""}, right = {"world", "morning", "x"};
        Tensor mine = join.call(tf.constant(left), tf.constant(right));
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ref = Ops.create(g);
            Operand<TString> joined = ref.strings.join(List.of(ref.constant(NdArrays.vectorOfObjects(left)), ref.constant(NdArrays.vectorOfObjects(right))),
                    org.tensorflow.op.strings.Join.separator(" "));
            try (Result r = s.runner().fetch(joined).run()) {
                TString t = (TString) r.get(0);
                String[] theirs = new String[left.length];
                for (int i = 0; i < theirs.length; i++) theirs[i] = t.getObject(i);
                String[] ours = new String[left.length];
                for (int i = 0; i < ours.length; i++) ours[i] = new String(((byte[][]) mine.data())[i], StandardCharsets.UTF_8);
                assertArrayEquals(theirs, ours);
            }
        }
    }
}
