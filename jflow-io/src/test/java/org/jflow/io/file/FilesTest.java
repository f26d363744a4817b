package org.jflow.io.file;

import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.Tuple;
import org.jflow.errors.AlreadyExistsError;
import org.jflow.io.IoNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tf.io.read_file/write_file (ops) and tf.io.gfile, with TF 2.21's errors ({@code golden/files.py}). */
class FilesTest {
    private static final IoNamespace IO = new IoNamespace();
    private static final Golden GOLDEN = Golden.load("files");

    private static void check(String name, Executable action) {
        Map<String, Object> expected = GOLDEN.map(name);
        Throwable e = assertThrows(Throwable.class, action, name);
        assertEquals(expected.get("class"), e.getClass().getSimpleName(), name + ": " + e);
        assertEquals(expected.get("message"), e.getMessage().split("\n")[0].split(" \\[Op:")[0], name);
    }

    @Test
    void writeThenReadKeepsEveryByteAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        byte[] bytes = {0, (byte) 0xff, 'a', 'b', 'c'};
        String path = dir.resolve("x/y/f.bin").toString();
        IO.writeFile(path, bytes);
        assertArrayEquals(bytes, ((byte[][]) IO.readFile(path).data())[0]);
        assertEquals("tf.Tensor(b'\\x00\\xffabc', shape=(), dtype=string)", IO.readFile(path).toString());
        IO.writeFile(path, "replaced");
        assertEquals("replaced", Files.readString(Path.of(path)));
        assertEquals(List.of("f.bin"), IO.gfile.listdir(dir.resolve("x/y").toString()), "no temporary file is left behind");
    }

    @Test
    void readFileIsAnOpThatTraces(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "alpha");
        Files.writeString(dir.resolve("b.txt"), "beta");
        var f = tf.function((Tensor name) -> tf.strings.length(FileOps.readFile(name)));
        assertEquals(5, ((Number) f.call(tf.constant(dir.resolve("a.txt").toString())).numpy()).intValue());
        assertEquals(4, ((Number) f.call(tf.constant(dir.resolve("b.txt").toString())).numpy()).intValue());
        assertEquals(1, f.tracingCount());
    }

    @Test
    void errorsAreTfs() {
        check("read_missing", () -> IO.readFile("/nonexistent-jflow/a.txt"));
        check("read_vector", () -> IO.readFile(tf.constant(new String[] {"a", "b"})));
        check("read_int", () -> FileOps.readFile(tf.constant(1)));
        check("read_directory", () -> IO.readFile("/tmp"));
        check("listdir_missing", () -> IO.gfile.listdir("/nonexistent-jflow"));
        check("mkdir_missing_parent", () -> IO.gfile.mkdir("/nonexistent-jflow/a/b"));
        check("remove_missing", () -> IO.gfile.remove("/nonexistent-jflow/zz"));
        check("copy_missing", () -> IO.gfile.copy("/nonexistent-jflow/zz", "/tmp/jflow-never", false));
        check("rmtree_missing", () -> IO.gfile.rmtree("/nonexistent-jflow/zz"));
        check("makedirs_over_a_file", () -> IO.gfile.makedirs("/bin/sh"));
        assertEquals(null, GOLDEN.cases().get("mkdir_existing"), "TF's mkdir of an existing folder succeeds");
        IO.gfile.mkdir("/tmp");
    }

    @Test
    void gfileManagesFolders(@TempDir Path dir) throws Exception {
        Gfile g = IO.gfile;
        String root = dir.toString();
        g.makedirs(root + "/x/y");
        Files.writeString(dir.resolve("x/y/f.bin"), "1");
        Files.writeString(dir.resolve("x/g.txt"), "2");
        assertTrue(g.exists(root + "/x/y/f.bin"));
        assertTrue(g.isdir(root + "/x"));
        assertEquals(List.of(root + "/x/y/f.bin"), g.glob(root + "/x/*/*.bin"));
        assertEquals(List.of(Tuple.of(root, List.of("x"), List.of()), Tuple.of(root + "/x", List.of("y"), List.of("g.txt")),
                Tuple.of(root + "/x/y", List.of(), List.of("f.bin"))), g.walk(root));
        g.copy(root + "/x/g.txt", root + "/x/h.txt", false);
        assertThrows(AlreadyExistsError.class, () -> g.copy(root + "/x/g.txt", root + "/x/h.txt", false));
        assertThrows(AlreadyExistsError.class, () -> g.rename(root + "/x/g.txt", root + "/x/h.txt", false));
        g.rename(root + "/x/g.txt", root + "/x/h.txt", true);
        assertFalse(g.exists(root + "/x/g.txt"));
        g.rmtree(root + "/x");
        assertEquals(List.of(), g.listdir(root));
    }
}
