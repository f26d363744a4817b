package org.jflow.nn;

import org.jflow.engine.Signature;
import org.jflow.Shape;
import org.jflow.errors.InvalidArgumentError;

/**
 * The geometry of a sliding window over the spatial dims of an N...C tensor (1 to 3 of them),
 * held as three dims (depth, height, width) with leading 1s, so one kernel serves 1-D, 2-D and
 * 3-D convolutions and poolings. Padding follows TF: SAME gives {@code ceil(in / stride)}
 * outputs and puts the odd padding element after (bottom/right).
 */
final class Window {
    final int batch, channels;
    final int[] in = {1, 1, 1}, filter = {1, 1, 1}, stride = {1, 1, 1}, dilation = {1, 1, 1}, out = {1, 1, 1};
    /**
     * Padding before each dim; in int64 as TF's, since a huge dilation pads past int32. Tap positions are int64 too.
     */
    final long[] pad = {0, 0, 0};

    /**
     * @param input     the input's dims, {@code [batch, spatial..., channels]}
     * @param window    the window's spatial size
     * @param strides   TF's full-rank strides attribute ({@code [1, s..., 1]})
     * @param dilations TF's full-rank dilations attribute, or null for none
     */
    Window(int[] input, int[] window, int[] strides, int[] dilations, String padding, String op) {
        int spatial = input.length - 2;
        batch = input[0];
        channels = input[input.length - 1];
        boolean same = isSame(padding, op);
        for (int i = 0; i < spatial; i++) {
            int j = 3 - spatial + i;
            in[j] = input[1 + i];
            filter[j] = window[i];
            stride[j] = strides[1 + i];
            dilation[j] = dilations == null ? 1 : dilations[1 + i];
            // TF's GetWindowedOutputSizeVerbose, in int64: a huge stride or dilation must not wrap around
            long effective = (filter[j] - 1L) * dilation[j] + 1;
            if (in[j] == Shape.UNKNOWN || (!same && filter[j] == Shape.UNKNOWN)) { // traced on unknown sizes: so is the output
                out[j] = Shape.UNKNOWN;
            } else if (same) {
                out[j] = (int) ((in[j] - 1L + stride[j]) / stride[j]);
                pad[j] = Math.max((out[j] - 1L) * stride[j] + effective - in[j], 0) / 2;
            } else {
                long o = (in[j] - effective + stride[j]) / stride[j]; // C++'s truncating division, as TF
                if (o < 0) {
                    throw new InvalidArgumentError("Computed output size would be negative: " + o + " [input_size: "
                            + in[j]
                            + ", effective_filter_size: " + effective + ", stride: " + stride[j] + "]").withOp(op);
                }
                out[j] = (int) o;
            }
        }
    }

    /** The attributes every convolution declares, then {@code more}; its data format is absent for channels-last. */
    static Signature convolution(String args, String... more) {
        return signature(args, more, "strides: list(int)", "padding: {'SAME', 'VALID'}", "data_format: string = None",
                "dilations: list(int) = None");
    }

    /** The attributes every pooling op and its gradients declare, then {@code more}. */
    static Signature pooling(String args, String... more) {
        return signature(args, more, "ksize: list(int)", "strides: list(int)", "padding: {'SAME', 'VALID'}");
    }

