package org.jflow.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;

/**
 * The image codecs behind {@code tf.io.decode_*}/{@code encode_*} (TF's {@code decode_image_op.cc},
 * {@code png_io.cc}, {@code jpeg_mem.cc}), on the JDK's ImageIO. ImageIO's JPEG reader is IJG libjpeg
 * with the ISLOW IDCT and fancy upsampling, so it gives libjpeg-turbo's bytes for TF's
 * {@code dct_method='INTEGER_ACCURATE'} exactly; TF's default ({@code ''}) is libjpeg's IFAST IDCT, from
 * which it differs by at most a few levels (README, "Images").
 *
 * <p>Every header is read here first and its claimed size checked against the file's length (no
 * format compresses below a fixed number of bits per pixel) before ImageIO allocates anything, so a
 * 100000x100000 header in a small file fails at once with TF's error; a truncated file fails as TF's
 * decoders do, never decoding the missing part as grey.
 */
final class ImageCodecs {
    private ImageCodecs() {}

    enum Format { JPEG, PNG, GIF, BMP }

    /** The most pixels one byte of each format can hold: JPEG spends at least one bit per 8x8 DC
     *  coefficient, deflate expands at most 1032:1, a GIF LZW code of at most 12 bits covers at most
     *  4096 pixels, and an RLE BMP run of 2 bytes at most 255 pixels. */
    private static long maxPixelsPerByte(Format f) {
        return switch (f) { case JPEG -> 512; case PNG -> 1032 * 8; case GIF -> 4096 * 8 / 12 + 1; case BMP -> 128; };
    }

    static final String UNKNOWN = "Unknown image file format. One of JPEG, JPEG XL, PNG, GIF, BMP, WebP required.";
    static final String BAD_JPEG = "jpeg::Uncompress failed. Invalid JPEG data or crop window.";
    static final String BAD_PNG = "Invalid PNG. Failed to initialize decoder.";

