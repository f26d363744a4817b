package org.jflow.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.ValueError;
import org.jflow.image.ImageNamespace;
import org.jflow.image.RawImage;

/**
 * {@code keras.utils.image_dataset_from_directory} (Keras 3's {@code image_dataset_utils.py}): one class
 * per subfolder, in sorted order, each image decoded and resized to {@code imageSize}, batched into
 * {@code (images, labels)} tuples. Keras' listing, labels, splits and printed lines are matched; a
 * shuffled order is Keras' for the same seed: NumPy's RandomState(seed) shuffles the files, then
 * tf.data's seeded shuffle (TF's own order) the elements; the same seed gives the same split.
 */
public final class ImageDatasets {
    private ImageDatasets() {}

    private static final List<String> FORMATS = List.of(".bmp", ".gif", ".jpeg", ".jpg", ".png");
    private static final ImageNamespace IMAGE = new ImageNamespace();

    /** The keyword arguments, with Keras' defaults; fluent, named as Keras names them. */
    public static final class Options {
        String labelMode = "int";
        List<String> classNames;
        String colorMode = "rgb";
        Integer batchSize = 32;
        int[] imageSize = {256, 256};
        boolean shuffle = true;
        Long seed;
        Double validationSplit;
        String subset;
        String interpolation = ImageNamespace.BILINEAR;
        PrintStream out = System.out;

        /** {@code "int"} (int32 labels), {@code "categorical"} (float32 one-hot), {@code "binary"} (float32 [1]). */
        public Options labelMode(String v) { labelMode = v; return this; }
        public Options classNames(List<String> v) { classNames = List.copyOf(v); return this; }
        /** {@code "rgb"}, {@code "grayscale"} or {@code "rgba"}. */
        public Options colorMode(String v) { colorMode = v; return this; }
        /** null: single images, unbatched. */
        public Options batchSize(Integer v) { batchSize = v; return this; }
        public Options imageSize(int height, int width) { imageSize = new int[] {height, width}; return this; }
        public Options shuffle(boolean v) { shuffle = v; return this; }
        public Options seed(long v) { seed = v; return this; }
        public Options validationSplit(double v) { validationSplit = v; return this; }
        /** {@code "training"} or {@code "validation"}. */
        public Options subset(String v) { subset = v; return this; }
        public Options interpolation(String v) { interpolation = v; return this; }
        /** Where "Found N files belonging to K classes." goes (System.out, as Keras prints). */
        public Options printTo(PrintStream v) { out = v; return this; }
    }

    public static Options options() { return new Options(); }

    /** {@code image_dataset_from_directory(directory)} with Keras' defaults. */
    public static Dataset<Tuple<Tensor>> imageDatasetFromDirectory(String directory) {
        return imageDatasetFromDirectory(directory, new Options());
    }

