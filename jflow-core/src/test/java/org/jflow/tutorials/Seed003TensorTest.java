package org.jflow.tutorials;

import org.jflow.RaggedTensor;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.errors.ValueError;
import org.jflow.format.NumpyFormat;
import org.junit.jupiter.api.Test;

import static org.jflow.TF.tf;
import static org.jflow.tutorials.Printed.print;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 003 (a TF 2.x / Keras notebook that was never run): the deterministic tensor prints of
 * inventory 003.md section 4 (G01-G13) and the derived cases D01-D07, D19, D20, translated line by
 * line. A Python f-string of a tensor formats its NumPy value ({@link NumpyFormat#str}).
 */
class Seed003TensorTest {

    @Test
    void g01_tensorAttributes() {
        Tensor tensor = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals("形状 (Shape): (2, 3)\n", print("形状 (Shape): " + tensor.shape()));
        assertEquals("数据类型 (Dtype): <dtype: 'int32'>\n", print("数据类型 (Dtype): " + tensor.dtype()));
        assertEquals("维度 (Rank): 2\n", print("维度 (Rank): " + NumpyFormat.str(tf.rank(tensor))));
        assertEquals("设备 (Device): /job:localhost/replica:0/task:0/device:CPU:0\n", print("设备 (Device): " + tensor.device()));
    }

    @Test
    void g03_eagerScalarAddition() {
        Tensor a = tf.constant(2.0f);
        Tensor b = tf.constant(3.0f);
        Tensor c = a.add(b);
        assertEquals("结果: 5.0\n", print("结果: " + NumpyFormat.str(c)));
        assertEquals("c 的 numpy 值: 5.0\n", print("c 的 numpy 值: " + NumpyFormat.str(c)));
    }

    @Test
    void g05_scalarConstant() {
        assertEquals("tf.Tensor(3.14, shape=(), dtype=float32)\n", print(tf.constant(3.14f)));
    }

    @Test
    void g06_variableAssignAndSlicedAssign() {
        Variable weight = tf.Variable(tf.zeros(2, 3));
        weight.assign(tf.ones(2, 3));
        assertEquals("修改后权重:\n<tf.Variable 'Variable:0' shape=(2, 3) dtype=float32, numpy=\narray([[1., 1., 1.],\n       [1., 1., 1.]], dtype=float32)>\n",
                print("修改后权重:\n" + weight));
        weight.at(0, 0).assign(5.0f);
        assertEquals("部分更新后:\n<tf.Variable 'Variable:0' shape=(2, 3) dtype=float32, numpy=\narray([[5., 1., 1.],\n       [1., 1., 1.]], dtype=float32)>\n",
                print("部分更新后:\n" + weight));
    }

    @Test
    void g10_basicComputationLine() {
        Tensor a = tf.constant(new int[] {1, 2, 3});
        Tensor b = tf.constant(new int[] {4, 5, 6});
        Tensor c = tf.add(a, b);
        assertEquals("✓ Basic computation test: [1 2 3] + [4 5 6] = [5 7 9]\n",
                print("✓ Basic computation test: " + NumpyFormat.str(a) + " + " + NumpyFormat.str(b) + " = " + NumpyFormat.str(c)));
    }

    @Test
    void g12_noGpu() {
        var gpus = tf.config.listPhysicalDevices("GPU");
        assertEquals("GPU 可用: False\nGPU 设备列表: []\n", print("GPU 可用:", gpus.isEmpty() ? "False" : "True") + print("GPU 设备列表:", gpus));
    }

    @Test
    void g13_broadcasting() {
        Tensor matrix = tf.constant(new int[][] {{1}, {2}, {3}, {4}});
        Tensor vector = tf.constant(new int[] {10, 20, 30, 40});
        Tensor broadcastSum = matrix.add(vector);
        assertEquals("形状: (4, 4)\n", print("形状:", broadcastSum.shape()));
        assertEquals("结果: [[11 21 31 41]\n [12 22 32 42]\n [13 23 33 43]\n [14 24 34 44]]\n", print("结果:", NumpyFormat.str(broadcastSum)));
        assertEquals(tf.int32, broadcastSum.dtype());
    }

    @Test
    void d01_creation() {
        assertEquals("<dtype: 'int32'>", tf.constant(new int[][] {{1, 2}, {3, 4}}).dtype().toString());
        assertEquals("<dtype: 'int64'>", tf.constant(new long[][] {{5, 6}, {7, 8}}).dtype().toString());
        assertEquals("[[0. 0. 0.]\n [0. 0. 0.]]", NumpyFormat.str(tf.zeros(2, 3)));
        assertEquals("[[1. 1.]\n [1. 1.]\n [1. 1.]]", NumpyFormat.str(tf.ones(3, 2)));
        assertEquals("[[1. 0. 0.]\n [0. 1. 0.]\n [0. 0. 1.]]", NumpyFormat.str(tf.eye(3)));
        Tensor seven = tf.fill(new int[] {2, 2}, 7);
        assertEquals("[[7 7]\n [7 7]] <dtype: 'int32'>", NumpyFormat.str(seven) + " " + seven.dtype());
    }

    @Test
    void d02_addMultiplySqrt() {
        Tensor a = tf.constant(new int[][] {{1, 2}, {3, 4}});
        Tensor b = tf.constant(new int[][] {{5, 6}, {7, 8}});
        assertEquals("[[ 6  8]\n [10 12]]", NumpyFormat.str(tf.add(a, b)));
        assertEquals("[[ 5 12]\n [21 32]]", NumpyFormat.str(tf.multiply(a, b)));
        assertEquals("[[1.        1.4142135]\n [1.7320508 2.       ]]", NumpyFormat.str(tf.sqrt(tf.cast(a, tf.float32))));
    }

    @Test
    void d03_shapeOps() {
        Tensor t = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals("[[1 2]\n [3 4]\n [5 6]]", NumpyFormat.str(tf.reshape(t, 3, 2)));
        assertEquals("[[1 4]\n [2 5]\n [3 6]]", NumpyFormat.str(tf.transpose(t)));
        assertEquals("(1, 2, 3)", tf.expandDims(t, 0).shape().toString());
    }

    @Test
    void d04_indexing() {
        Tensor t = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        assertEquals("6", NumpyFormat.str(t.get(1, 2)));
        assertEquals("[4 5 6]", NumpyFormat.str(t.slice("1, :")));
        assertEquals("[2 5 8]", NumpyFormat.str(t.slice(":, 1")));
        assertEquals("[[2 3]\n [5 6]]", NumpyFormat.str(t.slice("0:2, 1:")));
    }

    @Test
    void d05_broadcasting() {
        assertEquals("[3 4 5]", NumpyFormat.str(tf.constant(new int[] {1, 2, 3}).add(2)));
        assertEquals("[[11 21 31]\n [12 22 32]\n [13 23 33]]",
                NumpyFormat.str(tf.constant(new int[][] {{1}, {2}, {3}}).add(tf.constant(new int[] {10, 20, 30}))));
    }

    @Test
    void d06_reductions() {
        Tensor t = tf.constant(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals("21 [5 7 9] [ 6 15] 3 6 1 True True", String.join(" ",
                NumpyFormat.str(tf.reduceSum(t)), NumpyFormat.str(tf.reduceSum(t, 0)), NumpyFormat.str(tf.reduceSum(t, 1)),
                NumpyFormat.str(tf.reduceMean(t)), NumpyFormat.str(tf.reduceMax(t)), NumpyFormat.str(tf.reduceMin(t)),
                NumpyFormat.str(tf.reduceAny(t.gt(4))), NumpyFormat.str(tf.reduceAll(t.gt(0)))));
    }

    @Test
    void g02_denseForward() {
        Tensor x = tf.constant(new float[][] {{1.0f, 2.0f, 3.0f}});
        Variable w = tf.Variable(tf.random.normal(new int[] {3, 2}));
        Variable b = tf.Variable(tf.zeros(2));
        Tensor y = tf.matmul(x, w).add(b);
        String printed = print(y);
        assertTrue(printed.startsWith("tf.Tensor([[") && printed.endsWith("]], shape=(1, 2), dtype=float32)\n"), printed);
        assertArrayEquals(tf.matmul(x, w).toFloatArray(), y.toFloatArray(), 0f);
    }

    @Test
    void g07_twoLayerForward() {
        Tensor x = tf.constant(new float[][] {{1.0f, 2.0f}});
        Variable w1 = tf.Variable(tf.random.normal(new int[] {2, 3}));
        Variable b1 = tf.Variable(tf.zeros(3));
        Variable w2 = tf.Variable(tf.random.normal(new int[] {3, 1}));
        Variable b2 = tf.Variable(tf.zeros(1));
        Tensor hidden = tf.nn.relu(tf.matmul(x, w1).add(b1));
        Tensor output = tf.matmul(hidden, w2).add(b2);
        assertEquals("(1, 3) (1, 1)\n", print(hidden.shape(), output.shape()));
        assertTrue(tf.reduceMin(hidden).floatValue() >= 0);
        assertTrue(NumpyFormat.str(output).matches("\\[\\[ ?-?[0-9.e+-]+\\]\\]"), NumpyFormat.str(output));
    }

    @Test
    void g19_strings() {
        Tensor text = tf.constant(new String[] {"TensorFlow 文本处理", "深度学习自然语言处理"});
        assertEquals("[tensorflow 文本处理, 深度学习自然语言处理]", java.util.Arrays.toString(tf.strings.lower(text).toStringArray()));
        assertEquals("[[TensorFlow, 文本处理], [深度学习自然语言处理]]", tf.strings.<RaggedTensor>split(text).toList().toString());
        assertEquals("[23 30]", NumpyFormat.str(tf.strings.length(text)));
        assertEquals("[15 10]", NumpyFormat.str(tf.strings.length(text, "UTF8_CHAR")));
        String punctuation = "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]"; // '[%s]' % re.escape(string.punctuation)
        assertEquals("b'Hello World'", NumpyFormat.str(tf.strings.regexReplace(tf.constant("Hello, World!"), punctuation, "")));
    }

    @Test
    void d01_randomCreation() {
        Tensor u = tf.random.uniform(new int[] {2, 2}, 0, 1);
        assertEquals("(2, 2) <dtype: 'float32'>", u.shape() + " " + u.dtype());
        assertTrue(tf.reduceMin(u).floatValue() >= 0 && tf.reduceMax(u).floatValue() < 1);
        Tensor n = tf.random.normal(new int[] {3, 3}, 0, 1);
        assertEquals("(3, 3) <dtype: 'float32'>", n.shape() + " " + n.dtype());
        Tensor shuffled = tf.random.shuffle(tf.constant(new int[] {1, 2, 3, 4, 5}));
        assertEquals("[1 2 3 4 5]", NumpyFormat.str(tf.sort(shuffled)));
    }

    @Test
    void d02_matmul() {
        Tensor a = tf.constant(new int[][] {{1, 2}, {3, 4}});
        Tensor b = tf.constant(new int[][] {{5, 6}, {7, 8}});
        assertEquals("[[19 22]\n [43 50]]", NumpyFormat.str(tf.matmul(a, b)));
    }

    @Test
    void d07_traceOfGramIsSquaredFrobeniusNorm() {
        for (int trial = 0; trial < 5; trial++) {
            Tensor m = tf.random.uniform(new int[] {3, 3}, 0, 10, tf.int32);
            Tensor gram = tf.matmul(m, tf.transpose(m));
            assertEquals(tf.reduceSum(m.mul(m)).intValue(), tf.reduceSum(tf.linalg.diagPart(gram)).intValue());
            assertEquals(NumpyFormat.str(gram), NumpyFormat.str(tf.transpose(gram)));
        }
    }

    @Test
    void d25_pixelShuffle() {
        Tensor y = tf.nn.depthToSpace(tf.constant(new int[][][][] {{{{1, 2, 3, 4}}}}), 2);
        assertEquals("(1, 2, 2, 1) [[[[1]\n   [2]]\n\n  [[3]\n   [4]]]]", y.shape() + " " + NumpyFormat.str(y));
    }

    @Test
    void d35_rotationAngleRange() {
        Tensor angle = tf.random.uniform(new int[] {1000}, -15, 15).mul(3.1415f / 180);
        assertTrue(tf.reduceMin(angle).floatValue() >= -0.2617917f && tf.reduceMax(angle).floatValue() < 0.2617917f);
    }

    /** F06 (section 4.5): the notebook draws uint8 noise, which tf.random.uniform rejects. */
    @Test
    void f06_uniformRejectsUint8() {
        ValueError e = assertThrows(ValueError.class, () -> tf.random.uniform(new int[] {2, 2}, 0, 255, tf.uint8));
        assertEquals("Invalid dtype tf.uint8", e.getMessage());
    }

    @Test
    void d19_scaleToMinusOneOne() {
        Tensor image = tf.constant(new float[] {0f, 127.5f, 255f});
        assertEquals("[-1.  0.  1.]", NumpyFormat.str(image.div(127.5f).sub(1)));
    }

    @Test
    void d20_imagenetStandardisation() {
        Tensor mean = tf.constant(new float[] {0.485f, 0.456f, 0.406f});
        Tensor std = tf.constant(new float[] {0.229f, 0.224f, 0.225f});
        assertEquals("[2.2489083 2.4285715 2.64     ]", NumpyFormat.str(tf.ones(3).sub(mean).div(std)));
        assertEquals("[-2.117904  -2.0357141 -1.8044444]", NumpyFormat.str(tf.zeros(3).sub(mean).div(std)));
    }
}