    /** TF's sniffing ({@code decode_image_op.cc}'s {@code ClassifyFileFormat}). */
    static Format sniff(byte[] b) {
        if (b.length == 0) throw new InvalidArgumentError("Input is empty.");
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return Format.JPEG;
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return Format.PNG;
        if (b.length >= 3 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') return Format.GIF;
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') return Format.BMP;
        throw new InvalidArgumentError(UNKNOWN);
    }

    /** {@code [height, width, components]} from a JPEG's SOF marker (TF's {@code ExtractJpegShape}), or null. */
    static int[] jpegShape(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xff) return null;
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) { i++; continue; }
            if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) { i += 2; continue; }
            if (marker == 0xd9 || marker == 0xda) return null; // scan data or end before any frame header
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                if (i + 9 >= b.length || len < 8) return null;
                int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff), w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return new int[] {h, w, b[i + 9] & 0xff};
            }
            if (len < 2) return null;
            i += 2 + len;
        }
        return null;
    }

    /** Header dimensions {@code [height, width]}, checked against the file size; throws TF's error. */
    private static void checkHeader(Format f, byte[] b) {
        long h, w;
        switch (f) {
            case JPEG -> {
                int[] s = jpegShape(b);
                if (s == null || s[0] == 0 || s[1] == 0 || s[2] == 0) throw new InvalidArgumentError(BAD_JPEG);
                h = s[0]; w = s[1];
            }
            case PNG -> {
                if (b.length < 33) throw new InvalidArgumentError(BAD_PNG);
                w = u32be(b, 16); h = u32be(b, 20);
                if (w == 0 || h == 0) throw new InvalidArgumentError(BAD_PNG);
            }
            case GIF -> {
                // giflib reads the screen descriptor with its global colour table, or fails naming it.
                int table = b.length >= 11 && (b[10] & 0x80) != 0 ? 3 << ((b[10] & 7) + 1) : 0;
                if (b.length < 13 + table) throw new InvalidArgumentError("Invalid GIF data (size " + b.length
                        + "), failed to open gif file: No screen descriptor detected");
                w = (b[6] & 0xff) | ((b[7] & 0xff) << 8); h = (b[8] & 0xff) | ((b[9] & 0xff) << 8);
            }
            default -> {
                if (b.length < 26) throw new InvalidArgumentError("Incomplete bmp content, requires at least 26 bytes"
                        + " to find the header size, width, height, and bpp, but only " + b.length + " bytes provided.");
                w = Math.abs((long) s32le(b, 18)); h = Math.abs((long) s32le(b, 22));
            }
        }
        // TF's decoders reject images over 2^29 pixels; here the file must also be able to hold them.
        if (h * w > (1L << 29) || h * w > maxPixelsPerByte(f) * b.length + 4096) {
            throw new InvalidArgumentError(switch (f) {
                case JPEG -> BAD_JPEG;
                case PNG -> BAD_PNG;
                case GIF -> "Invalid GIF data (size " + b.length + "), image of " + w + "x" + h
                        + " pixels cannot fit in the file";
                case BMP -> "Input size should match (header_size + row_size * abs_height) but they differ by "
                        + (b.length - h * w);
            });
        }
    }

    private static long u32be(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static int s32le(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xff) << 24);
    }

    /** One decoded frame: its raster (raw samples) and colour model, and where a GIF frame sits on the canvas. */
    private record Frame(Raster raster, ColorModel model, int left, int top, int transparent) {}

    /** A truncated or corrupt stream: ImageIO warns and fills the rest grey, TF fails; so a warning fails. */
    private static List<Frame> read(Format f, byte[] b, boolean allFrames) {
        checkHeader(f, b);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName(f.name().toLowerCase()).next();
            try {
                reader.setInput(in);
                reader.addIIOReadWarningListener((source, warning) -> { throw new IllegalStateException(warning); });
                List<Frame> frames = new ArrayList<>();
                for (int i = 0; i < (allFrames ? Integer.MAX_VALUE : 1); i++) {
                    BufferedImage img;
                    try {
                        img = reader.read(i);
                    } catch (IndexOutOfBoundsException end) {
                        if (i == 0) throw end;
                        break;
                    }
                    int left = 0, top = 0, transparent = -1;
                    if (f == Format.GIF) {
                        org.w3c.dom.Node root = reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                            if (n.getNodeName().equals("ImageDescriptor")) {
                                var a = (org.w3c.dom.Element) n;
                                left = Integer.parseInt(a.getAttribute("imageLeftPosition"));
                                top = Integer.parseInt(a.getAttribute("imageTopPosition"));
                            } else if (n.getNodeName().equals("GraphicControlExtension")) {
                                // giflib's index as written (ImageIO's colour model clamps one past the palette)
                                var a = (org.w3c.dom.Element) n;
                                if (Boolean.parseBoolean(a.getAttribute("transparentColorFlag"))) {
                                    transparent = Integer.parseInt(a.getAttribute("transparentColorIndex"));
                                }
                            }
                        }
                    }
                    frames.add(new Frame(img.getRaster(), img.getColorModel(), left, top, transparent));
                }
                return frames;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidArgumentError iae) throw iae;
            throw new InvalidArgumentError(switch (f) {
                case JPEG -> BAD_JPEG;
                case PNG -> BAD_PNG;
                case GIF -> "Invalid GIF data (size " + b.length + "), " + e.getMessage();
                case BMP -> "Invalid BMP data (size " + b.length + "), " + e.getMessage();
            });
        }
    }

    /**
     * TF's {@code DecodeImageV2} kernel, which every decode op runs: sniffs the format, decodes to uint8
     * {@code [h, w, c]} (GIF: {@code [frames, h, w, 3]} unless {@code expandAnimations} is false, then the
     * first frame), {@code channels} 0 keeping the file's. {@code jpegY}: a grey JPEG output is the luma
     * plane libjpeg decodes (JCS_GRAYSCALE), not a conversion of RGB.
     */
    static Tensor decode(byte[] b, int channels, boolean expandAnimations) {
        Format f = sniff(b);
        if (f == Format.GIF) return decodeGif(b, channels, expandAnimations);
        Frame fr = read(f, b, false).get(0);
        Raster r = fr.raster;
        int h = r.getHeight(), w = r.getWidth();
        int[] px;
        int have, bits = 8;
        if (fr.model instanceof IndexColorModel icm) {
            have = icm.hasAlpha() ? 4 : 3;
            px = expandPalette(r.getSamples(0, 0, w, h, 0, (int[]) null), icm, have);
        } else {
            have = r.getNumBands();
            px = r.getPixels(0, 0, w, h, (int[]) null);
            bits = r.getSampleModel().getSampleSize(0);
            // libpng expands 1, 2 and 4-bit grey to 8 bits by scaling
            if (bits < 8) for (int i = 0; i < px.length; i++) px[i] = px[i] * 255 / ((1 << bits) - 1);
        }
        if (f == Format.JPEG && channels == 1 && have == 3) {
            // libjpeg's JCS_GRAYSCALE output is the Y plane as decoded, before any colour conversion.
            px = readJpegLuma(b);
            have = 1;
        }
        int want = channels == 0 ? have : channels;
        // TF adds a missing PNG alpha as libpng's filler (1 << bit depth) - 1 before expanding to 8 bits, so a
        // 4-bit palette image decoded to RGBA has alpha 15 in TF; matched as it is.
        int opaque = f == Format.PNG ? (1 << (b[24] & 0xff)) - 1 : 255;
        int[] out = convertChannels(px, have, want, opaque, bits == 16);
        // 16-bit samples keep their high byte after the channel transforms (libpng's png_set_strip_16, last)
        if (bits == 16) for (int i = 0; i < out.length; i++) out[i] >>= 8;
        return Tensor.wrap(DType.UINT8, Shape.of(h, w, want), toBytes(out));
    }

    private static int[] readJpegLuma(byte[] b) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
            try {
                reader.setInput(in);
                Raster r = reader.readRaster(0, null);
                return r.getSamples(0, 0, r.getWidth(), r.getHeight(), 0, (int[]) null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidArgumentError(BAD_JPEG);
        }
    }

    private static int[] expandPalette(int[] idx, IndexColorModel icm, int c) {
        int[] px = new int[idx.length * c];
        for (int i = 0; i < idx.length; i++) {
            int argb = icm.getRGB(idx[i]);
            px[i * c] = (argb >> 16) & 0xff; px[i * c + 1] = (argb >> 8) & 0xff; px[i * c + 2] = argb & 0xff;
            if (c == 4) px[i * c + 3] = (argb >>> 24);
        }
        return px;
    }

    /**
     * libpng's channel transforms as TF asks for them: grey to RGB repeats, a missing alpha is opaque, an
     * alpha asked away is dropped, and RGB to grey is libpng's {@code png_set_rgb_to_gray} with TF's
     * weights 0.299 and 0.587, which libpng truncates to 15-bit fixed point (9797, 19234, and 3737 for
     * blue, the rest of 32768) and applies with a truncating shift on 8-bit samples, a rounding one on 16-bit.
     */
    private static int[] convertChannels(int[] px, int have, int want, int opaque, boolean sixteen) {
        int round = sixteen ? 16384 : 0;
        if (have == want) return px;
        int n = px.length / have;
        int[] out = new int[n * want];
        for (int i = 0; i < n; i++) {
            int o = i * want, s = i * have;
            boolean colour = have >= 3;
            int alpha = (have == 2 || have == 4) ? px[s + have - 1] : opaque;
            if (want >= 3) {
                for (int k = 0; k < 3; k++) out[o + k] = colour ? px[s + k] : px[s];
                if (want == 4) out[o + 3] = alpha;
            } else {
                out[o] = colour ? (int) (((long) px[s] * 9797 + (long) px[s + 1] * 19234 + (long) px[s + 2] * 3737 + round) >> 15) : px[s];
                if (want == 2) out[o + 1] = alpha;
            }
        }
        return out;
    }

    private static byte[] toBytes(int[] px) {
        byte[] b = new byte[px.length];
        for (int i = 0; i < px.length; i++) b[i] = (byte) px[i];
        return b;
    }

    /** TF's GIF decoding ({@code gif_io.cc}): each frame is drawn over the previous one at its offset, its
     *  transparent colour leaving the canvas as it was (black on the first frame). */
    private static Tensor decodeGif(byte[] b, int channels, boolean expandAnimations) {
        if (channels != 0 && channels != 3) {
            throw new InvalidArgumentError("channels must be 0 or 3 for GIF, got " + channels);
        }
        List<Frame> frames = read(Format.GIF, b, expandAnimations);
        int w = (b[6] & 0xff) | ((b[7] & 0xff) << 8), h = (b[8] & 0xff) | ((b[9] & 0xff) << 8);
        int n = frames.size(), plane = h * w * 3;
        if ((long) n * plane > (long) Integer.MAX_VALUE) throw new InvalidArgumentError("GIF too large");
        byte[] out = new byte[n * plane];
        for (int k = 0; k < n; k++) {
            Frame fr = frames.get(k);
            if (k > 0) System.arraycopy(out, (k - 1) * plane, out, k * plane, plane);
            IndexColorModel icm = (IndexColorModel) fr.model;
            int transparent = fr.transparent;
            Raster r = fr.raster;
            for (int y = 0; y < r.getHeight(); y++) {
                int cy = y + fr.top;
                if (cy >= h) break;
                for (int x = 0; x < r.getWidth(); x++) {
                    int cx = x + fr.left;
                    if (cx >= w) break;
                    int i = r.getSample(x, y, 0), o = k * plane + (cy * w + cx) * 3;
                    if (i == transparent) continue; // the canvas shows through: the previous frame, or black
                    int rgb = icm.getRGB(i);
                    out[o] = (byte) (rgb >> 16); out[o + 1] = (byte) (rgb >> 8); out[o + 2] = (byte) rgb;
                }
            }
        }
        return expandAnimations ? Tensor.wrap(DType.UINT8, Shape.of(n, h, w, 3), out)
                : Tensor.wrap(DType.UINT8, Shape.of(h, w, 3), out);
    }

    /** TF's {@code EncodePng} for uint8 {@code [h, w, c]}, c in 1..4 (ImageIO's deflate level, not zlib's 6:
     *  the bytes differ from TF's, the pixels do not). */
    static byte[] encodePng(Tensor image) {
        return encode(image, "png", -1);
    }

    /** TF's {@code EncodeJpeg} for uint8 {@code [h, w, 1 or 3]} at {@code quality} 0..100 (libjpeg's tables). */
    static byte[] encodeJpeg(Tensor image, int quality) {
        return encode(image, "jpeg", quality);
    }

    private static byte[] encode(Tensor image, String format, int quality) {
        int h = image.shape().get(0), w = image.shape().get(1), c = image.shape().get(2);
        byte[] px = (byte[]) image.data();
        int type = switch (c) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 3 -> BufferedImage.TYPE_3BYTE_BGR;
            default -> BufferedImage.TYPE_4BYTE_ABGR;
        };
        if (c == 2 || (c == 4 && format.equals("jpeg"))) {
            throw new InvalidArgumentError("image must have 1, 3 or 4 channels for " + format + ", got " + c);
        }
        BufferedImage img = new BufferedImage(w, h, type);
        int[] samples = new int[px.length];
        for (int i = 0; i < px.length; i++) samples[i] = px[i] & 0xff;
        if (w > 0 && h > 0) img.getRaster().setPixels(0, 0, w, h, samples);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality >= 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new InvalidArgumentError("Failed to encode " + format + ": " + e.getMessage());
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
