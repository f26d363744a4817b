package org.jflow.tutorials;

import org.jflow.Index;
import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.config.DeviceScope;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.OpError;
import org.jflow.format.NumpyFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jflow.TF.tf;
import static org.jflow.tutorials.Printed.print;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Seed 000 (textbook chapter 3, TensorFlow 2.6), tensor sections 3.3.1-3.3.9: each example of
 * inventory 000.md section 3 translated line by line, its printed text compared with the book's.
 */
class Seed000TensorTest {
    /** {@code data3} of 3.3.3 (L938). */
    private static final Tensor DATA3 = tf.convertToTensor(new float[][] {
            {1.1228833f, -0.94511896f, -1.1491745f}, {0.50430834f, -0.1323103f, -0.509263f}});

    /** The 4x3 {@code params} of 3.3.6 (L2147). */
    private static final Tensor PARAMS = tf.constant(new float[][] {{0, 1.0f, 2.0f}, {10.0f, 11.0f, 12.0f}, {20.0f, 21.0f, 22.0f}, {30.0f, 31.0f, 32.0f}});

    @Test
    void g1_variableIsMutableConstantIsNot() {
        Variable theta = tf.Variable(new float[][] {{1.f}, {2.f}}, o -> o.dtype(tf.float32));
        theta.assign(new float[][] {{5.f}, {6.f}});
        assertEquals("<tf.Variable 'Variable:0' shape=(2, 1) dtype=float32, numpy=\n"
                + "array([[5.],\n"
                + "       [6.]], dtype=float32)>\n", print(theta));
    }

    @Test
    void g1_assignReturnsUnreadVariable() {
        Variable theta = tf.Variable(new float[][] {{1.f}, {2.f}}, o -> o.dtype(tf.float32));
        theta = theta.assign(new float[][] {{5.f}, {6.f}});
        assertEquals("ResourceVariable 对象修改后的值: <tf.Variable 'UnreadVariable' shape=(2, 1) dtype=float32, numpy=\n"
                + "array([[5.],\n"
                + "       [6.]], dtype=float32)>\n", print("ResourceVariable 对象修改后的值:", theta));
    }

    @Test
    void g1_convertToTensorKeepsFloat64() {
        Tensor npTensor = tf.convertToTensor(new double[4][3]);
        assertEquals(tf.float64, npTensor.dtype());
        assertEquals("(4, 3)", npTensor.shape().toString());
    }

    @Test
    void g1_castVariableToInt8() {
        Variable theta = tf.Variable(new float[][] {{1.f}, {2.f}}, o -> o.dtype(tf.float32));
        Tensor typeConversion = tf.cast(theta, tf.int8);
        assertEquals("Tensor 数据类型转换:  tf.Tensor(\n[[1]\n [2]], shape=(2, 1), dtype=int8)\n", print("Tensor 数据类型转换: ", typeConversion));
    }

    @Test
    void g3_elementwiseMath() {
        Tensor data1 = tf.constant(new float[][] {{2.f, 2.f}}, tf.float32);
        Tensor data2 = tf.constant(new float[][] {{4.f, 4.f}}, tf.float32);
        assertEquals("tf.Tensor([[6. 6.]], shape=(1, 2), dtype=float32)\n", print(tf.add(data1, data2)));
        assertEquals("tf.Tensor([[-2. -2.]], shape=(1, 2), dtype=float32)\n", print(tf.subtract(data1, data2)));
        assertEquals("tf.Tensor([[8. 8.]], shape=(1, 2), dtype=float32)\n", print(tf.multiply(data1, data2)));
        assertEquals("tf.Tensor([[0.5 0.5]], shape=(1, 2), dtype=float32)\n", print(tf.divide(data1, data2)));
        assertEquals("tf.Tensor([[16.]], shape=(1, 1), dtype=float32)\n", print(tf.matmul(data1, tf.transpose(data2))));
        assertEquals("tf.Tensor([[1.4142135 1.4142135]], shape=(1, 2), dtype=float32)\n", print(tf.math.sqrt(data1)));
    }

