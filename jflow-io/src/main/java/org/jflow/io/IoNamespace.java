package org.jflow.io;

import org.jflow.errors.OpError;
import org.jflow.errors.TypeError;
import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.graph.Graph;
import org.jflow.graph.Program;
import org.jflow.io.parsing.FixedLenFeature;
import org.jflow.io.parsing.FixedLenSequenceFeature;
import org.jflow.io.parsing.ParsedSequenceExample;
import org.jflow.io.parsing.Parsing;
import org.jflow.io.parsing.RaggedFeature;
import org.jflow.io.parsing.VarLenFeature;
import org.jflow.io.proto.GraphDef;
import org.jflow.io.tfrecord.TFRecordOptions;
import org.jflow.io.tfrecord.TFRecordWriter;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code tf.io} as far as this module has it: {@code tf.io.write_graph}, {@code read_file},
 * {@code write_file}, {@code tf.io.gfile}, {@code TFRecordWriter} and {@code TFRecordOptions}, the Example
 * parsers and their feature configurations. The aggregate {@code tf}
 * of {@code jflow-tensorflow} holds one as {@code tf.io}; code that depends on this module only can
 * make its own ({@code new IoNamespace()}), since the core's {@code tf} cannot see modules above it.
 */
public final class IoNamespace {
    /** {@code tf.io.gfile}: exists, glob, listdir, makedirs, rmtree, copy, rename, walk... */
    public final org.jflow.io.file.Gfile gfile = new org.jflow.io.file.Gfile();

    /** {@code tf.io.read_file(filename)}: the file's bytes as a scalar string (an op: it traces inside {@code Dataset.map}). */
    public Tensor readFile(Object filename) {
        return org.jflow.io.file.FileOps.readFile(org.jflow.engine.Convert.toTensor(filename, DType.STRING));
    }

    /** {@code tf.io.write_file(filename, contents)}: replaces the file (creating its folder), atomically. */
    public void writeFile(Object filename, Object contents) {
        Tensor bytes = contents instanceof byte[] b ? org.jflow.raw.Raw.scalarString(b)
                : org.jflow.engine.Convert.toTensor(contents, DType.STRING);
        org.jflow.io.file.FileOps.writeFile(org.jflow.engine.Convert.toTensor(filename, DType.STRING), bytes);
    }

    /**
     * {@code tf.io.write_graph(graph_or_graph_def, logdir, name)}: the graph (a {@link Graph}, a traced
     * {@link Program} or a {@link GraphDef}) as a text GraphDef at {@code logdir/name}, creating the
     * folder; returns that path, as TF does.
     */
    public String writeGraph(Object graphOrGraphDef, String logdir, String name) {
        return writeGraph(graphOrGraphDef, logdir, name, true);
    }

    /** {@code tf.io.write_graph(..., as_text=...)}: binary when {@code asText} is false (TF's default is text). */
    public String writeGraph(Object graphOrGraphDef, String logdir, String name, boolean asText) {
        GraphDef def = switch (graphOrGraphDef) {
            case GraphDef d -> d;
            case Graph g -> GraphDefs.toGraphDef(g);
            case Program p -> GraphDefs.toGraphDef(p);
            case null, default -> throw new TypeError("write_graph expects a Graph or a GraphDef, got "
                    + (graphOrGraphDef == null ? "None" : graphOrGraphDef.getClass().getSimpleName()));
        };
        Path path = Path.of(logdir, name);
        try {
            GraphDefs.write(def, path, asText);
        } catch (FileSystemException e) {
            // TF's file system errors read "<path>; <reason>".
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new OpError(e.getFile() + "; " + reason, e);
        } catch (IOException e) {
            throw new OpError(path + "; " + e.getMessage(), e);
        }
        return path.toString();
    }

    /** {@code tf.io.TFRecordWriter(path)}: an uncompressed TFRecord file, complete once closed. */
    public TFRecordWriter TFRecordWriter(String path) { return new TFRecordWriter(path); }

    /** {@code tf.io.TFRecordWriter(path, options)}. */
    public TFRecordWriter TFRecordWriter(String path, TFRecordOptions options) {
        return new TFRecordWriter(path, options);
    }

    /** {@code tf.io.TFRecordOptions(compression_type=...)}: "", "GZIP" or "ZLIB". */
    public TFRecordOptions TFRecordOptions(String compressionType) { return new TFRecordOptions(compressionType); }

    /** {@code tf.io.FixedLenFeature(shape, dtype)}: required. */
    public FixedLenFeature FixedLenFeature(int[] shape, DType dtype) { return new FixedLenFeature(shape, dtype); }

    /** {@code tf.io.FixedLenFeature(shape, dtype, default_value)}. */
    public FixedLenFeature FixedLenFeature(int[] shape, DType dtype, Object defaultValue) {
        return new FixedLenFeature(shape, dtype, defaultValue);
    }

    /** {@code tf.io.VarLenFeature(dtype)}. */
    public VarLenFeature VarLenFeature(DType dtype) { return new VarLenFeature(dtype); }

    /** {@code tf.io.RaggedFeature(dtype)}. */
    public RaggedFeature RaggedFeature(DType dtype) { return new RaggedFeature(dtype); }

    /** {@code tf.io.FixedLenSequenceFeature(shape, dtype, allow_missing)}. */
    public FixedLenSequenceFeature FixedLenSequenceFeature(int[] shape, DType dtype, boolean allowMissing) {
        return new FixedLenSequenceFeature(shape, dtype, allowMissing);
    }

    /** {@code tf.io.parse_single_example(serialized, features)}. */
    public Map<String, Object> parseSingleExample(Tensor serialized, Map<String, ?> features) {
        return Parsing.parseSingleExample(serialized, features);
    }

    /** {@code tf.io.parse_example(serialized, features)}. */
    public Map<String, Object> parseExample(Tensor serialized, Map<String, ?> features) {
        return Parsing.parseExample(serialized, features);
    }

    /** {@code tf.io.parse_single_sequence_example(serialized, context_features, sequence_features)}. */
    public ParsedSequenceExample parseSingleSequenceExample(Tensor serialized, Map<String, ?> contextFeatures,
                                                           Map<String, ?> sequenceFeatures) {
        return Parsing.parseSingleSequenceExample(serialized, contextFeatures, sequenceFeatures);
    }

    /** {@code tf.io.parse_sequence_example(serialized, context_features, sequence_features)}. */
    public ParsedSequenceExample parseSequenceExample(Tensor serialized, Map<String, ?> contextFeatures,
                                                     Map<String, ?> sequenceFeatures) {
        return Parsing.parseSequenceExample(serialized, contextFeatures, sequenceFeatures);
    }
}
