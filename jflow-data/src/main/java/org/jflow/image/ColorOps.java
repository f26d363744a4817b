package org.jflow.image;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;

/**
 * TF's colour ops on float images whose last dimension is 3 ({@code colorspace_op.h},
 * {@code adjust_hue_op.cc}, {@code adjust_saturation_op.cc}, {@code adjust_contrast_op.cc}): computed in
 * float32 with TF's formulas and returned in the input's dtype.
 */
public final class ColorOps {
    private ColorOps() {}

    private abstract static class Color extends Op {
        Color(String name, Signature signature) { super(name, signature); }

        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            Tensor x = inputs[0];
            if (!x.dtype().isFloating()) {
                throw new InvalidArgumentError("Value for attr 'T' of " + x.dtype().tfName()
                        + " is not in the list of allowed values: half, bfloat16, float, double");
            }
            int r = x.shape().rank();
            if (r >= 0 && r < minRank()) {
                throw new InvalidArgumentError("input must be at least " + minRank() + "D" + x.shape());
            }
            if (r >= 1 && x.shape().get(r - 1) != 3 && x.shape().get(r - 1) != org.jflow.Shape.UNKNOWN) {
                throw new InvalidArgumentError("input must have 3 channels but input only has " + x.shape().get(r - 1)
                        + " channels.");
            }
            for (int i = 1; i < inputs.length; i++) {
                if (inputs[i].shape().rank() != 0) {
                    throw new InvalidArgumentError(signature().inputs().get(i).name() + " must be scalar: "
                            + inputs[i].shape());
                }
            }
            return new TensorSpec[] {new TensorSpec(x.dtype(), x.shape())};
        }