    @Test
    void g6_shapeOps() {
        Tensor rndShape4 = tf.random.normal(new int[] {4, 32, 32, 3});
        assertEquals("获取维度: (4, 32, 32, 3)\n", print("获取维度:", rndShape4.shape()));
        Tensor shape5 = tf.expandDims(rndShape4, 0);
        assertEquals("升维: (1, 4, 32, 32, 3)\n", print("升维:", shape5.shape()));
        assertEquals("降维: (4, 32, 32, 3)\n", print("降维:", tf.squeeze(shape5, 0).shape()));
        Tensor shape6 = tf.expandDims(rndShape4, 1);
        assertEquals("升维: (4, 1, 32, 32, 3)\n", print("升维:", shape6.shape()));
        Tensor shape61 = tf.squeeze(shape6, 1);
        assertEquals("降维: (4, 32, 32, 3)\n", print("降维:", shape61.shape()));
        assertEquals("改变维度: (1, 1, 4, 32, 32, 3)\n", print("改变维度:", tf.reshape(shape61, 1, 1, 4, 32, 32, 3).shape()));
        assertEquals("按指定的顺序交换: (28, 32, 3)\n", print("按指定的顺序交换:", tf.transpose(tf.random.normal(new int[] {32, 28, 3}), 1, 0, 2).shape()));
        assertEquals(tf.float32, rndShape4.dtype());
    }

    @Test
    void g14_gatherAxis0OutOfRangeRaisesOnTheCpu() {
        Tensor params = tf.random.normal(new int[] {4, 35, 8});
        assertEquals("indices[2] = 7 is not in [0, 4) [Op:GatherV2]",
                assertThrows(InvalidArgumentError.class, () -> tf.gather(params, new int[] {2, 3, 7, 9, 16}, 0)).getMessage());
    }

    /** The forward pass of the 2-layer sigmoid net of 3.3.10 (the gradients belong to the GradientTape issue). */
    @Test
    void g19_forwardPassError() {
        Tensor ga = tf.convertToTensor(new float[][] {{2.f}, {3.f}, {1.f}});
        List<Variable> initW = List.of(tf.Variable(new float[][] {{0.03f, 0.02f, 0.01f}, {0.013f, 0.012f, 0.001f}}),
                tf.Variable(new float[][] {{0.03f, 0.02f, 0.01f}, {0.013f, 0.012f, 0.001f}}));
        Tensor y = tf.convertToTensor(new float[][] {{1.f}, {0.f}});
        Tensor out = null;
        for (Variable w : initW) {
            Tensor z = tf.matmul(w, ga);
            out = tf.divide(1, tf.add(1, tf.exp(z.neg())));
            ga = tf.concat(List.of(out, tf.cast(new float[][] {{1.0f}}, tf.float32)), 0);
        }
        Tensor d = out.sub(y);
        // The book's GPU run printed [[-0.4909289]\n [ 0.5035277]]; JFlow's float32 exp (Eigen's packet formula,
        // which TF's CPU kernel takes for whole packets) gives the same, where correctly rounded exps (NumPy, TF's
        // scalar tail of a 2-element tensor) give 0.50352764, one ulp away: compare values (inventory: rtol 1e-5).
        assertArrayEquals(new float[] {-0.4909289f, 0.5035277f}, d.toFloatArray(), 1e-6f);
        assertEquals("误差:  tf.Tensor(\n[[-0.4909289]\n [ 0.5035277]], shape=(2, 1), dtype=float32)\n", print("误差: ", d));
        assertEquals(0.24727562f, tf.reduceSum(tf.multiply(0.5f, tf.square(d))).floatValue(), 1e-7f);
    }

    @Test
    void g2_devicePlacement() {
        Tensor cpu;
        try (DeviceScope s = tf.device("cpu")) {
            cpu = tf.constant(1);
        }
        assertEquals("/job:localhost/replica:0/task:0/device:CPU:0\n", print(cpu.device()));
        try (DeviceScope s = tf.device("gpu")) {
            assertEquals("/job:localhost/replica:0/task:0/device:GPU:0", s.requested());
        }
    }

