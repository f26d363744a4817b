package org.jflow.raw;

import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

/**
 * TF's {@code gen_nn_ops}: activations, softmax and losses, convolutions and their backprops,
 * pooling and its gradients, normalization, top-k, one typed method per op; also the nn ops JFlow
 * has that TF's registry lacks (Gelu, Swish, Dropout, Moments, the 1-D conv and pool ops, ...).
 * Optional attributes ({@code dilations}, {@code data_format}) are null for TF's default.
 */
public final class RawNn {
    private static final Op AVG_POOL = Raw.op("AvgPool");
    private static final Op AVG_POOL1D = Raw.op("AvgPool1D");
    private static final Op AVG_POOL1D_GRAD = Raw.op("AvgPool1DGrad");
    private static final Op AVG_POOL3D = Raw.op("AvgPool3D");
    private static final Op AVG_POOL3D_GRAD = Raw.op("AvgPool3DGrad");
    private static final Op AVG_POOL_GRAD = Raw.op("AvgPoolGrad");
    private static final Op BATCH_NORMALIZATION = Raw.op("BatchNormalization");
    private static final Op BIAS_ADD = Raw.op("BiasAdd");
    private static final Op COMPUTE_AVERAGE_LOSS = Raw.op("ComputeAverageLoss");
    private static final Op CONV1D = Raw.op("Conv1D");
    private static final Op CONV1D_BACKPROP_FILTER = Raw.op("Conv1DBackpropFilter");
    private static final Op CONV1D_BACKPROP_INPUT = Raw.op("Conv1DBackpropInput");
    private static final Op CONV2D = Raw.op("Conv2D");
    private static final Op CONV2D_BACKPROP_FILTER = Raw.op("Conv2DBackpropFilter");
    private static final Op CONV2D_BACKPROP_INPUT = Raw.op("Conv2DBackpropInput");
    private static final Op CONV3D = Raw.op("Conv3D");
    private static final Op CONV3D_BACKPROP_FILTER_V2 = Raw.op("Conv3DBackpropFilterV2");
    private static final Op CONV3D_BACKPROP_INPUT_V2 = Raw.op("Conv3DBackpropInputV2");
    private static final Op DEPTHWISE_CONV2D_NATIVE = Raw.op("DepthwiseConv2dNative");
    private static final Op DEPTHWISE_CONV2D_NATIVE_BACKPROP_FILTER = Raw.op("DepthwiseConv2dNativeBackpropFilter");
    private static final Op DEPTHWISE_CONV2D_NATIVE_BACKPROP_INPUT = Raw.op("DepthwiseConv2dNativeBackpropInput");
    private static final Op DROPOUT = Raw.op("Dropout");
    private static final Op ELU = Raw.op("Elu");
    private static final Op EMBEDDING_LOOKUP = Raw.op("EmbeddingLookup");
    private static final Op GELU = Raw.op("Gelu");
    private static final Op IN_TOP_K_V2 = Raw.op("InTopKV2");
    private static final Op L2_LOSS = Raw.op("L2Loss");
    private static final Op LEAKY_RELU = Raw.op("LeakyRelu");
    private static final Op LOG_SOFTMAX = Raw.op("LogSoftmax");
    private static final Op LRN = Raw.op("LRN");
    private static final Op MAX_POOL = Raw.op("MaxPool");
    private static final Op MAX_POOL1D = Raw.op("MaxPool1D");
    private static final Op MAX_POOL1D_GRAD = Raw.op("MaxPool1DGrad");
    private static final Op MAX_POOL1D_GRAD_GRAD = Raw.op("MaxPool1DGradGrad");
    private static final Op MAX_POOL3D = Raw.op("MaxPool3D");
    private static final Op MAX_POOL3D_GRAD = Raw.op("MaxPool3DGrad");
    private static final Op MAX_POOL3D_GRAD_GRAD = Raw.op("MaxPool3DGradGrad");
    private static final Op MAX_POOL_GRAD = Raw.op("MaxPoolGrad");
    private static final Op MAX_POOL_GRAD_GRAD = Raw.op("MaxPoolGradGrad");
    private static final Op MOMENTS = Raw.op("Moments");
    private static final Op RELU = Raw.op("Relu");
    private static final Op RELU6 = Raw.op("Relu6");
    private static final Op SELU = Raw.op("Selu");
    private static final Op SIGMOID_CROSS_ENTROPY_WITH_LOGITS = Raw.op("SigmoidCrossEntropyWithLogits");
    private static final Op SOFTMAX = Raw.op("Softmax");
    private static final Op SOFTMAX_CROSS_ENTROPY_WITH_LOGITS = Raw.op("SoftmaxCrossEntropyWithLogits");
    private static final Op SOFTPLUS = Raw.op("Softplus");
    private static final Op SOFTSIGN = Raw.op("Softsign");
    private static final Op SPARSE_SOFTMAX_CROSS_ENTROPY_WITH_LOGITS = Raw.op("SparseSoftmaxCrossEntropyWithLogits");
    private static final Op SWISH = Raw.op("Swish");
    private static final Op TOP_K_V2 = Raw.op("TopKV2");
    private static final Op WEIGHTED_CROSS_ENTROPY_WITH_LOGITS = Raw.op("WeightedCrossEntropyWithLogits");

