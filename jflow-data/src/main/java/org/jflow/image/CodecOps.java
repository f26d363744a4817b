package org.jflow.image;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.UnimplementedError;

/**
 * TF's image codec ops ({@code image_ops.cc}'s {@code REGISTER_OP}s): the decoders, the encoders and
 * {@code ExtractJpegShape}. As in TF 2, every decoder runs the one sniffing kernel
 * ({@code DecodeImageV2}), so {@code DecodePng} decodes a JPEG too; their shape rules see only the
 * contents' rank, so the decoded height and width are unknown until a value is decoded.
 */
public final class CodecOps {
    private CodecOps() {}

    static final int UNKNOWN = Shape.UNKNOWN;

    /** A decoder: a scalar string in, an image of {@code rank} dims (last {@code channels}, 0 unknown) out. */
    private abstract static class Decoder extends Op {
        Decoder(String name, Signature signature) { super(name, signature); }

        abstract TensorSpec out(Attrs attrs);

        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            scalarString(name(), inputs[0]);
            return new TensorSpec[] {out(attrs)};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            return new Tensor[] {decode(contents(inputs[0]), attrs)};
        }

        abstract Tensor decode(byte[] contents, Attrs attrs);
    }

    static void scalarString(String op, Tensor t) {
        if (t.dtype() != DType.STRING) {
            throw new InvalidArgumentError("cannot compute " + op + " as input #0(zero-based) was expected to be a string"
                    + " tensor but is a " + t.dtype().tfName() + " tensor");
        }
        if (t.shape().rank() > 0) {
            throw new InvalidArgumentError("contents must be scalar, got shape " + t.shape());
        }
    }

    static byte[] contents(Tensor t) { return ((byte[][]) t.data())[0]; }

    private static int channels(Attrs attrs, int... allowed) {
        int c = attrs.getInt("channels");
        for (int a : allowed) if (a == c) return c;
        throw new InvalidArgumentError("channels must be 0, 1, 3 or 4, got " + c);
    }

    private static Shape hwc(int channels) { return Shape.of(UNKNOWN, UNKNOWN, channels == 0 ? UNKNOWN : channels); }

    /** {@code tf.io.decode_jpeg}; {@code ratio} other than 1 (libjpeg's scaled IDCT) is not available. */
    public static final Op DECODE_JPEG = new Decoder("DecodeJpeg", Signature.of("contents: string -> image: uint8",
            "channels: int = 0", "ratio: int = 1", "fancy_upscaling: bool = true", "try_recover_truncated: bool = false",
            "acceptable_fraction: float = 1.0", "dct_method: string = ''")) {
        @Override
        TensorSpec out(Attrs a) { return new TensorSpec(DType.UINT8, hwc(channels(a, 0, 1, 3))); }

        @Override
        Tensor decode(byte[] b, Attrs a) {
            if (a.getInt("ratio") != 1) throw new UnimplementedError("DecodeJpeg ratio " + a.getInt("ratio")
                    + " (libjpeg's scaled IDCT) is not available; decode at ratio 1 and resize");
            return ImageCodecs.decode(b, channels(a, 0, 1, 3), false);
        }
    }.notDifferentiable();

    /** {@code tf.io.decode_png}: 8 and 16-bit files to uint8 (TF's {@code dtype} also allows uint16, which
     *  JFlow's dtypes lack so far; the signature lists what JFlow has). */
    public static final Op DECODE_PNG = new Decoder("DecodePng", Signature.of("contents: string -> image",
            "channels: int = 0", "dtype: {uint8} = uint8")) {
        @Override
        TensorSpec out(Attrs a) { return new TensorSpec(DType.UINT8, hwc(channels(a, 0, 1, 2, 3, 4))); }

        @Override
        Tensor decode(byte[] b, Attrs a) { return ImageCodecs.decode(b, channels(a, 0, 1, 2, 3, 4), false); }
    }.notDifferentiable();

    /** {@code tf.io.decode_bmp}. */
    public static final Op DECODE_BMP = new Decoder("DecodeBmp", Signature.of("contents: string -> image: uint8",
            "channels: int = 0")) {
        @Override
        TensorSpec out(Attrs a) { return new TensorSpec(DType.UINT8, hwc(channels(a, 0, 1, 3, 4))); }

        @Override
        Tensor decode(byte[] b, Attrs a) { return ImageCodecs.decode(b, channels(a, 0, 1, 3, 4), false); }
    }.notDifferentiable();

    /** {@code tf.io.decode_gif}: every frame, {@code [frames, h, w, 3]}. */
    public static final Op DECODE_GIF = new Decoder("DecodeGif", Signature.of("contents: string -> image: uint8")) {
        @Override
        TensorSpec out(Attrs a) { return new TensorSpec(DType.UINT8, Shape.of(UNKNOWN, UNKNOWN, UNKNOWN, 3)); }

        @Override
        Tensor decode(byte[] b, Attrs a) {
            if (ImageCodecs.sniff(b) != ImageCodecs.Format.GIF) {
                // TF's DecodeGif insists on a GIF (decode_image_op.cc), unlike the other decoders.
                throw new InvalidArgumentError("Expected image (JPEG, PNG, or GIF), got unknown format starting with '"
                        + new String(b, 0, Math.min(b.length, 4), java.nio.charset.StandardCharsets.ISO_8859_1) + "'");
            }
            return ImageCodecs.decode(b, 0, true);
        }
    }.notDifferentiable();

    /** {@code tf.io.decode_image} (TF's {@code DecodeImageV2}); dtype float32 scales to [0, 1] as TF does. */
    public static final Op DECODE_IMAGE = new Decoder("DecodeImage", Signature.of("contents: string -> image",
            "channels: int = 0", "dtype: {uint8, float32} = uint8", "expand_animations: bool = true")) {
        @Override
        TensorSpec out(Attrs a) {
            int c = channels(a, 0, 1, 2, 3, 4);
            DType dt = dtype(a);
            return new TensorSpec(dt, a.getBool("expand_animations") ? Shape.unknownRank() : hwc(c));
        }

        @Override
        Tensor decode(byte[] b, Attrs a) {
            Tensor u8 = ImageCodecs.decode(b, channels(a, 0, 1, 2, 3, 4), a.getBool("expand_animations"));
            if (dtype(a) == DType.UINT8) return u8;
            byte[] px = (byte[]) u8.data();
            float[] f = new float[px.length];
            for (int i = 0; i < px.length; i++) f[i] = (px[i] & 0xff) / 255f;
            return Tensor.wrap(DType.FLOAT32, u8.shape(), f);
        }

        private DType dtype(Attrs a) {
            return a.getDType("dtype");
        }
    }.notDifferentiable();

    /** {@code tf.io.extract_jpeg_shape}: {@code [height, width, channels]} from the header alone. */
    public static final Op EXTRACT_JPEG_SHAPE = new Op("ExtractJpegShape", Signature.of(
            "contents: string -> image_shape", "output_type: {int32, int64} = int32")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            scalarString(name(), inputs[0]);
            return new TensorSpec[] {new TensorSpec(attrs.getDType("output_type"), Shape.of(3))};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            byte[] b = contents(inputs[0]);
            int[] s = b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 ? ImageCodecs.jpegShape(b) : null;
            if (s == null) throw new InvalidArgumentError("Invalid JPEG data, size " + b.length);
            // libjpeg's output components: a grey file gives 1, YCbCr, RGB, CMYK and YCCK their count.
            return new Tensor[] {outputs[0].dtype() == DType.INT64 ? Tensor.wrap(DType.INT64, Shape.of(3),
                    new long[] {s[0], s[1], s[2]}) : Tensor.wrap(DType.INT32, Shape.of(3), s)};
        }
    }.notDifferentiable();

    /** {@code tf.io.encode_png} of uint8 {@code [h, w, c]}. */
    public static final Op ENCODE_PNG = new Op("EncodePng", Signature.of("image -> contents: string",
            "compression: int = -1")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            checkImage(name(), inputs[0], 1, 2, 3, 4);
            return new TensorSpec[] {new TensorSpec(DType.STRING, Shape.scalar())};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            return new Tensor[] {org.jflow.raw.Raw.scalarString(ImageCodecs.encodePng(inputs[0]))};
        }
    }.notDifferentiable();

    /** {@code tf.io.encode_jpeg} of uint8 {@code [h, w, 1 or 3]} at {@code quality}. */
    public static final Op ENCODE_JPEG = new Op("EncodeJpeg", Signature.of("image: uint8 -> contents: string",
            "format: {'', 'grayscale', 'rgb'} = ''", "quality: int = 95", "progressive: bool = false",
            "optimize_size: bool = false", "chroma_downsampling: bool = true", "density_unit: {'in', 'cm'} = 'in'",
            "x_density: int = 300", "y_density: int = 300", "xmp_metadata: string = ''")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            checkImage(name(), inputs[0], 1, 3);
            int q = attrs.getInt("quality");
            if (q < 0 || q > 100) throw new InvalidArgumentError("quality must be in [0,100], got " + q);
            return new TensorSpec[] {new TensorSpec(DType.STRING, Shape.scalar())};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            byte[] jpeg = ImageCodecs.encodeJpeg(inputs[0], attrs.getInt("quality"));
            return new Tensor[] {org.jflow.raw.Raw.scalarString(jpeg)};
        }
    }.notDifferentiable();

    private static void checkImage(String op, Tensor image, int... channels) {
        if (image.dtype() != DType.UINT8) {
            throw new UnimplementedError(op + " of " + image.dtype().tfName() + " images: JFlow encodes uint8 only");
        }
        if (image.shape().rank() != 3) {
            throw new InvalidArgumentError("image must be 3-dimensional" + image.shape());
        }
        int c = image.shape().get(2);
        for (int a : channels) if (a == c || c == UNKNOWN) return;
        throw new InvalidArgumentError("image must have 1, 2, 3, or 4 channels, got " + c);
    }
}