    @Test
    void g4_axisReductions() {
        assertEquals("tf.Tensor([-1.1491745 -0.509263 ], shape=(2,), dtype=float32)\n", print(tf.reduceMin(DATA3, 1)));
        assertEquals("tf.Tensor([ 0.81359583 -0.53871465 -0.82921875], shape=(3,), dtype=float32)\n", print(tf.reduceMean(DATA3, 0)));
        assertEquals("tf.Tensor([ 1.6271917 -1.0774293 -1.6584375], shape=(3,), dtype=float32)\n", print(tf.reduceSum(DATA3, 0)));
        assertEquals("tf.Tensor([1.1228833  0.50430834], shape=(2,), dtype=float32)\n", print(tf.reduceMax(DATA3, 1)));
    }

    @Test
    void g5_argFunctions() {
        assertEquals("tf.Tensor([0 1 1], shape=(3,), dtype=int64)\n", print(tf.argmax(DATA3, 0)));
        assertEquals("tf.Tensor([1 0 0], shape=(3,), dtype=int64)\n", print(tf.argmin(DATA3, 0)));
        assertEquals("tf.Tensor(\n[[2 1 0]\n [2 1 0]], shape=(2, 3), dtype=int32)\n", print(tf.argsort(DATA3, 1)));
    }

    @Test
    void g7_squeezeOfANonUnitDimension() {
        Tensor rndShape4 = tf.ones(4, 32, 32, 3);
        OpError e = assertThrows(InvalidArgumentError.class, () -> tf.squeeze(rndShape4, 0));
        assertEquals("Can not squeeze dim[0], expected a dimension of 1, got 4 [Op:Squeeze]", e.getMessage());
    }

    @Test
    void g8_integerIndexing() {
        Tensor a = tf.ones(1, 5, 5, 3);
        assertEquals("(3,)\n", print(a.get(0).get(2).get(2).shape()));
        assertEquals("(5, 5, 3)\n", print(a.get(0).shape()));
        assertEquals("(5, 3)\n", print(a.get(0, 2).shape()));
        assertEquals("(3,)\n", print(a.get(0, 2, 2).shape()));
    }

    @Test
    void g9_slicing() {
        Tensor a = tf.ones(1, 5, 5, 3);
        assertEquals("(5, 5, 3)\n", print(a.slice("0, :, :, :").shape()));
        assertEquals("(1, 5, 5)\n", print(a.slice(":, :, :, 2").shape()));
        assertEquals("(1, 2, 2, 3)\n", print(a.slice(":, 0:4:2, 0:4:2, :").shape()));
        assertEquals("(1, 5, 5)\n", print(a.get(Index.ellipsis(), Index.point(2)).shape()));
    }

    @Test
    void g11_gather1d() {
        Tensor params = tf.constant(new float[] {10.f, 11.f, 12.f, 13.f, 14.f, 15.f});
        assertEquals("tf.Tensor([12. 10. 12. 15.], shape=(4,), dtype=float32)\n", print(tf.gather(params, new int[] {2, 0, 2, 5})));
        assertEquals("tf.Tensor(\n[[12. 10.]\n [12. 15.]], shape=(2, 2), dtype=float32)\n",
                print(tf.gather(params, new int[][] {{2, 0}, {2, 5}})));
    }

    @Test
    void g12_gather2dWithAxis() {
        assertEquals("tf.Tensor(\n[[30. 31. 32.]\n [10. 11. 12.]], shape=(2, 3), dtype=float32)\n",
                print(tf.gather(PARAMS, new int[] {3, 1})));
        assertEquals("tf.Tensor(\n[[ 2.  1.]\n [12. 11.]\n [22. 21.]\n [32. 31.]], shape=(4, 2), dtype=float32)\n",
                print(tf.gather(PARAMS, new int[] {2, 1}, 1)));
    }

    /** The book ran on a GPU, which fills out-of-range rows with zeros; on the CPU, as JFlow runs, TF raises. */
    @Test
    void g13_gatherOutOfRangeRaisesOnTheCpu() {
        Tensor indices = tf.constant(new int[][] {{2, 4}, {0, 4}});
        assertEquals("indices[0,1] = 4 is not in [0, 4) [Op:GatherV2]",
                assertThrows(InvalidArgumentError.class, () -> tf.gather(PARAMS, indices, 0)).getMessage());
        assertEquals("indices[0,1] = 4 is not in [0, 3) [Op:GatherV2]",
                assertThrows(InvalidArgumentError.class, () -> tf.gather(PARAMS, indices, 1)).getMessage());
    }

