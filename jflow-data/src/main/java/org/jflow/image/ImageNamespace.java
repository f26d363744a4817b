package org.jflow.image;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.ValueError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;

/**
 * {@code tf.image} ({@code image_ops_impl.py}), also the home of {@code tf.io}'s image codecs
 * ({@code tf.image.decode_jpeg} is {@code tf.io.decode_jpeg} in TF too; jflow-io's {@code tf.io} cannot
 * see this module). Functions take {@code [h, w, c]} images or {@code [batch, h, w, c]} batches as TF's do
 * and are written on raw ops, so they trace into graphs and run on every device the ops have.
 */
public final class ImageNamespace {
    /** TF's {@code tf.image.ResizeMethod} names. */
    public static final String BILINEAR = "bilinear", NEAREST_NEIGHBOR = "nearest", BICUBIC = "bicubic", AREA = "area",
            LANCZOS3 = "lanczos3", LANCZOS5 = "lanczos5", GAUSSIAN = "gaussian", MITCHELLCUBIC = "mitchellcubic";

    // ---- codecs (tf.io) ----

    /** {@code tf.io.decode_jpeg(contents, channels=0)}, libjpeg's accurate IDCT (see ImageCodecs). */
    public Tensor decodeJpeg(Tensor contents, int channels) { return RawImage.decodeJpeg(contents, channels, ""); }

    public Tensor decodeJpeg(Tensor contents) { return decodeJpeg(contents, 0); }

    public Tensor decodeJpeg(byte[] contents, int channels) { return decodeJpeg(org.jflow.raw.Raw.scalarString(contents), channels); }

    public Tensor decodePng(Tensor contents, int channels) { return RawImage.decodePng(contents, channels); }

    public Tensor decodePng(Tensor contents) { return decodePng(contents, 0); }

    public Tensor decodeBmp(Tensor contents, int channels) { return RawImage.decodeBmp(contents, channels); }

    public Tensor decodeGif(Tensor contents) { return RawImage.decodeGif(contents); }

    /** {@code tf.io.decode_image(contents, channels, dtype, expand_animations)}. */
    public Tensor decodeImage(Tensor contents, int channels, DType dtype, boolean expandAnimations) {
        return RawImage.decodeImage(contents, channels, dtype, expandAnimations);
    }

    public Tensor decodeImage(Tensor contents) { return decodeImage(contents, 0, DType.UINT8, true); }

    public Tensor decodeImage(byte[] contents) { return decodeImage(org.jflow.raw.Raw.scalarString(contents)); }

    public Tensor extractJpegShape(Tensor contents) { return RawImage.extractJpegShape(contents, DType.INT32); }

    public Tensor encodePng(Tensor image) { return RawImage.encodePng(image); }

    /** {@code tf.io.encode_jpeg(image, quality=95)}. */
    public Tensor encodeJpeg(Tensor image, int quality) { return RawImage.encodeJpeg(image, quality); }

    public Tensor encodeJpeg(Tensor image) { return encodeJpeg(image, 95); }

    // ---- resizing ----

    /** {@code tf.image.resize(images, size)}: bilinear, half-pixel centres, float32. */
    public Tensor resize(Tensor images, int height, int width) {
        return resize(images, height, width, BILINEAR, false, false);
    }

    public Tensor resize(Tensor images, int height, int width, String method) {
        return resize(images, height, width, method, false, false);
    }