    /** The class names Keras infers from {@code directory}: its subfolders, sorted. */
    public static List<String> classNames(String directory) {
        try (Stream<Path> s = Files.list(Path.of(directory))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dataset<Tuple<Tensor>> imageDatasetFromDirectory(String directory, Options o) {
        if (!List.of("int", "categorical", "binary").contains(o.labelMode)) {
            throw new ValueError("`label_mode` argument must be one of \"int\", \"categorical\", \"binary\", or None."
                    + " Received: label_mode=" + o.labelMode);
        }
        int channels = switch (o.colorMode) {
            case "rgb" -> 3;
            case "rgba" -> 4;
            case "grayscale" -> 1;
            default -> throw new ValueError("`color_mode` must be one of {\"rgb\", \"rgba\", \"grayscale\"}. "
                    + "Received: color_mode=" + o.colorMode);
        };
        if (o.validationSplit != null && o.subset == null) {
            throw new ValueError("If `subset` is set, `validation_split` must be set, and inversely.");
        }
        if (o.subset != null && !List.of("training", "validation").contains(o.subset)) {
            throw new ValueError("`subset` must be either \"training\", \"validation\" or \"both\", received: " + o.subset);
        }
        List<String> classes = o.classNames != null ? o.classNames : classNames(directory);
        if (o.labelMode.equals("binary") && classes.size() != 2) {
            throw new ValueError("When passing `label_mode=\"binary\"`, there must be exactly 2 class_names. "
                    + "Received: class_names=" + classes);
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            try (Stream<Path> s = Files.walk(Path.of(directory, classes.get(k)))) {
                for (Path p : s.filter(Files::isRegularFile).filter(ImageDatasets::isImage).sorted().toList()) {
                    files.add(p);
                    labels.add(k);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        o.out.println("Found " + files.size() + " files belonging to " + classes.size() + " classes.");
        // Keras draws a seed when none is given, and both of its shuffles use it
        long seed = o.seed != null ? o.seed : new Random().nextInt(1_000_000);
        if (o.shuffle) {
            // Keras' index_directory: NumPy's RandomState(seed).shuffle on the paths, and again on the labels
            int[] order = new int[files.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            new NumpyRandomState(seed).shuffle(order);
            List<Path> shuffledFiles = new ArrayList<>(order.length);
            List<Integer> shuffledLabels = new ArrayList<>(order.length);
            for (int i : order) {
                shuffledFiles.add(files.get(i));
                shuffledLabels.add(labels.get(i));
            }
            files = shuffledFiles;
            labels = shuffledLabels;
        }
        if (o.validationSplit != null) {
            int val = (int) (o.validationSplit * files.size()), n = files.size();
            boolean training = o.subset.equals("training");
            files = training ? files.subList(0, n - val) : files.subList(n - val, n);
            labels = training ? labels.subList(0, n - val) : labels.subList(n - val, n);
            o.out.println("Using " + files.size() + " files for " + o.subset + ".");
        }
        List<Path> paths = List.copyOf(files);
        List<Integer> ys = List.copyOf(labels);
        int h = o.imageSize[0], w = o.imageSize[1], k = classes.size();
        TensorSpec label = switch (o.labelMode) {
            case "int" -> new TensorSpec(DType.INT32, Shape.scalar());
            case "categorical" -> new TensorSpec(DType.FLOAT32, Shape.of(k));
            default -> new TensorSpec(DType.FLOAT32, Shape.of(1));
        };
        DType imageType = o.interpolation.equals(ImageNamespace.NEAREST_NEIGHBOR) ? DType.UINT8 : DType.FLOAT32;
        Object signature = Tuple.of(new TensorSpec(imageType, Shape.of(h, w, channels)), label);
        // Keras' load_image: read, decode_image(channels, expand_animations=False), resize(interpolation)
        Dataset<Tuple<Tensor>> ds = Dataset.fromGenerator(() -> new Iterator<Tuple<Tensor>>() {
            int i;

            @Override
            public boolean hasNext() { return i < paths.size(); }

            @Override
            public Tuple<Tensor> next() {
                Path p = paths.get(i);
                int y = ys.get(i++);
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Tensor img = IMAGE.decodeImage(org.jflow.raw.Raw.scalarString(bytes), channels, DType.UINT8, false);
                img = IMAGE.resize(img, h, w, o.interpolation);
                return Tuple.of(img, labelTensor(o.labelMode, y, k));
            }
        }, signature);
        if (o.batchSize != null) {
            if (o.shuffle) ds = ds.shuffle(o.batchSize * 8L, seed, true);
            ds = ds.batch(o.batchSize);
        } else if (o.shuffle) {
            ds = ds.shuffle(1024, seed, true);
        }
        return ds;
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return FORMATS.stream().anyMatch(name::endsWith);
    }

    private static Tensor labelTensor(String mode, int y, int classes) {
        return switch (mode) {
            case "int" -> Tensor.wrap(DType.INT32, Shape.scalar(), new int[] {y});
            case "categorical" -> {
                float[] oneHot = new float[classes];
                oneHot[y] = 1f;
                yield Tensor.wrap(DType.FLOAT32, Shape.of(classes), oneHot);
            }
            default -> Tensor.wrap(DType.FLOAT32, Shape.of(1), new float[] {y});
        };
    }
}