    private RawNn() {}

    // ---- activations ----

    public static Tensor relu(Tensor features) { return Raw.one(RELU, Attrs.EMPTY, features); }

    public static Tensor relu6(Tensor features) { return Raw.one(RELU6, Attrs.EMPTY, features); }

    public static Tensor elu(Tensor features) { return Raw.one(ELU, Attrs.EMPTY, features); }

    public static Tensor selu(Tensor features) { return Raw.one(SELU, Attrs.EMPTY, features); }

    public static Tensor softplus(Tensor features) { return Raw.one(SOFTPLUS, Attrs.EMPTY, features); }

    public static Tensor softsign(Tensor features) { return Raw.one(SOFTSIGN, Attrs.EMPTY, features); }

    /** {@code LeakyRelu} with slope {@code alpha} (TF's default 0.2). */
    public static Tensor leakyRelu(Tensor features, double alpha) {
        return Raw.one(LEAKY_RELU, Attrs.of("alpha", alpha), features);
    }

    /** {@code Gelu} (TF's {@code gelu}, exact or tanh-approximate). */
    public static Tensor gelu(Tensor features, boolean approximate) {
        return Raw.one(GELU, Attrs.of("approximate", approximate), features);
    }

    /** {@code Swish}: {@code x * sigmoid(beta * x)}. */
    public static Tensor swish(Tensor features, double beta) {
        return Raw.one(SWISH, Attrs.of("beta", beta), features);
    }

    public static Tensor softmax(Tensor logits, int axis) { return Raw.one(SOFTMAX, Attrs.of("axis", axis), logits); }

    public static Tensor logSoftmax(Tensor logits, int axis) {
        return Raw.one(LOG_SOFTMAX, Attrs.of("axis", axis), logits);
    }

    // ---- losses ----

    /** {@code SoftmaxCrossEntropyWithLogits}: {@code [loss, backprop]}. */
    public static Tensor[] softmaxCrossEntropyWithLogits(Tensor features, Tensor labels, int axis) {
        return Raw.all(SOFTMAX_CROSS_ENTROPY_WITH_LOGITS, Attrs.of("axis", axis), features, labels);
    }

    /** {@code SparseSoftmaxCrossEntropyWithLogits}: {@code [loss, backprop]}. */
    public static Tensor[] sparseSoftmaxCrossEntropyWithLogits(Tensor features, Tensor labels) {
        return Raw.all(SPARSE_SOFTMAX_CROSS_ENTROPY_WITH_LOGITS, Attrs.EMPTY, features, labels);
    }

    /** {@code SigmoidCrossEntropyWithLogits} (TF's {@code sigmoid_cross_entropy_with_logits} as one op). */
    public static Tensor sigmoidCrossEntropyWithLogits(Tensor logits, Tensor labels) {
        return Raw.one(SIGMOID_CROSS_ENTROPY_WITH_LOGITS, Attrs.EMPTY, logits, labels);
    }

