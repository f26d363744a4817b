package org.jflow.data;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Convert;
import org.jflow.errors.InvalidArgumentError;

import java.util.List;
import java.util.TreeSet;

/**
 * {@code Dataset.list_files}: the file names matching glob patterns ({@link org.jflow.io.file.Glob},
 * TF's {@code MatchingFiles}), sorted, then shuffled unless {@code shuffle} is false. No match is TF's InvalidArgumentError.
 */
final class ListFiles {
    private ListFiles() {}

    static Dataset<Tensor> of(List<String> patterns, boolean shuffle, Long seed) {
        TreeSet<String> names = new TreeSet<>();
        for (String p : patterns) names.addAll(org.jflow.io.file.Glob.match(p));
        if (names.isEmpty()) {
            throw new InvalidArgumentError("Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
                    + "b'No files matched pattern: " + String.join(",", patterns) + "'");
        }
        Tensor files = Convert.toTensor(names.toArray(new String[0]), DType.STRING);
        Dataset<Tensor> ds = Dataset.fromTensorSlices(files);
        return shuffle ? ds.shuffle(names.size(), seed, true) : ds;
    }
}
