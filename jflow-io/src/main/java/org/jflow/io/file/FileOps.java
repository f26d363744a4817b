package org.jflow.io.file;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Attrs;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.errors.NotFoundError;
import org.jflow.errors.ResourceExhaustedError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * TF's {@code ReadFile} and {@code WriteFile} ops ({@code tf.io.read_file}, {@code tf.io.write_file}),
 * so a {@code Dataset.map} that reads each path traces as TF's does. A missing file is TF's
 * NotFoundError; a write goes to a temporary file in the target folder and is renamed into place, so
 * no reader ever sees half a file. The raw methods sit beside the ops ({@link #readFile}, {@link #writeFile}).
 */
public final class FileOps {
    private FileOps() {}

    public static final Op READ_FILE = new Op("ReadFile", Signature.of("filename: string -> contents: string")) {
        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            requireScalarString("ReadFile", 0, inputs[0], "filename");
            return new TensorSpec[] {new TensorSpec(DType.STRING, Shape.scalar())};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            String name = text(inputs[0]);
            Path path = Path.of(name);
            try {
                if (Files.isDirectory(path)) throw new org.jflow.errors.FailedPreconditionError(name + "; Is a directory");
                long size = Files.size(path);
                if (size > Integer.MAX_VALUE - 8) {
                    throw new ResourceExhaustedError("File " + name + " is too large to read into a string: " + size + " bytes");
                }
                return new Tensor[] {org.jflow.raw.Raw.scalarString(Files.readAllBytes(path))};
            } catch (NoSuchFileException e) {
                throw new NotFoundError(name + "; No such file or directory");
            } catch (AccessDeniedException e) {
                throw new org.jflow.errors.PermissionDeniedError(name + "; Permission denied");
            } catch (IOException e) {
                throw new InvalidArgumentError(name + "; " + e.getMessage());
            }
        }
    }.notDifferentiable();

    public static final Op WRITE_FILE = new Op("WriteFile", Signature.of("filename: string, contents: string -> ")) {
        @Override
        public boolean stateful() { return true; }

        @Override
        public TensorSpec[] infer(Tensor[] inputs, Attrs attrs) {
            requireScalarString("WriteFile", 0, inputs[0], "filename");
            requireScalarString("WriteFile", 1, inputs[1], "contents");
            return new TensorSpec[0];
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, Attrs attrs, TensorSpec[] outputs) {
            String name = text(inputs[0]);
            Path path = Path.of(name).toAbsolutePath();
            try {
                Files.createDirectories(path.getParent()); // TF's WriteFile creates the folder, as RecursivelyCreateDir
                Path temp = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
                try {
                    Files.write(temp, ((byte[][]) inputs[1].data())[0]);
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (AccessDeniedException e) {
                throw new org.jflow.errors.PermissionDeniedError(name + "; Permission denied");
            } catch (IOException e) {
                throw new InvalidArgumentError(name + "; " + e.getMessage());
            }
            return new Tensor[0];
        }
    }.notDifferentiable();

    /** {@code gen_io_ops.read_file}: the whole file as a scalar string. */
    public static Tensor readFile(Tensor filename) { return Dispatcher.execute1(READ_FILE, Attrs.EMPTY, filename); }

    /** {@code gen_io_ops.write_file}: writes {@code contents} to the file, replacing it. */
    public static void writeFile(Tensor filename, Tensor contents) { Dispatcher.execute(WRITE_FILE, Attrs.EMPTY, filename, contents); }

    /** TF's dtype check, then its kernel's rank check ({@code Input filename tensor must be scalar, ...}). */
    private static void requireScalarString(String op, int index, Tensor t, String what) {
        if (t.dtype() != DType.STRING) {
            throw new InvalidArgumentError("cannot compute " + op + " as input #" + index + "(zero-based) was expected to be a "
                    + "string tensor but is a " + t.dtype().tfName() + " tensor");
        }
        if (t.shape().hasRank() && t.shape().rank() != 0) {
            throw new InvalidArgumentError("Input " + what + " tensor must be scalar, but had shape: " + t.shape().toErrorString());
        }
    }

    private static String text(Tensor t) { return new String(((byte[][]) t.data())[0], StandardCharsets.UTF_8); }
}