    public static Tensor weightedCrossEntropyWithLogits(Tensor logits, Tensor labels, double posWeight) {
        return Raw.one(WEIGHTED_CROSS_ENTROPY_WITH_LOGITS, Attrs.of("pos_weight", posWeight), logits, labels);
    }

    public static Tensor l2Loss(Tensor t) { return Raw.one(L2_LOSS, Attrs.EMPTY, t); }

    /** {@code ComputeAverageLoss} over the first dimension of the loss. */
    public static Tensor computeAverageLoss(Tensor perExampleLoss) {
        return Raw.one(COMPUTE_AVERAGE_LOSS, Attrs.EMPTY, perExampleLoss);
    }

    /** {@code ComputeAverageLoss} divided by {@code globalBatchSize}. */
    public static Tensor computeAverageLoss(Tensor perExampleLoss, int globalBatchSize) {
        return Raw.one(COMPUTE_AVERAGE_LOSS, Attrs.of("global_batch_size", globalBatchSize), perExampleLoss);
    }

    // ---- normalization, statistics, regularization ----

    /** {@code Moments}: {@code [mean, variance]}. */
    public static Tensor[] moments(Tensor x, int[] axes, boolean keepDims) {
        return Raw.all(MOMENTS, Attrs.of("axes", axes.clone(), "keep_dims", keepDims), x);
    }

    public static Tensor batchNormalization(Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale,
                                            double varianceEpsilon) {
        return Raw.one(BATCH_NORMALIZATION, Attrs.of("variance_epsilon", varianceEpsilon), x, mean, variance, offset,
                scale);
    }

    public static Tensor lrn(Tensor input, int depthRadius, double bias, double alpha, double beta) {
        return Raw.one(LRN, Attrs.of("depth_radius", depthRadius, "bias", bias, "alpha", alpha, "beta", beta), input);
    }

    /** {@code Dropout}: keeps {@code x / (1 - rate)} where the uniform draw {@code u} is at least {@code rate}. */
    public static Tensor dropout(Tensor x, Tensor u, double rate) {
        return Raw.one(DROPOUT, Attrs.of("rate", rate), x, u);
    }

    public static Tensor biasAdd(Tensor value, Tensor bias, String dataFormat) {
        return Raw.one(BIAS_ADD, Raw.attrs("data_format", dataFormat), value, bias);
    }

    public static Tensor embeddingLookup(Tensor params, Tensor ids) {
        return Raw.one(EMBEDDING_LOOKUP, Attrs.EMPTY, params, ids);
    }

    /** {@code TopKV2}: {@code [values, indices]}. */
    public static Tensor[] topKV2(Tensor input, int k, boolean sorted) {
        return Raw.all(TOP_K_V2, Attrs.of("k", k, "sorted", sorted), input);
    }

    public static Tensor inTopKV2(Tensor predictions, Tensor targets, int k) {
        return Raw.one(IN_TOP_K_V2, Attrs.of("k", k), predictions, targets);
    }

    // ---- convolutions: strides and dilations have one entry per input dimension ----

    private static Attrs conv(int[] strides, String padding, int[] dilations, String dataFormat) {
        return Raw.attrs("strides", strides.clone(), "padding", padding,
                "dilations", dilations == null ? null : dilations.clone(), "data_format", dataFormat);
    }

    private static Attrs conv(String sizesKey, int[] sizes, int[] strides, String padding, int[] dilations,
                              String dataFormat) {
        return conv(strides, padding, dilations, dataFormat).with(sizesKey, sizes.clone());
    }

    public static Tensor conv1D(Tensor input, Tensor filter, int[] strides, String padding, int[] dilations,
                                String dataFormat) {
        return Raw.one(CONV1D, conv(strides, padding, dilations, dataFormat), input, filter);
    }

    public static Tensor conv2D(Tensor input, Tensor filter, int[] strides, String padding, int[] dilations,
                                String dataFormat) {
        return Raw.one(CONV2D, conv(strides, padding, dilations, dataFormat), input, filter);
    }

    public static Tensor conv3D(Tensor input, Tensor filter, int[] strides, String padding, int[] dilations,
                                String dataFormat) {
        return Raw.one(CONV3D, conv(strides, padding, dilations, dataFormat), input, filter);
    }

