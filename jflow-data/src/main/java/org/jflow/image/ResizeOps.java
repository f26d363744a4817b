package org.jflow.image;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/**
 * TF's resize ops on {@code [batch, height, width, channels]} images: {@code ResizeBilinear},
 * {@code ResizeNearestNeighbor}, {@code ResizeBicubic}, {@code ResizeArea} ({@code resize_*_op.cc}) and
 * {@code ScaleAndTranslate} ({@code scale_and_translate_op.cc}, the kernel-based resize behind
 * lanczos, gaussian, mitchellcubic and every antialiased method). The output size is the {@code size}
 * attribute (TF's {@code size} input, kept as an attribute as {@code Sum} keeps its axes), so shape rules
 * know the result's shape. Arithmetic is float32 as TF's kernels' is, in TF's order.
 */
public final class ResizeOps {
    private ResizeOps() {}

    private abstract static class Resize extends Op {
        Resize(String name, Signature signature) { super(name, signature); }

        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Shape s = inputs[0].shape();
            if (s.rank() != 4) throw new InvalidArgumentError("input must be 4-dimensional" + s);
            int[] size = attrs.getInts("size");
            if (size.length != 2) throw new InvalidArgumentError("shape_t must have two elements " + size.length);
            if (size[0] <= 0 || size[1] <= 0) throw new InvalidArgumentError("output dimensions must be positive");
            DType out = name().equals("ResizeNearestNeighbor") ? inputs[0].dtype() : DType.FLOAT32;
            return new TensorSpec[] {new TensorSpec(out, Shape.of(s.get(0), size[0], size[1], s.get(3)))};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            Tensor in = inputs[0];
            int[] d = in.shape().dims(), size = attrs.getInts("size");
            if (d[1] == 0 || d[2] == 0) throw new InvalidArgumentError("input image must be of non-zero size");
            return new Tensor[] {resize(in, d[0], d[1], d[2], d[3], size[0], size[1], attrs, inputs)};
        }