        int minRank() { return 1; }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            Tensor x = inputs[0];
            float[] px = x.toFloatArray();
            float arg = inputs.length > 1 ? (float) inputs[1].getDouble(0) : 0f;
            float[] out = apply(px, x.shape().dimsView(), arg);
            Object data = x.dtype() == DType.FLOAT32 ? out : Buffers.convert(out, DType.FLOAT32, x.dtype());
            return new Tensor[] {Tensor.wrap(x.dtype(), x.shape(), data)};
        }

        abstract float[] apply(float[] px, int[] dims, float arg);
    }

    /** {@code adjust_hue_op.cc}'s conversion: {h, s, v}. */
    static void rgbToHsv(float r, float g, float b, float[] hsv) {
        float v = Math.max(r, Math.max(g, b)), range = v - Math.min(r, Math.min(g, b));
        float s = v > 0 ? range / v : 0;
        float norm = 1f / (6f * range);
        float h = r == v ? norm * (g - b) : g == v ? norm * (b - r) + 2f / 6f : norm * (r - g) + 4f / 6f;
        if (range <= 0) h = 0;
        if (h < 0) h += 1;
        hsv[0] = h; hsv[1] = s; hsv[2] = v;
    }

    /** {@code adjust_hue_op.cc}'s {@code hsv_to_rgb}, by hue sextant. */
    static void hsvToRgbSextant(float h, float s, float v, float[] px, int o) {
        float c = s * v, m = v - c, dh = h * 6;
        int cat = (int) dh;
        float f = dh;
        while (f <= 0) f += 2f;
        while (f >= 2f) f -= 2f;
        float x = c * (1 - Math.abs(f - 1));
        float r, g, b;
        switch (cat) {
            case 0 -> { r = c; g = x; b = 0; }
            case 1 -> { r = x; g = c; b = 0; }
            case 2 -> { r = 0; g = c; b = x; }
            case 3 -> { r = 0; g = x; b = c; }
            case 4 -> { r = x; g = 0; b = c; }
            case 5 -> { r = c; g = 0; b = x; }
            default -> { r = 0; g = 0; b = 0; }
        }
        px[o] = r + m; px[o + 1] = g + m; px[o + 2] = b + m;
    }

    /** {@code tf.image.rgb_to_hsv} ({@code RGBToHSV}, colorspace_op.h). */
    public static final Op RGB_TO_HSV = new Color("RGBToHSV", Signature.of("images -> output")) {
        @Override
        float[] apply(float[] px, int[] dims, float arg) {
            float[] out = new float[px.length], hsv = new float[3];
            for (int i = 0; i < px.length; i += 3) {
                rgbToHsv(px[i], px[i + 1], px[i + 2], hsv);
                System.arraycopy(hsv, 0, out, i, 3);
            }
            return out;
        }
    };

    /** {@code tf.image.hsv_to_rgb} ({@code HSVToRGB}): TF's clamped-triangle form. */
    public static final Op HSV_TO_RGB = new Color("HSVToRGB", Signature.of("images -> output")) {
        @Override
        float[] apply(float[] px, int[] dims, float arg) {
            float[] out = new float[px.length];
            for (int i = 0; i < px.length; i += 3) {
                float h = px[i], s = px[i + 1], v = px[i + 2], dh = h * 6f;
                float dr = clamp(Math.abs(dh - 3f) - 1f), dg = clamp(2f - Math.abs(dh - 2f)), db = clamp(2f - Math.abs(dh - 4f));
                float oneMinusS = 1f - s;
                out[i] = (oneMinusS + s * dr) * v;
                out[i + 1] = (oneMinusS + s * dg) * v;
                out[i + 2] = (oneMinusS + s * db) * v;
            }
            return out;
        }
    };

    private static float clamp(float x) { return Math.min(1f, Math.max(0f, x)); }

    /** {@code AdjustHue}: hue shifted by {@code delta} (a fraction of the circle), wrapped into [0, 1). */
    public static final Op ADJUST_HUE = new Color("AdjustHue", Signature.of("images, delta: float -> output")) {
        @Override
        float[] apply(float[] px, int[] dims, float delta) {
            float[] out = new float[px.length], hsv = new float[3];
            for (int i = 0; i < px.length; i += 3) {
                rgbToHsv(px[i], px[i + 1], px[i + 2], hsv);
                float h = (hsv[0] + delta) % 1f;
                if (h < 0) h = (h + 1f) % 1f;
                hsvToRgbSextant(h, hsv[1], hsv[2], out, i);
            }
            return out;
        }
    };

    /** {@code AdjustSaturation}: saturation scaled by {@code scale} and clamped to [0, 1]. */
    public static final Op ADJUST_SATURATION = new Color("AdjustSaturation", Signature.of("images, scale: float -> output")) {
        @Override
        float[] apply(float[] px, int[] dims, float scale) {
            float[] out = new float[px.length], hsv = new float[3];
            for (int i = 0; i < px.length; i += 3) {
                rgbToHsv(px[i], px[i + 1], px[i + 2], hsv);
                hsvToRgbSextant(hsv[0], clamp(hsv[1] * scale), hsv[2], out, i);
            }
            return out;
        }
    };

    /** {@code AdjustContrastv2}: per image and channel, {@code (x - mean) * factor + mean} over height and width. */
    public static final Op ADJUST_CONTRASTV2 = new Color("AdjustContrastv2", Signature.of(
            "images, contrast_factor: float -> output")) {
        @Override
        int minRank() { return 3; }

        @Override
        float[] apply(float[] px, int[] dims, float factor) {
            int r = dims.length, c = dims[r - 1], hw = dims[r - 2] * dims[r - 3];
            int images = hw * c == 0 ? 0 : px.length / (hw * c);
            float[] out = new float[px.length];
            for (int n = 0; n < images; n++) {
                int base = n * hw * c;
                for (int k = 0; k < c; k++) {
                    float sum = 0;
                    for (int i = 0; i < hw; i++) sum += px[base + i * c + k];
                    float mean = sum / hw;
                    for (int i = 0; i < hw; i++) out[base + i * c + k] = (px[base + i * c + k] - mean) * factor + mean;
                }
            }
            return out;
        }
    };
}
