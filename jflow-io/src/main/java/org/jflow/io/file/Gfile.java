package org.jflow.io.file;

import org.jflow.Tuple;
import org.jflow.errors.AlreadyExistsError;
import org.jflow.errors.FailedPreconditionError;
import org.jflow.errors.NotFoundError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code tf.io.gfile}: TF's file system functions on local paths, with TF's errors
 * ({@code NotFoundError: Could not find directory ...}, {@code AlreadyExistsError: file already exists}).
 * Directory listings are sorted, where TF returns the file system's order.
 */
public final class Gfile {
    /** {@code exists(path)}. */
    public boolean exists(String path) { return Files.exists(Path.of(path)); }

    /** {@code isdir(path)}. */
    public boolean isdir(String path) { return Files.isDirectory(Path.of(path)); }

    /** {@code glob(pattern)}: the sorted matches. */
    public List<String> glob(String pattern) { return Glob.match(pattern); }

    /** {@code listdir(path)}: the names in a directory, sorted. */
    public List<String> listdir(String path) {
        Path dir = Path.of(path);
        if (!Files.isDirectory(dir)) throw new NotFoundError("Could not find directory " + path);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code makedirs(path)}: the directory and its missing parents; an existing one is fine. */
    public void makedirs(String path) {
        if (Files.exists(Path.of(path)) && !Files.isDirectory(Path.of(path))) {
            throw new FailedPreconditionError(path + " is not a directory");
        }
        io(path, () -> Files.createDirectories(Path.of(path)));
    }

    /** {@code mkdir(path)}: one directory, whose parent must exist; an existing one is fine, as in TF. */
    public void mkdir(String path) {
        if (!Files.isDirectory(Path.of(path))) io(path, () -> Files.createDirectory(Path.of(path)));
    }

    /** {@code remove(path)}: one file. */
    public void remove(String path) { io(path, () -> Files.delete(Path.of(path))); }

    /** {@code rmtree(path)}: a directory and everything under it. */
    public void rmtree(String path) {
        Path root = Path.of(path);
        if (!Files.exists(root)) throw new NotFoundError(path + " not found");
        io(path, () -> {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        });
    }

    /** {@code copy(src, dst, overwrite=False)}. */
    public void copy(String src, String dst, boolean overwrite) {
        io(src, () -> {
            if (overwrite) Files.copy(Path.of(src), Path.of(dst), StandardCopyOption.REPLACE_EXISTING);
            else Files.copy(Path.of(src), Path.of(dst));
        });
    }

    /** {@code rename(src, dst, overwrite=False)}. */
    public void rename(String src, String dst, boolean overwrite) {
        if (!overwrite && Files.exists(Path.of(dst))) throw new AlreadyExistsError("file already exists");
        io(src, () -> Files.move(Path.of(src), Path.of(dst), StandardCopyOption.REPLACE_EXISTING));
    }

    /** A file system action on {@code path}. */
    private interface IoAction {
        void run() throws IOException;
    }

    /** Runs {@code action} with TF's errors: NotFoundError naming {@code path}, AlreadyExistsError for an existing target. */
    private static void io(String path, IoAction action) {
        try {
            action.run();
        } catch (NoSuchFileException e) {
            throw new NotFoundError(path + "; No such file or directory");
        } catch (FileAlreadyExistsException e) {
            throw new AlreadyExistsError("file already exists");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code walk(top)}: (dirpath, dirnames, filenames) for each directory, top down, names sorted. */
    public List<Tuple<Object>> walk(String top) {
        List<Tuple<Object>> out = new ArrayList<>();
        if (Files.isDirectory(Path.of(top))) walk(Path.of(top), top, out);
        return out;
    }

    private void walk(Path dir, String name, List<Tuple<Object>> out) {
        List<String> dirs = new ArrayList<>(), files = new ArrayList<>();
        for (String child : listdir(name)) (Files.isDirectory(dir.resolve(child)) ? dirs : files).add(child);
        out.add(Tuple.of(name, dirs, files));
        for (String d : dirs) walk(dir.resolve(d), name.endsWith("/") ? name + d : name + "/" + d, out);
    }
}