    public static Tensor depthwiseConv2dNative(Tensor input, Tensor filter, int[] strides, String padding,
                                               int[] dilations, String dataFormat) {
        return Raw.one(DEPTHWISE_CONV2D_NATIVE, conv(strides, padding, dilations, dataFormat), input, filter);
    }

    public static Tensor conv1DBackpropInput(Tensor filter, Tensor outBackprop, int[] inputSizes, int[] strides,
                                             String padding, int[] dilations, String dataFormat) {
        return Raw.one(CONV1D_BACKPROP_INPUT, conv("input_sizes", inputSizes, strides, padding, dilations, dataFormat),
                filter, outBackprop);
    }

    public static Tensor conv2DBackpropInput(Tensor filter, Tensor outBackprop, int[] inputSizes, int[] strides,
                                             String padding, int[] dilations, String dataFormat) {
        return Raw.one(CONV2D_BACKPROP_INPUT, conv("input_sizes", inputSizes, strides, padding, dilations, dataFormat),
                filter, outBackprop);
    }

    public static Tensor conv3DBackpropInputV2(Tensor filter, Tensor outBackprop, int[] inputSizes, int[] strides,
                                               String padding, int[] dilations, String dataFormat) {
        return Raw.one(CONV3D_BACKPROP_INPUT_V2, conv("input_sizes", inputSizes, strides, padding, dilations,
                dataFormat), filter, outBackprop);
    }

    public static Tensor depthwiseConv2dNativeBackpropInput(Tensor filter, Tensor outBackprop, int[] inputSizes,
                                                            int[] strides, String padding, int[] dilations,
                                                            String dataFormat) {
        return Raw.one(DEPTHWISE_CONV2D_NATIVE_BACKPROP_INPUT, conv("input_sizes", inputSizes, strides, padding,
                dilations, dataFormat), filter, outBackprop);
    }

    public static Tensor conv1DBackpropFilter(Tensor input, Tensor outBackprop, int[] filterSizes, int[] strides,
                                              String padding, int[] dilations, String dataFormat) {
        return Raw.one(CONV1D_BACKPROP_FILTER, conv("filter_sizes", filterSizes, strides, padding, dilations,
                dataFormat), input, outBackprop);
    }

    public static Tensor conv2DBackpropFilter(Tensor input, Tensor outBackprop, int[] filterSizes, int[] strides,
                                              String padding, int[] dilations, String dataFormat) {
        return Raw.one(CONV2D_BACKPROP_FILTER, conv("filter_sizes", filterSizes, strides, padding, dilations,
                dataFormat), input, outBackprop);
    }

    public static Tensor conv3DBackpropFilterV2(Tensor input, Tensor outBackprop, int[] filterSizes, int[] strides,
                                                String padding, int[] dilations, String dataFormat) {
        return Raw.one(CONV3D_BACKPROP_FILTER_V2, conv("filter_sizes", filterSizes, strides, padding, dilations,
                dataFormat), input, outBackprop);
    }

    public static Tensor depthwiseConv2dNativeBackpropFilter(Tensor input, Tensor outBackprop, int[] filterSizes,
                                                             int[] strides, String padding, int[] dilations,
                                                             String dataFormat) {
        return Raw.one(DEPTHWISE_CONV2D_NATIVE_BACKPROP_FILTER, conv("filter_sizes", filterSizes, strides, padding,
                dilations, dataFormat), input, outBackprop);
    }

    // ---- pooling: ksize and strides have one entry per input dimension ----

    private static Attrs pool(int[] ksize, int[] strides, String padding, String dataFormat) {
        return Raw.attrs("ksize", ksize.clone(), "strides", strides.clone(), "padding", padding,
                "data_format", dataFormat);
    }

    public static Tensor maxPool1D(Tensor input, int[] ksize, int[] strides, String padding, String dataFormat) {
        return Raw.one(MAX_POOL1D, pool(ksize, strides, padding, dataFormat), input);
    }

