package org.jflow.data.datasets;

import java.nio.file.Path;

/** Where the loaders look by default: {@code ~/.jflow/datasets/<name>} (Keras' {@code ~/.keras/datasets}). */
final class DatasetsFolder {
    private DatasetsFolder() {}

    static Path of(String name) { return Path.of(System.getProperty("user.home"), ".jflow", "datasets", name); }
}