    /**
     * {@code tf.image.resize(images, size, method, preserve_aspect_ratio, antialias)} (TF 2's
     * {@code resize_images_v2}): lanczos, gaussian, mitchellcubic and every antialiased method except
     * nearest and area run {@code ScaleAndTranslate}; the result is float32 except for nearest.
     */
    public Tensor resize(Tensor images, int height, int width, String method, boolean preserveAspectRatio,
                         boolean antialias) {
        boolean batch = images.rank() == 4;
        if (!batch && images.rank() != 3) throw new ValueError("'images' must have either 3 or 4 dimensions.");
        Tensor x = batch ? images : RawArray.expandDims(images, 0);
        int h = x.shape().get(1), w = x.shape().get(2);
        if (preserveAspectRatio) {
            if (h < 0 || w < 0) throw new ValueError("preserve_aspect_ratio needs the images' height and width");
            float scale = Math.min(height / (float) h, width / (float) w);
            height = (int) Math.rint(scale * h);
            width = (int) Math.rint(scale * w);
        }
        int[] size = {height, width};
        if (!method.equals(NEAREST_NEIGHBOR)) x = Raw.castTo(x, DType.FLOAT32);
        String kernel = switch (method) {
            case BILINEAR -> antialias ? "triangle" : null;
            case BICUBIC -> antialias ? "keyscubic" : null;
            case NEAREST_NEIGHBOR, AREA -> null;
            case LANCZOS3, LANCZOS5, GAUSSIAN, MITCHELLCUBIC -> method;
            default -> throw new ValueError("Resize method is not implemented: [" + method + "]");
        };
        Tensor y;
        if (kernel != null) {
            Tensor target = Tensor.wrap(DType.FLOAT32, Shape.of(2), new float[] {height, width});
            // size / input size, as TF computes it; from the runtime shape where a trace leaves it unknown
            Tensor scale = h > 0 && w > 0
                    ? Tensor.wrap(DType.FLOAT32, Shape.of(2), new float[] {height / (float) h, width / (float) w})
                    : RawMath.realDiv(target, RawMath.cast(RawArray.slice(RawArray.shape(x, DType.INT32),
                            new int[] {1}, new int[] {2}), DType.FLOAT32));
            Tensor zero = Tensor.wrap(DType.FLOAT32, Shape.of(2), new float[2]);
            y = RawImage.scaleAndTranslate(x, size, scale, zero, kernel, antialias);
        } else {
            y = switch (method) {
                case BILINEAR -> RawImage.resizeBilinear(x, size, false, true);
                case BICUBIC -> RawImage.resizeBicubic(x, size, false, true);
                case NEAREST_NEIGHBOR -> RawImage.resizeNearestNeighbor(x, size, false, true);
                default -> RawImage.resizeArea(x, size, false);
            };
        }
        return batch ? y : RawArray.squeeze(y, new int[] {0});
    }

    /** {@code tf.image.resize_with_pad}: resize keeping the aspect ratio, then pad with zeros, centred. */
    public Tensor resizeWithPad(Tensor image, int targetHeight, int targetWidth) {
        int r = image.rank();
        float h = image.shape().get(r - 3), w = image.shape().get(r - 2);
        float ratio = Math.max(w / targetWidth, h / targetHeight);
        float rh = h / ratio, rw = w / ratio;
        int ph = Math.max(0, (int) Math.floor((targetHeight - rh) / 2)), pw = Math.max(0, (int) Math.floor((targetWidth - rw) / 2));
        Tensor resized = resize(image, (int) Math.floor(rh), (int) Math.floor(rw));
        return padToBoundingBox(resized, ph, pw, targetHeight, targetWidth);
    }

    /** {@code tf.image.resize_with_crop_or_pad}: centred crop or zero pad in each dimension. */
    public Tensor resizeWithCropOrPad(Tensor image, int targetHeight, int targetWidth) {
        int r = image.rank(), h = image.shape().get(r - 3), w = image.shape().get(r - 2);
        int dh = targetHeight - h, dw = targetWidth - w;
        Tensor cropped = cropToBoundingBox(image, Math.max(Math.floorDiv(-dh, 2), 0), Math.max(Math.floorDiv(-dw, 2), 0),
                Math.min(targetHeight, h), Math.min(targetWidth, w));
        return padToBoundingBox(cropped, Math.max(Math.floorDiv(dh, 2), 0), Math.max(Math.floorDiv(dw, 2), 0),
                targetHeight, targetWidth);
    }

    // ---- geometry ----

    public Tensor flipLeftRight(Tensor image) { return RawArray.reverseV2(image, new int[] {image.rank() - 2}); }

    public Tensor flipUpDown(Tensor image) { return RawArray.reverseV2(image, new int[] {image.rank() - 3}); }

    /** {@code tf.image.transpose}: height and width swapped. */
    public Tensor transpose(Tensor image) {
        return RawArray.transpose(image, image.rank() == 4 ? new int[] {0, 2, 1, 3} : new int[] {1, 0, 2});
    }