        abstract Tensor resize(Tensor in, int b, int h, int w, int c, int oh, int ow, Attrs attrs, Tensor[] inputs);
    }

    /** TF's {@code CalculateResizeScale}: in/out, or (in-1)/(out-1) with aligned corners. */
    static float scale(int in, int out, boolean alignCorners) {
        return alignCorners && out > 1 ? (in - 1) / (float) (out - 1) : in / (float) out;
    }

    private static Signature legacy(String extra) {
        return extra == null ? Signature.of("images -> resized_images", "size: list(int)",
                "align_corners: bool = false", "half_pixel_centers: bool = false")
                : Signature.of("images -> resized_images", "size: list(int)", "align_corners: bool = false");
    }

    /** {@code ResizeBilinear}: TF's lerp of lerps ({@code compute_lerp}), half-pixel or legacy sampling. */
    public static final Op RESIZE_BILINEAR = new Resize("ResizeBilinear", legacy(null)) {
        @Override
        Tensor resize(Tensor in, int b, int h, int w, int c, int oh, int ow, Attrs a, Tensor[] inputs) {
            boolean align = a.getBool("align_corners"), half = a.getBool("half_pixel_centers");
            int[] ylo = new int[oh], yhi = new int[oh], xlo = new int[ow], xhi = new int[ow];
            float[] yl = new float[oh], xl = new float[ow];
            weights(h, oh, scale(h, oh, align), half, ylo, yhi, yl);
            weights(w, ow, scale(w, ow, align), half, xlo, xhi, xl);
            float[] x = in.toFloatArray(), out = new float[b * oh * ow * c];
            int o = 0;
            for (int n = 0; n < b; n++) {
                int base = n * h * w * c;
                for (int y = 0; y < oh; y++) {
                    int top = base + ylo[y] * w * c, bot = base + yhi[y] * w * c;
                    for (int xx = 0; xx < ow; xx++) {
                        int l = xlo[xx] * c, r = xhi[xx] * c;
                        for (int k = 0; k < c; k++) {
                            float tl = x[top + l + k], tr = x[top + r + k], bl = x[bot + l + k], br = x[bot + r + k];
                            float t = tl + (tr - tl) * xl[xx], bo = bl + (br - bl) * xl[xx];
                            out[o++] = t + (bo - t) * yl[y];
                        }
                    }
                }
            }
            return Tensor.wrap(DType.FLOAT32, Shape.of(b, oh, ow, c), out);
        }
    }.withGradient((g, dy) -> new Tensor[] {RawImage.resizeBilinearGrad(dy[0], g.x(),
            g.attrs().getBool("align_corners"), g.attrs().getBool("half_pixel_centers"))});

    /**
     * {@code ResizeBilinearGrad}: each upstream value spread over the four input pixels its output
     * interpolated, with the same weights (TF's {@code ResizeBilinearOpGrad}); the result has the
     * original image's shape and dtype.
     */
    public static final Op RESIZE_BILINEAR_GRAD = new Op("ResizeBilinearGrad", Signature.of(
            "grads: float, original_image -> output", "align_corners: bool = false", "half_pixel_centers: bool = false")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            if (inputs[0].shape().rank() != 4) throw new InvalidArgumentError("input_grad must be 4-dimensional" + inputs[0].shape());
            if (inputs[1].shape().rank() != 4) {
                throw new InvalidArgumentError("original_image must be 4-dimensional" + inputs[1].shape());
            }
            return new TensorSpec[] {new TensorSpec(inputs[1].dtype(), inputs[1].shape())};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            boolean align = attrs.getBool("align_corners"), half = attrs.getBool("half_pixel_centers");
            int[] g = inputs[0].shape().dims(), o = inputs[1].shape().dims();
            int b = g[0], oh = g[1], ow = g[2], c = g[3], h = o[1], w = o[2];
            int[] ylo = new int[oh], yhi = new int[oh], xlo = new int[ow], xhi = new int[ow];
            float[] yl = new float[oh], xl = new float[ow];
            weights(h, oh, scale(h, oh, align), half, ylo, yhi, yl);
            weights(w, ow, scale(w, ow, align), half, xlo, xhi, xl);
            float[] dy = inputs[0].toFloatArray(), dx = new float[b * h * w * c];
            int i = 0;
            for (int n = 0; n < b; n++) {
                for (int y = 0; y < oh; y++) {
                    int top = (n * h + ylo[y]) * w, bot = (n * h + yhi[y]) * w;
                    float yv = yl[y], iy = 1 - yv;
                    for (int x = 0; x < ow; x++) {
                        float xv = xl[x], ix = 1 - xv;
                        for (int k = 0; k < c; k++, i++) {
                            float d = dy[i];
                            dx[(top + xlo[x]) * c + k] += d * iy * ix;
                            dx[(top + xhi[x]) * c + k] += d * iy * xv;
                            dx[(bot + xlo[x]) * c + k] += d * yv * ix;
                            dx[(bot + xhi[x]) * c + k] += d * yv * xv;
                        }
                    }
                }
            }
            DType dt = outputs[0].dtype();
            return new Tensor[] {Tensor.wrap(dt, inputs[1].shape(), dt == DType.FLOAT32 ? dx
                    : org.jflow.engine.Buffers.convert(dx, DType.FLOAT32, dt))};
        }
    }.notDifferentiable();

    /** TF's {@code compute_interpolation_weights}. */
    private static void weights(int in, int out, float scale, boolean half, int[] lo, int[] hi, float[] lerp) {
        for (int i = 0; i < out; i++) {
            float v = half ? (i + 0.5f) * scale - 0.5f : i * scale;
            float f = (float) Math.floor(v);
            lo[i] = Math.max((int) f, 0);
            hi[i] = Math.min((int) Math.ceil(v), in - 1);
            lerp[i] = v - f;
        }
    }

    /** {@code ResizeNearestNeighbor}: copies elements, so every dtype keeps its values. */
    public static final Op RESIZE_NEAREST_NEIGHBOR = new Resize("ResizeNearestNeighbor", legacy(null)) {
        @Override
        Tensor resize(Tensor in, int b, int h, int w, int c, int oh, int ow, Attrs a, Tensor[] inputs) {
            boolean align = a.getBool("align_corners"), half = a.getBool("half_pixel_centers");
            int[] ys = nearest(h, oh, scale(h, oh, align), align, half), xs = nearest(w, ow, scale(w, ow, align), align, half);
            Object src = in.data(), dst = org.jflow.engine.Buffers.allocate(in.dtype(), b * oh * ow * c);
            int o = 0;
            for (int n = 0; n < b; n++) {
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        System.arraycopy(src, ((n * h + ys[y]) * w + xs[x]) * c, dst, o, c);
                        o += c;
                    }
                }
            }
            return Tensor.wrap(in.dtype(), Shape.of(b, oh, ow, c), dst);
        }
    };

    private static int[] nearest(int in, int out, float scale, boolean align, boolean half) {
        int[] idx = new int[out];
        for (int i = 0; i < out; i++) {
            float v = half ? (i + 0.5f) * scale : i * scale;
            int j = Math.min(align ? Math.round(v) : (int) Math.floor(v), in - 1);
            idx[i] = half ? Math.max(0, j) : j;
        }
        return idx;
    }

    /** {@code ResizeArea}: each output pixel the area-weighted mean of the input cells it covers. */
    public static final Op RESIZE_AREA = new Resize("ResizeArea", legacy("")) {
        @Override
        Tensor resize(Tensor in, int b, int h, int w, int c, int oh, int ow, Attrs a, Tensor[] inputs) {
            boolean align = a.getBool("align_corners");
            float hs = scale(h, oh, align), ws = scale(w, ow, align);
            float[] x = in.toFloatArray(), out = new float[b * oh * ow * c];
            float norm = 1f / (hs * ws);
            float[] sum = new float[c];
            int o = 0;
            for (int n = 0; n < b; n++) {
                for (int y = 0; y < oh; y++) {
                    float iy = y * hs, iy1 = (y + 1) * hs;
                    int y0 = (int) Math.floor(iy), y1 = (int) Math.ceil(iy1);
                    for (int xx = 0; xx < ow; xx++) {
                        float ix = xx * ws, ix1 = (xx + 1) * ws;
                        int x0 = (int) Math.floor(ix), x1 = (int) Math.ceil(ix1);
                        java.util.Arrays.fill(sum, 0f);
                        for (int i = y0; i < y1; i++) {
                            float sy = i < iy ? (i + 1 > iy1 ? hs : i + 1 - iy) : (i + 1 > iy1 ? iy1 - i : 1f);
                            int row = (n * h + Math.min(i, h - 1)) * w;
                            for (int j = x0; j < x1; j++) {
                                float sx = j < ix ? (j + 1 > ix1 ? ws : j + 1 - ix) : (j + 1 > ix1 ? ix1 - j : 1f);
                                int p = (row + Math.min(j, w - 1)) * c;
                                float wt = sx * sy;
                                for (int k = 0; k < c; k++) sum[k] += x[p + k] * wt;
                            }
                        }
                        for (int k = 0; k < c; k++) out[o++] = sum[k] * norm;
                    }
                }
            }
            return Tensor.wrap(DType.FLOAT32, Shape.of(b, oh, ow, c), out);
        }
    };

    /**
     * {@code ResizeBicubic}: with half-pixel centers TF uses Keys' cubic (a = -0.5) with the taps outside
     * the image weighted 0 and the rest renormalized, which is {@code ScaleAndTranslate}'s keyscubic
     * without antialiasing; the legacy sampling (a = -0.75, edge taps repeated) is TF 1's.
     */
    public static final Op RESIZE_BICUBIC = new Resize("ResizeBicubic", legacy(null)) {
        @Override
        Tensor resize(Tensor in, int b, int h, int w, int c, int oh, int ow, Attrs a, Tensor[] inputs) {
            boolean align = a.getBool("align_corners"), half = a.getBool("half_pixel_centers");
            Spans ys = cubicSpans(h, oh, scale(h, oh, align), half), xs = cubicSpans(w, ow, scale(w, ow, align), half);
            return gather(in.toFloatArray(), b, h, w, c, ys, xs);
        }
    };

    /** TF's bicubic coefficient tables ({@code InitCoeffsTable}): 1025 steps of the cubic with {@code a}. */
    private static final int TABLE = 1024;

    private static float[] coefficients(double a) {
        float[] t = new float[(TABLE + 1) * 2];
        for (int i = 0; i <= TABLE; i++) {
            float x = (float) (i * 1.0 / TABLE);
            t[i * 2] = (float) (((a + 2) * x - (a + 3)) * x * x + 1);
            x += 1f;
            t[i * 2 + 1] = (float) (((a * x - 5 * a) * x + 8 * a) * x - 4 * a);
        }
        return t;
    }

    private static final float[] KEYS = coefficients(-0.5), LEGACY = coefficients(-0.75);

    /** TF's {@code GetWeightsAndIndices}: weights looked up at the nearest 1/1024 of the offset. */
    private static Spans cubicSpans(int in, int out, float scale, boolean half) {
        Spans s = new Spans(out, 4);
        float[] table = half ? KEYS : LEGACY;
        for (int i = 0; i < out; i++) {
            float v = half ? (i + 0.5f) * scale - 0.5f : i * scale;
            int f = (int) Math.floor(v);
            int offset = (int) Math.rint((v - f) * TABLE);
            float[] wt = {table[offset * 2 + 1], table[offset * 2], table[(TABLE - offset) * 2],
                    table[(TABLE - offset) * 2 + 1]};
            float total = 0;
            for (int k = 0; k < 4; k++) {
                int src = f - 1 + k, bound = Math.min(in - 1, Math.max(0, src));
                s.index[i * 4 + k] = bound;
                if (half && bound != src) wt[k] = 0;
                total += wt[k];
            }
            if (half && Math.abs(total) >= 1000f * Float.MIN_NORMAL) {
                float inv = 1f / total;
                for (int k = 0; k < 4; k++) wt[k] *= inv;
            }
            System.arraycopy(wt, 0, s.weight, i * 4, 4);
        }
        return s;
    }

    private static float cubic(float x, float a) {
        x = Math.abs(x);
        return x <= 1 ? ((a + 2) * x - (a + 3)) * x * x + 1 : x < 2 ? ((a * x - 5 * a) * x + 8 * a) * x - 4 * a : 0;
    }

    /** For each output position, {@code width} source indices and their weights. */
    static final class Spans {
        final int width;
        final int[] start, index;
        final float[] weight;

        Spans(int out, int width) {
            this.width = width;
            start = new int[out];
            index = new int[out * width];
            weight = new float[out * width];
        }
    }

    /** Applies column spans, then row spans (TF's {@code GatherSpans}: width first, into an intermediate). */
    static Tensor gather(float[] x, int b, int h, int w, int c, Spans ys, Spans xs) {
        int oh = ys.start.length, ow = xs.start.length;
        float[] mid = new float[b * h * ow * c], out = new float[b * oh * ow * c];
        for (int n = 0; n < b; n++) {
            for (int y = 0; y < h; y++) {
                int row = (n * h + y) * w, o = ((n * h + y) * ow) * c;
                for (int xx = 0; xx < ow; xx++, o += c) {
                    for (int k = 0; k < xs.width; k++) {
                        float wt = xs.weight[xx * xs.width + k];
                        int p = (row + xs.index[xx * xs.width + k]) * c;
                        for (int ch = 0; ch < c; ch++) mid[o + ch] += wt * x[p + ch];
                    }
                }
            }
            for (int y = 0; y < oh; y++) {
                int o = ((n * oh + y) * ow) * c;
                for (int k = 0; k < ys.width; k++) {
                    float wt = ys.weight[y * ys.width + k];
                    int p = ((n * h + ys.index[y * ys.width + k]) * ow) * c;
                    for (int i = 0; i < ow * c; i++) out[o + i] += wt * mid[p + i];
                }
            }
        }
        return Tensor.wrap(DType.FLOAT32, Shape.of(b, oh, ow, c), out);
    }

    /** The sampling kernels of {@code sampling_kernels.h}, with their radii. */
    enum Kernel {
        LANCZOS1(1), LANCZOS3(3), LANCZOS5(5), GAUSSIAN(1.5f), BOX(1), TRIANGLE(1), KEYSCUBIC(2), MITCHELLCUBIC(2);

        final float radius;

        Kernel(float radius) { this.radius = radius; }

        float at(float x) {
            x = Math.abs(x);
            return switch (this) {
                case LANCZOS1, LANCZOS3, LANCZOS5 -> {
                    if (x > radius) yield 0f;
                    if (x <= 1e-3f) yield 1f;
                    double pix = Math.PI * x;
                    yield (float) (radius * Math.sin(pix) * Math.sin(pix / radius) / (pix * pix));
                }
                case GAUSSIAN -> {
                    // Turkowski's sigma 0.5 for a 3-pixel support: radius 1.5 = 3 sigma
                    float sigma = radius / 3f;
                    yield x >= radius ? 0f : (float) Math.exp(-x * x / (2.0 * sigma * sigma));
                }
                case BOX -> x < 0.5f ? 1f : x == 0.5f ? 0.5f : 0f;
                case TRIANGLE -> x < 1f ? 1f - x : 0f;
                case KEYSCUBIC -> cubic(x, -0.5f);
                case MITCHELLCUBIC -> x >= 2f ? 0f : x >= 1f
                        ? (((-7f / 18f) * x + 2f) * x - 10f / 3f) * x + 16f / 9f : ((7f / 6f) * x - 2f) * x * x + 8f / 9f;
            };
        }
    }

    /** TF's {@code ComputeSpansCore}. */
    static Spans spans(Kernel kernel, int out, int in, float scale, float translate, boolean antialias) {
        float invScale = 1f / scale, invTranslate = -invScale * translate;
        float kernelScale = antialias ? Math.max(invScale, 1f) : 1f;
        int width = Math.min(2 * (int) Math.ceil(kernel.radius * kernelScale) + 1, in);
        Spans s = new Spans(out, width);
        float oneOverKernelScale = 1f / kernelScale;
        float[] tmp = new float[width + 2];
        for (int x = 0; x < out; x++) {
            float sample = (x + 0.5f) * invScale + invTranslate;
            if (sample < 0 || sample > in) continue; // all weights zero, index 0
            long lo = (long) Math.ceil(sample - kernel.radius * kernelScale - 0.5f);
            long hi = (long) Math.floor(sample + kernel.radius * kernelScale - 0.5f);
            int start = (int) Math.min(Math.max(lo, 0), in - 1), end = (int) Math.min(Math.max(hi, 0), in - 1) + 1;
            float total = 0;
            int m = Math.min(end - start, width);
            for (int k = 0; k < m; k++) {
                float pos = start + k + 0.5f - sample;
                tmp[k] = kernel.at(Math.abs(pos * oneOverKernelScale));
                total += tmp[k];
            }
            s.start[x] = start;
            for (int k = 0; k < width; k++) s.index[x * width + k] = Math.min(start + k, in - 1);
            if (Math.abs(total) >= 1000f * Float.MIN_NORMAL) {
                float inv = 1f / total;
                for (int k = 0; k < m; k++) s.weight[x * width + k] = tmp[k] * inv;
            }
        }
        return s;
    }

    /**
     * {@code ScaleAndTranslate}: output pixel centre {@code x + 0.5} samples the input at
     * {@code (x + 0.5 - translation) / scale} through {@code kernel_type}, widened by 1/scale when
     * antialiasing a downscale. {@code scale} and {@code translation} are float32 {@code [2]} inputs (y, x).
     */
    public static final Op SCALE_AND_TRANSLATE = new Resize("ScaleAndTranslate", Signature.of(
            "images, scale: float, translation: float -> resized_images: float", "size: list(int)",
            "kernel_type: {'lanczos1', 'lanczos3', 'lanczos5', 'gaussian', 'box', 'triangle', 'keyscubic',"
                    + " 'mitchellcubic'} = 'lanczos3'", "antialias: bool = true")) {
        @Override
        Tensor resize(Tensor in, int b, int h, int w, int c, int oh, int ow, Attrs a, Tensor[] inputs) {
            float[] sc = inputs[1].toFloatArray(), tr = inputs[2].toFloatArray();
            if (sc.length != 2 || tr.length != 2) throw new InvalidArgumentError("scale and translation must be of size 2");
            Kernel k = Kernel.valueOf(a.getString("kernel_type").toUpperCase());
            boolean aa = a.getBool("antialias");
            return gather(in.toFloatArray(), b, h, w, c, spans(k, oh, h, sc[0], tr[0], aa), spans(k, ow, w, sc[1], tr[1], aa));
        }
    };
}
