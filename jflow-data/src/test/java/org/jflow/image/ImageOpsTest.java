package org.jflow.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.OpError;
import org.junit.jupiter.api.Test;

/** {@code tf.image} and the image codecs against TF 2.21 ({@code golden/images.py}). */
class ImageOpsTest {
    private static final Golden GOLDEN = Golden.load("images");
    private static final ImageNamespace IMAGE = new ImageNamespace();

    static byte[] fixture(String name) {
        try (InputStream in = ImageOpsTest.class.getResourceAsStream("/golden/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tensor input(String key) {
        Map<String, Object> m = GOLDEN.map(key);
        int[] shape = ints(m.get("shape"));
        double[] v = Golden.flatten(m.get("values"));
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Tensor.wrap(DType.FLOAT32, Shape.of(shape), f);
    }

    static int[] ints(Object list) {
        double[] d = Golden.flatten(list);
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) r[i] = (int) d[i];
        return r;
    }

    /** The TF result recorded under {@code key} equals {@code actual} within {@code tol}, or the error it raised. */
    static void check(String key, double tol, Supplier<Tensor> actual) {
        Map<String, Object> m = GOLDEN.map(key);
        if (m.containsKey("error")) {
            OpError e = assertThrows(OpError.class, actual::get, key);
            assertEquals(m.get("error"), e.getClass().getSimpleName(), key);
            assertEquals(m.get("message"), e.getMessage().replaceAll(" \\[Op:\\w+\\]$", ""), key);
            return;
        }
        Tensor t = actual.get();
        assertArrayEquals(ints(m.get("shape")), t.shape().dims(), key + " shape");
        assertEquals(m.get("dtype"), t.dtype().tfName(), key + " dtype");
        double[] want = Golden.flatten(m.get("values")), got = t.toDoubleArray();
        double worst = 0;
        int at = 0;
        for (int i = 0; i < want.length; i++) {
            if (Math.abs(want[i] - got[i]) > worst) { worst = Math.abs(want[i] - got[i]); at = i; }
        }
        assertTrue(worst <= tol, key + ": max |diff| " + worst + " > " + tol + " at flat index " + at);
    }

    static Tensor bytes(String name) { return org.jflow.raw.Raw.scalarString(fixture(name)); }

    @Test
    void decodersGiveTfsPixelsForEveryChannelCount() {
        int checked = 0;
        for (String key : GOLDEN.cases().keySet()) {
            String[] p = key.split("/");
            if (p.length < 3 || p[0].equals("bad") || p[0].startsWith("resize")) continue;
            switch (p[0]) {
                case "decode_png" -> check(key, 0, () -> IMAGE.decodePng(bytes(p[1]), Integer.parseInt(p[2])));
                case "decode_jpeg" -> check(key, 0, () -> IMAGE.decodeJpeg(bytes(p[1]), Integer.parseInt(p[2])));
                case "decode_bmp" -> check(key, 0, () -> IMAGE.decodeBmp(bytes(p[1]), Integer.parseInt(p[2])));
                default -> { continue; }
            }
            checked++;
        }
        assertEquals(30, checked);
        check("decode_gif/anim.gif", 0, () -> IMAGE.decodeGif(bytes("anim.gif")));
        check("decode_image/anim.gif", 0, () -> IMAGE.decodeImage(bytes("anim.gif")));
        check("decode_image/anim.gif/noexpand", 0, () -> IMAGE.decodeImage(bytes("anim.gif"), 0, DType.UINT8, false));
        check("decode_image/rgb.png", 0, () -> IMAGE.decodeImage(bytes("rgb.png"), 3, DType.UINT8, true));
        // TF's decode_image has no dct_method: libjpeg-turbo's IFAST IDCT, within 5 of the accurate one JFlow runs
        check("decode_image/gray.jpg", 5, () -> IMAGE.decodeImage(bytes("gray.jpg")));
        check("extract_jpeg_shape/rgb.jpg", 0, () -> IMAGE.extractJpegShape(bytes("rgb.jpg")));
        check("extract_jpeg_shape/gray.jpg", 0, () -> IMAGE.extractJpegShape(bytes("gray.jpg")));
    }

    @Test
    void badFilesRaiseTfsErrors() {
        for (String name : List.of("truncated.jpg", "huge.jpg", "huge.png", "truncated.png", "empty", "text",
                "truncated.gif")) {
            check("bad/decode_image/" + name, 0, () -> IMAGE.decodeImage(bytes("bad_" + name)));
        }
        check("bad/decode_jpeg/truncated.jpg", 0, () -> IMAGE.decodeJpeg(bytes("bad_truncated.jpg")));
        check("bad/decode_png/truncated.png", 0, () -> IMAGE.decodePng(bytes("bad_truncated.png")));
        check("bad/decode_png/text", 0, () -> IMAGE.decodePng(bytes("bad_text")));
        check("bad/decode_jpeg/text", 0, () -> IMAGE.decodeJpeg(bytes("bad_text")));
        check("bad/extract_jpeg_shape/text", 0, () -> IMAGE.extractJpegShape(bytes("bad_text")));
        // A truncated BMP fails as TF's does (TF's text counts the missing bytes; ImageIO cannot).
        assertThrows(org.jflow.errors.InvalidArgumentError.class, () -> IMAGE.decodeImage(bytes("bad_truncated.bmp")));
    }

    @Test
    void hostileHeadersFailBeforeAllocating() {
        // A 40-byte PNG claiming 100000 x 100000 pixels, and a JPEG claiming 65000 x 65000: rejected on the
        // header against the file size, quickly, with no 30 GB allocation.
        byte[] png = fixture("rgb.png").clone();
        byte[] big = {0, 1, (byte) 0x86, (byte) 0xa0};
        System.arraycopy(big, 0, png, 16, 4);
        System.arraycopy(big, 0, png, 20, 4);
        long t0 = System.nanoTime();
        OpError e = assertThrows(OpError.class, () -> IMAGE.decodePng(org.jflow.raw.Raw.scalarString(png)));
        assertEquals("Invalid PNG. Failed to initialize decoder. [Op:DecodePng]", e.getMessage());
        byte[] gif = fixture("anim.gif").clone();
        gif[6] = gif[7] = gif[8] = gif[9] = (byte) 0xff;
        assertThrows(org.jflow.errors.InvalidArgumentError.class, () -> IMAGE.decodeGif(org.jflow.raw.Raw.scalarString(gif)));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    @Test
    void encodersRoundTrip() {
        Tensor png = IMAGE.decodePng(bytes("rgb.png"));
        check("encode_png_decoded", 0, () -> IMAGE.decodePng(IMAGE.encodePng(png)));
        for (String n : List.of("rgba.png", "gray.png")) {
            Tensor img = IMAGE.decodePng(bytes(n));
            assertArrayEquals((byte[]) img.data(), (byte[]) IMAGE.decodePng(IMAGE.encodePng(img)).data(), n);
        }
        Tensor rgb;
        // JPEG is lossy: a smooth image at quality 100 comes back within a few levels, at quality 10 further away.
        byte[] smooth = new byte[16 * 24 * 3];
        for (int i = 0; i < smooth.length; i++) smooth[i] = (byte) (i / 3 % 24 * 5 + i / 72 * 4 + i % 3 * 20);
        rgb = Tensor.wrap(DType.UINT8, Shape.of(16, 24, 3), smooth);
        Tensor back = IMAGE.decodeJpeg(IMAGE.encodeJpeg(rgb, 100), 3);
        assertArrayEquals(rgb.shape().dims(), back.shape().dims());
        assertTrue(maxDiff(rgb, back) <= 4, "quality 100: " + maxDiff(rgb, back));
        assertTrue(maxDiff(rgb, IMAGE.decodeJpeg(IMAGE.encodeJpeg(rgb, 10), 3)) > maxDiff(rgb, back));
    }

    static int maxDiff(Tensor a, Tensor b) {
        byte[] x = (byte[]) a.data(), y = (byte[]) b.data();
        int m = 0;
        for (int i = 0; i < x.length; i++) m = Math.max(m, Math.abs((x[i] & 0xff) - (y[i] & 0xff)));
        return m;
    }

    @Test
    void resizeMatchesTfForEveryMethodAndAntialias() {
        Tensor img = input("resize_input");
        int checked = 0;
        for (String key : GOLDEN.cases().keySet()) {
            String[] p = key.split("/");
            if (!p[0].equals("resize") || p.length != 4) continue;
            String[] hw = p[2].split("x");
            check(key, 2e-5, () -> IMAGE.resize(img, Integer.parseInt(hw[0]), Integer.parseInt(hw[1]), p[1], false,
                    Boolean.parseBoolean(p[3].toLowerCase())));
            checked++;
        }
        assertEquals(48, checked);
        Tensor u8 = org.jflow.raw.RawArray.expandDims(IMAGE.decodePng(bytes("rgb.png")), 0);
        for (String m : List.of("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian",
                "mitchellcubic")) {
            check("resize_u8/" + m, 3e-4, () -> IMAGE.resize(u8, 5, 6, m));
        }
        check("resize/bilinear/preserve", 2e-5, () -> IMAGE.resize(img, 4, 4, "bilinear", true, false));
        check("resize_with_pad", 2e-5, () -> IMAGE.resizeWithPad(img, 8, 8));
        check("resize_with_crop_or_pad/small", 0, () -> IMAGE.resizeWithCropOrPad(img, 4, 12));
        check("resize_with_crop_or_pad/big", 0, () -> IMAGE.resizeWithCropOrPad(unbatch(img), 10, 6));
    }

    @Test
    void bilinearResizeDifferentiatesAsTfsResizeBilinearGrad() {
        Tensor img = input("resize_input");
        for (String size : List.of("4x5", "11x13")) {
            String[] hw = size.split("x");
            Tensor dy = input("resize_grad_dy/" + size);
            check("resize_grad/" + size, 1e-5, () -> {
                try (var tape = new org.jflow.GradientTape()) {
                    tape.watch(img);
                    Tensor y = IMAGE.resize(img, Integer.parseInt(hw[0]), Integer.parseInt(hw[1]));
                    return tape.gradient(y, img, o -> o.outputGradients(dy));
                }
            });
        }
    }

    @Test
    void resizeTracesInADatasetMapOnUnknownSizes() {
        // decode's height and width are unknown while map traces; lanczos3 then takes its scale from the runtime shape
        var ds = org.jflow.data.Dataset.fromTensorSlices(Tensor.wrap(DType.STRING, Shape.of(2),
                new byte[][] {fixture("rgb.png"), fixture("rgb.png")}))
                .map((Tensor s) -> IMAGE.resize(IMAGE.decodePng(s, 3), 11, 13, "lanczos3"));
        Tensor u8 = IMAGE.decodePng(bytes("rgb.png"), 3);
        Tensor eager = IMAGE.resize(u8, 11, 13, "lanczos3");
        for (Tensor t : ds) assertArrayEquals(eager.toFloatArray(), t.toFloatArray(), 1e-6f);
    }

    static Tensor unbatch(Tensor img) { return org.jflow.raw.RawArray.squeeze(img, new int[] {0}); }

    @Test
    void geometryAndColourMatchTf() {
        Tensor img = input("resize_input"), x = unbatch(img);
        Tensor u8 = org.jflow.raw.RawArray.expandDims(IMAGE.decodePng(bytes("rgb.png")), 0);
        check("flip_left_right", 0, () -> IMAGE.flipLeftRight(x));
        check("flip_up_down", 0, () -> IMAGE.flipUpDown(img));
        check("rot90/1", 0, () -> IMAGE.rot90(x));
        check("rot90/3", 0, () -> IMAGE.rot90(img, 3));
        check("transpose", 0, () -> IMAGE.transpose(x));
        check("central_crop", 0, () -> IMAGE.centralCrop(x, 0.5));
        check("crop_to_bounding_box", 0, () -> IMAGE.cropToBoundingBox(x, 1, 2, 4, 5));
        check("pad_to_bounding_box", 0, () -> IMAGE.padToBoundingBox(x, 1, 2, 10, 12));
        check("convert_image_dtype/u8_to_f32", 1e-7, () -> IMAGE.convertImageDtype(u8, DType.FLOAT32));
        check("convert_image_dtype/f32_to_u8", 0, () -> IMAGE.convertImageDtype(img, DType.UINT8));
        Tensor stretched = org.jflow.raw.RawMath.sub(org.jflow.raw.RawMath.mul(img,
                org.jflow.raw.Raw.scalar(DType.FLOAT32, 1.5)), org.jflow.raw.Raw.scalar(DType.FLOAT32, 0.2));
        check("convert_image_dtype/f32_to_u8_sat", 0, () -> IMAGE.convertImageDtype(stretched, DType.UINT8, true));
        check("adjust_brightness", 1e-6, () -> IMAGE.adjustBrightness(x, 0.2));
        check("adjust_brightness/u8", 0, () -> IMAGE.adjustBrightness(u8, 0.2));
        check("adjust_contrast", 1e-5, () -> IMAGE.adjustContrast(x, 1.7));
        check("adjust_contrast/u8", 1, () -> IMAGE.adjustContrast(u8, 0.6));
        check("adjust_saturation", 1e-5, () -> IMAGE.adjustSaturation(x, 2.5));
        check("adjust_saturation/u8", 1, () -> IMAGE.adjustSaturation(u8, 0.4));
        check("adjust_hue", 1e-5, () -> IMAGE.adjustHue(x, 0.3));
        check("adjust_hue/neg", 1e-5, () -> IMAGE.adjustHue(img, -0.45));
        check("adjust_gamma", 1e-5, () -> IMAGE.adjustGamma(x, 2.2, 1.5));
        check("adjust_gamma/u8", 1, () -> IMAGE.adjustGamma(u8, 0.5, 1));
        check("rgb_to_grayscale", 1e-6, () -> IMAGE.rgbToGrayscale(x));
        check("rgb_to_grayscale/u8", 1, () -> IMAGE.rgbToGrayscale(u8));
        check("grayscale_to_rgb", 0, () -> IMAGE.grayscaleToRgb(IMAGE.cropToBoundingBox(
                org.jflow.raw.RawArray.slice(x, new int[] {0, 0, 0}, new int[] {7, 9, 1}), 0, 0, 7, 9)));
        check("rgb_to_hsv", 1e-6, () -> IMAGE.rgbToHsv(x));
        check("hsv_to_rgb", 1e-6, () -> IMAGE.hsvToRgb(input("hsv_input")));
        check("per_image_standardization", 1e-5, () -> IMAGE.perImageStandardization(x));
        check("per_image_standardization/u8", 1e-5, () -> IMAGE.perImageStandardization(u8));
    }

    /** RawOpsTest's rule for ops outside the core: each op jflow-data registers has its raw method in RawImage. */
    @Test
    void everyImageOpHasARawMethod() throws Exception {
        java.util.Set<String> raw = new java.util.TreeSet<>();
        for (var m : RawImage.class.getMethods()) raw.add(m.getName().toLowerCase(java.util.Locale.ROOT));
        int ops = 0;
        for (Class<?> family : List.of(CodecOps.class, ResizeOps.class, ColorOps.class)) {
            for (var f : family.getFields()) {
                if (f.get(null) instanceof org.jflow.engine.Op op) {
                    assertTrue(raw.contains(op.name().toLowerCase(java.util.Locale.ROOT)), op.name() + " has no raw method");
                    assertTrue(op.signature() != null, op.name());
                    ops++;
                }
            }
        }
        assertEquals(19, ops);
    }

    @Test
    void decoderShapeRulesNeverReadValues() {
        var spec = CodecOps.DECODE_JPEG.infer(new Tensor[] {bytes("rgb.jpg")},
                org.jflow.engine.Attrs.of("channels", 3));
        assertEquals(Shape.of(Shape.UNKNOWN, Shape.UNKNOWN, 3), spec[0].shape());
        var gif = CodecOps.DECODE_GIF.infer(new Tensor[] {bytes("anim.gif")}, org.jflow.engine.Attrs.EMPTY);
        assertEquals(Shape.of(Shape.UNKNOWN, Shape.UNKNOWN, Shape.UNKNOWN, 3), gif[0].shape());
        List<String> names = new ArrayList<>();
        for (var op : org.jflow.engine.OpRegistry.all()) names.add(op.name());
        assertTrue(names.containsAll(List.of("DecodeJpeg", "DecodePng", "DecodeBmp", "DecodeGif", "DecodeImage",
                "EncodePng", "EncodeJpeg", "ExtractJpegShape", "ResizeBilinear", "ResizeNearestNeighbor",
                "ResizeBicubic", "ResizeArea", "ScaleAndTranslate", "RGBToHSV", "HSVToRGB", "AdjustHue",
                "AdjustSaturation", "AdjustContrastv2")), names.toString());
    }
}