    @Test
    void g14_gatherShapesInRange() {
        Tensor params = tf.ones(4, 35, 8);
        assertEquals("(4, 5, 8) (4, 35, 3) (4, 35, 2, 3)\n", print(
                tf.gather(params, new int[] {2, 3, 7, 9, 16}, 1).shape(),
                tf.gather(params, new int[] {2, 3, 7}, 2).shape(),
                tf.gather(params, new int[][] {{2, 3, 7}, {0, 1, 2}}, 2).shape()));
    }

    /** The book shows this with NumPy; the TF translation prints the same NumPy text. */
    @Test
    void g15_booleanMaskLikeNumpy() {
        Tensor data = tf.constant(new int[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor mask = data.gt(2);
        assertEquals("[[False False]\n [ True  True]\n [ True  True]]\n", print(NumpyFormat.str(mask)));
        assertEquals("[3 4 5 6]\n", print(NumpyFormat.str(data.mask(mask))));
        assertEquals("[3 4 5 6]\n", print(NumpyFormat.str(data.mask(data.gt(2)))));
    }

    @Test
    void g16_booleanMaskShapes() {
        Tensor tensor = tf.random.normal(new int[] {4, 28, 28, 3});
        assertEquals("多维度布尔取值: (2, 28, 28, 3)\n", print("多维度布尔取值:", tf.booleanMask(tensor, new boolean[] {true, true, false, false}).shape()));
        assertEquals("原值: (2, 3, 4)\n", print("原值:", tf.random.normal(new int[] {2, 3, 4}).shape()));
        Tensor old = tf.reshape(tf.range(24), 2, 3, 4); // [derived] values instead of random ones
        Tensor axis0 = tf.booleanMask(old, new boolean[][] {{true, false, false}, {true, false, false}}, 0);
        assertEquals("布尔多维取值 axis=0: (2, 4)\n", print("布尔多维取值 axis=0:", axis0.shape()));
        assertArrayEquals(new int[] {0, 1, 2, 3, 12, 13, 14, 15}, axis0.toIntArray());
        assertEquals("布尔多维取值 axis=1: (2, 2, 4)\n", print("布尔多维取值 axis=1:", tf.booleanMask(old, new boolean[] {true, false, true}, 1).shape()));
        assertEquals("布尔多维取值 axis=2: (2, 3, 2)\n", print("布尔多维取值 axis=2:", tf.booleanMask(old, new boolean[] {true, false, true, false}, 2).shape()));
    }

    @Test
    void g17_concat() {
        assertEquals("(6, 35, 8)\n", print(tf.concat(List.of(tf.ones(4, 35, 8), tf.ones(2, 35, 8)), 0).shape()));
        assertEquals("(4, 35, 8)\n", print(tf.concat(List.of(tf.ones(4, 32, 8), tf.ones(4, 3, 8)), 1).shape()));
        OpError e = assertThrows(InvalidArgumentError.class, () -> tf.concat(List.of(tf.ones(4, 35, 8), tf.ones(3, 33, 8)), 0));
        assertEquals("ConcatOp : Dimensions of inputs should match: shape[0] = [4,35,8] vs. shape[1] = [3,33,8] [Op:ConcatV2] name: concat",
                e.getMessage());
    }

    @Test
    void g18_meshgrid() {
        List<Tensor> points = tf.meshgrid(new float[] {0, 1, 2}, new float[] {0, 1});
        assertEquals("tf.Tensor(\n[[0. 1. 2.]\n [0. 1. 2.]], shape=(2, 3), dtype=float32)\n", print(points.get(0)));
        assertEquals("tf.Tensor(\n[[0. 0. 0.]\n [1. 1. 1.]], shape=(2, 3), dtype=float32)\n", print(points.get(1)));
    }
}
