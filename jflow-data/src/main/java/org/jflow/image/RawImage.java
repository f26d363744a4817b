package org.jflow.image;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;

/**
 * TF's {@code tf.raw_ops} for the image ops jflow-data registers ({@code gen_image_ops}): one typed method
 * per op, no Python conveniences; {@code tf.image} and the image dataset loaders call these.
 */
public final class RawImage {
    private RawImage() {}

    private static Tensor one(Op op, Attrs attrs, Tensor... inputs) { return Dispatcher.execute1(op, attrs, inputs); }

    public static Tensor decodeJpeg(Tensor contents, int channels, String dctMethod) {
        return one(CodecOps.DECODE_JPEG, Attrs.of("channels", channels, "dct_method", dctMethod), contents);
    }

    public static Tensor decodePng(Tensor contents, int channels) {
        return one(CodecOps.DECODE_PNG, Attrs.of("channels", channels), contents);
    }

    public static Tensor decodeBmp(Tensor contents, int channels) {
        return one(CodecOps.DECODE_BMP, Attrs.of("channels", channels), contents);
    }

    public static Tensor decodeGif(Tensor contents) { return one(CodecOps.DECODE_GIF, Attrs.EMPTY, contents); }

    public static Tensor decodeImage(Tensor contents, int channels, DType dtype, boolean expandAnimations) {
        return one(CodecOps.DECODE_IMAGE, Attrs.of("channels", channels, "dtype", dtype,
                "expand_animations", expandAnimations), contents);
    }

    public static Tensor extractJpegShape(Tensor contents, DType outputType) {
        return one(CodecOps.EXTRACT_JPEG_SHAPE, Attrs.of("output_type", outputType), contents);
    }

    public static Tensor encodePng(Tensor image) { return one(CodecOps.ENCODE_PNG, Attrs.EMPTY, image); }

    public static Tensor encodeJpeg(Tensor image, int quality) {
        return one(CodecOps.ENCODE_JPEG, Attrs.of("quality", quality), image);
    }

    public static Tensor resizeBilinear(Tensor images, int[] size, boolean alignCorners, boolean halfPixelCenters) {
        return one(ResizeOps.RESIZE_BILINEAR, Attrs.of("size", size.clone(), "align_corners", alignCorners,
                "half_pixel_centers", halfPixelCenters), images);
    }

    public static Tensor resizeBilinearGrad(Tensor grads, Tensor originalImage, boolean alignCorners,
                                            boolean halfPixelCenters) {
        return one(ResizeOps.RESIZE_BILINEAR_GRAD, Attrs.of("align_corners", alignCorners,
                "half_pixel_centers", halfPixelCenters), grads, originalImage);
    }

    public static Tensor resizeNearestNeighbor(Tensor images, int[] size, boolean alignCorners,
                                               boolean halfPixelCenters) {
        return one(ResizeOps.RESIZE_NEAREST_NEIGHBOR, Attrs.of("size", size.clone(), "align_corners", alignCorners,
                "half_pixel_centers", halfPixelCenters), images);
    }

    public static Tensor resizeBicubic(Tensor images, int[] size, boolean alignCorners, boolean halfPixelCenters) {
        return one(ResizeOps.RESIZE_BICUBIC, Attrs.of("size", size.clone(), "align_corners", alignCorners,
                "half_pixel_centers", halfPixelCenters), images);
    }

    public static Tensor resizeArea(Tensor images, int[] size, boolean alignCorners) {
        return one(ResizeOps.RESIZE_AREA, Attrs.of("size", size.clone(), "align_corners", alignCorners), images);
    }

    public static Tensor scaleAndTranslate(Tensor images, int[] size, Tensor scale, Tensor translation,
                                           String kernelType, boolean antialias) {
        return one(ResizeOps.SCALE_AND_TRANSLATE, Attrs.of("size", size.clone(), "kernel_type", kernelType,
                "antialias", antialias), images, scale, translation);
    }

    public static Tensor rgbToHsv(Tensor images) { return one(ColorOps.RGB_TO_HSV, Attrs.EMPTY, images); }

    public static Tensor hsvToRgb(Tensor images) { return one(ColorOps.HSV_TO_RGB, Attrs.EMPTY, images); }

    public static Tensor adjustHue(Tensor images, Tensor delta) { return one(ColorOps.ADJUST_HUE, Attrs.EMPTY, images, delta); }

    public static Tensor adjustSaturation(Tensor images, Tensor scale) {
        return one(ColorOps.ADJUST_SATURATION, Attrs.EMPTY, images, scale);
    }

    public static Tensor adjustContrastv2(Tensor images, Tensor contrastFactor) {
        return one(ColorOps.ADJUST_CONTRASTV2, Attrs.EMPTY, images, contrastFactor);
    }
}
