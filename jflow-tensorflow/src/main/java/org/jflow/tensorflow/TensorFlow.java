package org.jflow.tensorflow;

import org.jflow.TF;
import org.jflow.data.DataNamespace;
import org.jflow.featurecolumn.FeatureColumnNamespace;
import org.jflow.image.ImageNamespace;
import org.jflow.io.IoNamespace;
import org.jflow.keras.Keras;

/**
 * The whole {@code tf} module, as {@code import tensorflow as tf} gives it in Python:
 * {@code import static org.jflow.tensorflow.TensorFlow.tf;} then every function and namespace of
 * the core's {@link TF} ({@code tf.constant}, {@code tf.math}, {@code tf.nn}, {@code tf.function}...)
 * plus the namespaces that live in modules above the core: {@code tf.keras} (jflow-keras, the same
 * object as {@code Keras.keras}), {@code tf.io} (jflow-io) and {@code tf.data} (jflow-data).
 *
 * <p>Dependencies stay one-way: this module depends on each module it names and nothing depends on
 * it. A new module adds its namespace here as one field ({@code tf.image} from jflow-data's image ops, {@code tf.summary} from jflow-board,
 * {@code tf.saved_model} from jflow-serving), typed, so an IDE completes {@code tf.keras.} as it
 * completes {@code tf.math.}.
 */
public final class TensorFlow extends TF {
    /** The one instance; hides the core's {@code TF.tf} for code that imports this class. */
    public static final TensorFlow tf = new TensorFlow();

    /** {@code tf.keras}: the same object as {@code Keras.keras}. */
    public final Keras keras = Keras.keras;

    /** {@code tf.io}: {@code writeGraph} (GraphDef), {@code TFRecordWriter}, the Example parsers. */
    public final IoNamespace io = new IoNamespace();

    /** {@code tf.sparse}: {@code SparseTensor} (what {@code VarLenFeature} parses into) and {@code toDense}. */
    public final org.jflow.io.sparse.SparseNamespace sparse = new org.jflow.io.sparse.SparseNamespace();

    /** {@code tf.data}: {@code tf.data.Dataset.range(12)}, {@code tf.data.TextLineDataset(...)}, {@code tf.data.AUTOTUNE}. */
    public final DataNamespace data = new DataNamespace();

    /** {@code tf.feature_column}: {@code tf.featureColumn.numericColumn("age")} (jflow-data). */
    public final FeatureColumnNamespace featureColumn = new FeatureColumnNamespace();
    /**
     * {@code tf.image} (jflow-data): resize, crops, flips, colour; and the codecs TF has under both
     * {@code tf.io} and {@code tf.image} ({@code tf.image.decodeJpeg}), since jflow-io's {@code tf.io} cannot see jflow-data.
     */
    public final ImageNamespace image = new ImageNamespace();

    private TensorFlow() {}
}
