package org.jflow.data;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tutorials' data ({@code ../shared/data} beside the repository: Titanic, COVID-19, cifar2, MNIST),
 * which tests may read and the product never needs. Found by walking up from the module folder; a
 * test that reads it skips (JUnit assumption) on a machine without it.
 */
public final class SharedData {
    /** The data folder, or a path that does not exist when there is none. */
    public static final Path DIR = locate();

    private SharedData() {}

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path data = p.resolve("shared/data");
            if (Files.isDirectory(data)) return data;
        }
        return Path.of("../../shared/data").toAbsolutePath().normalize();
    }

    /** Skips the calling test when the data folder is absent. */
    public static void assume() {
        assumeTrue(Files.isDirectory(DIR), "the tutorials' data folder (../shared/data) is not on this machine");
    }
}