    /** {@code tf.image.rot90(image, k)}: {@code k} quarter turns counter-clockwise. */
    public Tensor rot90(Tensor image, int k) {
        return switch (Math.floorMod(k, 4)) {
            case 1 -> transpose(flipLeftRight(image));
            case 2 -> flipUpDown(flipLeftRight(image));
            case 3 -> flipLeftRight(transpose(image));
            default -> image;
        };
    }

    public Tensor rot90(Tensor image) { return rot90(image, 1); }

    /** {@code tf.image.crop_to_bounding_box}. */
    public Tensor cropToBoundingBox(Tensor image, int offsetHeight, int offsetWidth, int targetHeight, int targetWidth) {
        int r = image.rank(), h = image.shape().get(r - 3), w = image.shape().get(r - 2);
        if (offsetHeight < 0) throw new ValueError("offset_height must be >= 0.");
        if (offsetWidth < 0) throw new ValueError("offset_width must be >= 0.");
        if (targetHeight <= 0) throw new ValueError("target_height must be > 0.");
        if (targetWidth <= 0) throw new ValueError("target_width must be > 0.");
        if (w < targetWidth + offsetWidth) throw new ValueError("width must be >= target + offset.");
        if (h < targetHeight + offsetHeight) throw new ValueError("height must be >= target + offset.");
        int c = image.shape().get(r - 1);
        return r == 4 ? RawArray.slice(image, new int[] {0, offsetHeight, offsetWidth, 0},
                new int[] {image.shape().get(0), targetHeight, targetWidth, c})
                : RawArray.slice(image, new int[] {offsetHeight, offsetWidth, 0}, new int[] {targetHeight, targetWidth, c});
    }

    /** {@code tf.image.pad_to_bounding_box}: zeros around, the image at the offsets. */
    public Tensor padToBoundingBox(Tensor image, int offsetHeight, int offsetWidth, int targetHeight, int targetWidth) {
        int r = image.rank(), h = image.shape().get(r - 3), w = image.shape().get(r - 2);
        int after_h = targetHeight - offsetHeight - h, after_w = targetWidth - offsetWidth - w;
        if (offsetHeight < 0) throw new ValueError("offset_height must be >= 0");
        if (offsetWidth < 0) throw new ValueError("offset_width must be >= 0");
        if (after_w < 0) throw new ValueError("width must be <= target - offset");
        if (after_h < 0) throw new ValueError("height must be <= target - offset");
        int[] p = {offsetHeight, after_h, offsetWidth, after_w, 0, 0};
        if (r == 4) p = new int[] {0, 0, offsetHeight, after_h, offsetWidth, after_w, 0, 0};
        return RawArray.pad(image, p);
    }

    /** {@code tf.image.central_crop(image, central_fraction)}. */
    public Tensor centralCrop(Tensor image, double centralFraction) {
        if (centralFraction <= 0.0 || centralFraction > 1.0) throw new ValueError("central_fraction must be within (0, 1]");
        if (centralFraction == 1.0) return image;
        int r = image.rank(), h = image.shape().get(r - 3), w = image.shape().get(r - 2);
        int hs = (int) ((h - h * centralFraction) / 2), ws = (int) ((w - w * centralFraction) / 2);
        return cropToBoundingBox(image, hs, ws, h - 2 * hs, w - 2 * ws);
    }

    // ---- dtypes and colour ----

    /**
     * {@code tf.image.convert_image_dtype}: integers scale to [0, 1] floats by 1/max, floats to integers by
     * max + 0.5 and a cast ({@code saturate}: clipped first), floats to floats by a cast.
     */
    public Tensor convertImageDtype(Tensor image, DType dtype, boolean saturate) {
        DType from = image.dtype();
        if (from == dtype) return image;
        if (from.isFloating() && dtype.isFloating()) return RawMath.cast(image, dtype);
        if (!from.isFloating() && dtype.isFloating()) {
            return RawMath.mul(RawMath.cast(image, dtype), Raw.scalar(dtype, (float) (1.0 / from.max())));
        }
        if (from.isFloating()) {
            Tensor scaled = RawMath.mul(image, Raw.scalar(from, dtype.max() + 0.5));
            if (saturate) {
                scaled = RawMath.minimum(RawMath.maximum(scaled, Raw.scalar(from, dtype.min())), Raw.scalar(from, dtype.max()));
            }
            return RawMath.cast(scaled, dtype);
        }
        throw new InvalidArgumentError("convert_image_dtype between integer types " + from.tfName() + " and "
                + dtype.tfName() + " is not available yet");
    }