    public static Tensor maxPool(Tensor input, int[] ksize, int[] strides, String padding, String dataFormat) {
        return Raw.one(MAX_POOL, pool(ksize, strides, padding, dataFormat), input);
    }

    public static Tensor maxPool3D(Tensor input, int[] ksize, int[] strides, String padding, String dataFormat) {
        return Raw.one(MAX_POOL3D, pool(ksize, strides, padding, dataFormat), input);
    }

    public static Tensor avgPool1D(Tensor value, int[] ksize, int[] strides, String padding, String dataFormat) {
        return Raw.one(AVG_POOL1D, pool(ksize, strides, padding, dataFormat), value);
    }

    public static Tensor avgPool(Tensor value, int[] ksize, int[] strides, String padding, String dataFormat) {
        return Raw.one(AVG_POOL, pool(ksize, strides, padding, dataFormat), value);
    }

    public static Tensor avgPool3D(Tensor input, int[] ksize, int[] strides, String padding, String dataFormat) {
        return Raw.one(AVG_POOL3D, pool(ksize, strides, padding, dataFormat), input);
    }

    public static Tensor maxPool1DGrad(Tensor origInput, Tensor origOutput, Tensor grad, int[] ksize, int[] strides,
                                       String padding, String dataFormat) {
        return Raw.one(MAX_POOL1D_GRAD, pool(ksize, strides, padding, dataFormat), origInput, origOutput, grad);
    }

    public static Tensor maxPoolGrad(Tensor origInput, Tensor origOutput, Tensor grad, int[] ksize, int[] strides,
                                     String padding, String dataFormat) {
        return Raw.one(MAX_POOL_GRAD, pool(ksize, strides, padding, dataFormat), origInput, origOutput, grad);
    }

    public static Tensor maxPool3DGrad(Tensor origInput, Tensor origOutput, Tensor grad, int[] ksize, int[] strides,
                                       String padding, String dataFormat) {
        return Raw.one(MAX_POOL3D_GRAD, pool(ksize, strides, padding, dataFormat), origInput, origOutput, grad);
    }

    public static Tensor maxPool1DGradGrad(Tensor origInput, Tensor origOutput, Tensor grad, int[] ksize,
                                           int[] strides, String padding, String dataFormat) {
        return Raw.one(MAX_POOL1D_GRAD_GRAD, pool(ksize, strides, padding, dataFormat), origInput, origOutput, grad);
    }

    public static Tensor maxPoolGradGrad(Tensor origInput, Tensor origOutput, Tensor grad, int[] ksize, int[] strides,
                                         String padding, String dataFormat) {
        return Raw.one(MAX_POOL_GRAD_GRAD, pool(ksize, strides, padding, dataFormat), origInput, origOutput, grad);
    }

    public static Tensor maxPool3DGradGrad(Tensor origInput, Tensor origOutput, Tensor grad, int[] ksize,
                                           int[] strides, String padding, String dataFormat) {
        return Raw.one(MAX_POOL3D_GRAD_GRAD, pool(ksize, strides, padding, dataFormat), origInput, origOutput, grad);
    }

    /** {@code AvgPool1DGrad}: {@code origInputShape} may have -1 for the batch, taken from {@code grad}. */
    public static Tensor avgPool1DGrad(int[] origInputShape, Tensor grad, int[] ksize, int[] strides, String padding,
                                       String dataFormat) {
        return Raw.one(AVG_POOL1D_GRAD, pool(ksize, strides, padding, dataFormat)
                .with("orig_input_shape", origInputShape.clone()), grad);
    }

    public static Tensor avgPoolGrad(int[] origInputShape, Tensor grad, int[] ksize, int[] strides, String padding,
                                     String dataFormat) {
        return Raw.one(AVG_POOL_GRAD, pool(ksize, strides, padding, dataFormat)
                .with("orig_input_shape", origInputShape.clone()), grad);
    }

    public static Tensor avgPool3DGrad(int[] origInputShape, Tensor grad, int[] ksize, int[] strides, String padding,
                                       String dataFormat) {
        return Raw.one(AVG_POOL3D_GRAD, pool(ksize, strides, padding, dataFormat)
                .with("orig_input_shape", origInputShape.clone()), grad);
    }
}
