package org.jflow.io;

import org.jflow.errors.OpError;
import org.jflow.errors.TypeError;
import org.jflow.graph.Graph;
import org.jflow.graph.Program;
import org.jflow.io.proto.GraphDef;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * {@code tf.io} as far as this module has it: {@code tf.io.write_graph}. The aggregate {@code tf}
 * of {@code jflow-tensorflow} holds one as {@code tf.io}; code that depends on this module only can
 * make its own ({@code new IoNamespace()}), since the core's {@code tf} cannot see modules above it.
 */
public final class IoNamespace {
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
}