    public Tensor convertImageDtype(Tensor image, DType dtype) { return convertImageDtype(image, dtype, false); }

    /** TF's pattern for the adjust functions: integer images go through float32 and back, saturating. */
    private Tensor viaFloat(Tensor image, java.util.function.UnaryOperator<Tensor> f) {
        if (image.dtype() == DType.FLOAT16 || image.dtype() == DType.FLOAT32) return f.apply(image);
        return convertImageDtype(f.apply(convertImageDtype(image, DType.FLOAT32)), image.dtype(), true);
    }

    public Tensor adjustBrightness(Tensor image, double delta) {
        return viaFloat(image, x -> RawMath.addV2(x, Raw.scalarLike(x, delta)));
    }

    public Tensor adjustContrast(Tensor image, double contrastFactor) {
        return viaFloat(image, x -> RawImage.adjustContrastv2(x, Raw.scalar(DType.FLOAT32, contrastFactor)));
    }

    public Tensor adjustSaturation(Tensor image, double saturationFactor) {
        return viaFloat(image, x -> RawImage.adjustSaturation(x, Raw.scalar(DType.FLOAT32, saturationFactor)));
    }

    public Tensor adjustHue(Tensor image, double delta) {
        if (delta < -1 || delta > 1) throw new ValueError("delta must be in the interval [-1, 1]");
        return viaFloat(image, x -> RawImage.adjustHue(x, Raw.scalar(DType.FLOAT32, delta)));
    }

    /** {@code tf.image.adjust_gamma(image, gamma, gain)}: {@code gain * image ** gamma}. */
    public Tensor adjustGamma(Tensor image, double gamma, double gain) {
        if (gamma < 0) throw new ValueError("Gamma should be a non-negative real number.");
        return viaFloat(image, x -> RawMath.mul(Raw.scalarLike(x, gain), RawMath.pow(x, Raw.scalarLike(x, gamma))));
    }

    /** {@code tf.image.rgb_to_grayscale}: TF's weights 0.2989, 0.5870, 0.1140, in float32. */
    public Tensor rgbToGrayscale(Tensor images) {
        Tensor f = convertImageDtype(images, DType.FLOAT32);
        Tensor weights = Tensor.wrap(DType.FLOAT32, Shape.of(3), new float[] {0.2989f, 0.5870f, 0.1140f});
        Tensor gray = RawMath.sum(RawMath.mul(f, weights), new int[] {images.rank() - 1}, true);
        return convertImageDtype(gray, images.dtype());
    }

    /** {@code tf.image.grayscale_to_rgb}: the one channel repeated three times. */
    public Tensor grayscaleToRgb(Tensor images) {
        int[] multiples = new int[images.rank()];
        java.util.Arrays.fill(multiples, 1);
        multiples[multiples.length - 1] = 3;
        return RawArray.tile(images, multiples);
    }

    public Tensor rgbToHsv(Tensor images) { return RawImage.rgbToHsv(images); }

    public Tensor hsvToRgb(Tensor images) { return RawImage.hsvToRgb(images); }

    /**
     * {@code tf.image.per_image_standardization}: float32 {@code (x - mean) / max(stddev, 1/sqrt(N))} over
     * each image's pixels and channels.
     */
    public Tensor perImageStandardization(Tensor image) {
        int r = image.rank();
        if (r < 3) throw new ValueError("'image' must be at least three-dimensional.");
        Tensor x = Raw.castTo(image, DType.FLOAT32);
        int[] axes = {r - 3, r - 2, r - 1};
        int n = image.shape().get(r - 3) * image.shape().get(r - 2) * image.shape().get(r - 1);
        Tensor mean = RawMath.mean(x, axes, true);
        Tensor std = RawMath.maximum(RawMath.reduceStd(x, axes, true), Raw.scalar(DType.FLOAT32, (float) (1 / Math.sqrt(n))));
        return RawMath.div(RawMath.sub(x, mean), std);
    }
}