    private static Signature signature(String args, String[] more, String... common) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return Signature.of(args, all);
    }

    /**
     * Checks a full-rank strides/dilations attribute as TF's convolution kernels do: one entry per
     * dim, 1 on the batch and channel dims, positive elsewhere. A null attribute means all 1s.
     */
    static int[] checkConvAttr(int[] v, int rank, String field, String op) {
        if (v == null) {
            int[] ones = new int[rank];
            java.util.Arrays.fill(ones, 1);
            return ones;
        }
        if (v.length != rank) {
            throw new InvalidArgumentError("Sliding window " + field + " field must specify " + rank + " dimensions").withOp(op);
        }
        if (v[0] != 1 || v[rank - 1] != 1) {
            throw new InvalidArgumentError("Current implementation does not yet support " + field
                    + " in the batch and depth dimensions.").withOp(op);
        }
        for (int x : v) {
            if (x < 1) throw new InvalidArgumentError("Sliding window " + field + " must be positive, got " + x).withOp(op);
        }
        return v;
    }

    /** TF's CPU kernels support channels-last layouts only. */
    static void checkChannelsLast(String dataFormat, int rank, String op) {
        if (dataFormat == null) return;
        String expected = switch (rank) {
            case 3 -> "NWC";
            case 4 -> "NHWC";
            default -> "NDHWC";
        };
        if (!dataFormat.equals(expected)) {
            throw new org.jflow.errors.UnimplementedError("The " + op + " op currently only supports the " + expected
                    + " tensor format on the CPU. The op was given the format: " + dataFormat).withOp(op);
        }
    }

    /** Zeroes {@code n} elements of a float[] or double[] from {@code from}. */
    static void zero(Object buffer, int from, int n) {
        if (buffer instanceof float[] f) java.util.Arrays.fill(f, from, from + n, 0f);
        else java.util.Arrays.fill((double[]) buffer, from, from + n, 0.0);
    }

    static boolean isSame(String padding, String op) {
        return switch (padding) {
            case "SAME" -> true;
            case "VALID" -> false;
            default -> throw new InvalidArgumentError("Value for attr 'padding' of \"" + padding
                    + "\" is not in the list of allowed values: \"SAME\", \"VALID\"").withOp(op);
        };
    }

    /** The output shape {@code [batch, out spatial..., channels]} for {@code spatial} spatial dims. */
    Shape outputShape(int spatial, int channelsOut) {
        int[] d = new int[spatial + 2];
        d[0] = batch;
        for (int i = 0; i < spatial; i++) d[1 + i] = out[3 - spatial + i];
        d[spatial + 1] = channelsOut;
        return Shape.ofOwned(d);
    }

    int outPositions() { return out[0] * out[1] * out[2]; }

    int inPositions() { return in[0] * in[1] * in[2]; }

    int taps() { return filter[0] * filter[1] * filter[2]; }

    /**
     * At most how many taps of one window fall inside the input (a cost estimate that a huge window cannot overflow).
     */
    int insideTaps() { return Math.min(filter[0], in[0]) * Math.min(filter[1], in[1]) * Math.min(filter[2], in[2]); }

    /** Whether the window is a single unpadded, unstrided tap, so the input already is its own im2col matrix. */
    boolean isPointwise() {
        for (int j = 0; j < 3; j++) if (filter[j] != 1 || stride[j] != 1 || pad[j] != 0) return false;
        return true;
    }

    /**
     * Calls {@code visitor} for every tap of the window at output position {@code pos} (within one
     * batch element), with the tap's index and the input position it reads, or -1 in the padding.
     */
    void forEachTap(int pos, TapVisitor visitor) {
        int ow = pos % out[2], oh = (pos / out[2]) % out[1], od = pos / (out[2] * out[1]);
        int tap = 0;
        for (int kd = 0; kd < filter[0]; kd++) {
            long id = origin(0, od) + (long) kd * dilation[0];
            for (int kh = 0; kh < filter[1]; kh++) {
                long ih = origin(1, oh) + (long) kh * dilation[1];
                for (int kw = 0; kw < filter[2]; kw++, tap++) {
                    long iw = origin(2, ow) + (long) kw * dilation[2];
                    boolean inside = id >= 0 && id < in[0] && ih >= 0 && ih < in[1] && iw >= 0 && iw < in[2];
                    visitor.tap(tap, inside ? (int) ((id * in[1] + ih) * in[2] + iw) : -1);
                }
            }
        }
    }

    /**
     * {@link #forEachTap} for the taps inside the input only (pooling's): the tap ranges are cut to the
     * input first, so a window far larger than the input (a huge SAME {@code ksize}) costs the input's size.
     */
    void forEachInsideTap(int pos, TapVisitor visitor) {
        int[] o = {pos / (out[2] * out[1]), (pos / out[2]) % out[1], pos % out[2]};
        int[] lo = new int[3], hi = new int[3];
        for (int j = 0; j < 3; j++) {
            long first = origin(j, o[j]);
            lo[j] = (int) Math.min(filter[j], first >= 0 ? 0 : Math.ceilDiv(-first, dilation[j]));
            hi[j] = (int) Math.max(lo[j], Math.min(filter[j], Math.floorDiv(in[j] - 1 - first, dilation[j]) + 1));
        }
        for (int kd = lo[0]; kd < hi[0]; kd++) {
            long id = origin(0, o[0]) + (long) kd * dilation[0];
            for (int kh = lo[1]; kh < hi[1]; kh++) {
                long ih = origin(1, o[1]) + (long) kh * dilation[1];
                for (int kw = lo[2]; kw < hi[2]; kw++) {
                    long iw = origin(2, o[2]) + (long) kw * dilation[2];
                    visitor.tap((kd * filter[1] + kh) * filter[2] + kw, (int) ((id * in[1] + ih) * in[2] + iw));
                }
            }
        }
    }

    /** The input position of the first tap of output position {@code o} along dim {@code j}. */
    private long origin(int j, int o) { return (long) o * stride[j] - pad[j]; }

    /**
     * Writes the im2col row of output position {@code pos} (batch element starting at input
     * position {@code base}) into {@code col} from {@code at}: every tap's channels, zeros in the
     * padding. Undilated taps along the width are adjacent pixels, so an inside run is one copy.
     */
    void lowerRow(Object x, int base, int pos, Object col, int at) {
        int c = channels, ow = pos % out[2], oh = (pos / out[2]) % out[1], od = pos / (out[2] * out[1]);
        long iw0 = origin(2, ow);
        boolean wideRun = dilation[2] == 1 && iw0 >= 0 && iw0 + filter[2] <= in[2];
        for (int kd = 0; kd < filter[0]; kd++) {
            long id = origin(0, od) + (long) kd * dilation[0];
            for (int kh = 0; kh < filter[1]; kh++) {
                long ih = origin(1, oh) + (long) kh * dilation[1];
                boolean rowInside = id >= 0 && id < in[0] && ih >= 0 && ih < in[1];
                int rowStart = rowInside ? base + (int) ((id * in[1] + ih) * in[2]) : 0;
                if (rowInside && wideRun) {
                    System.arraycopy(x, (rowStart + (int) iw0) * c, col, at, filter[2] * c);
                    at += filter[2] * c;
                    continue;
                }
                for (int kw = 0; kw < filter[2]; kw++, at += c) {
                    long iw = iw0 + (long) kw * dilation[2];
                    if (rowInside && iw >= 0 && iw < in[2]) System.arraycopy(x, (rowStart + (int) iw) * c, col, at, c);
                    else zero(col, at, c);
                }
            }
        }
    }

    @FunctionalInterface
    interface TapVisitor { void tap(int tap, int inputPosition); }
}
