package org.jflow.engine;

import org.jflow.Complex;
import org.jflow.DType;
import org.jflow.FacadeClasses;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core reads bottom up: the values (Tensor, TensorLike, Shape, DType, Complex) and the engine,
 * device and errors packages name only each other, never a class above them: not
 * {@code Variable} (the engine knows a {@link VariableHandle}), not the graph package (a symbolic
 * tensor knows its producer as an {@link Operation}), not the printer (tensors print through
 * {@link TensorPrinter}), not the {@code tf} facade, the families or the raw ops (the registry finds
 * op families through a resource list). Checked on the compiled classes: every class name, field
 * and method descriptor in their constant pools against the layer ({@link #PACKAGES},
 * {@link #CLASSES}), plus the few upward names {@link #UPWARD} lists with why.
 */
class EngineLayerTest {
    /** The packages of the engine layer. */
    private static final List<String> PACKAGES = List.of("org/jflow/engine", "org/jflow/device", "org/jflow/errors");

    /**
     * The layer's classes outside those packages: the values, and TF's device names and
     * {@code tf.device} scope, which placement reads (in {@code org.jflow.config}, where
     * {@code tf.DeviceSpec} and {@code tf.device} are, and naming only the device and errors packages).
     */
    private static final List<String> CLASSES = List.of("org/jflow/Tensor", "org/jflow/TensorLike", "org/jflow/Shape",
            "org/jflow/DType", "org/jflow/Complex", "org/jflow/config/DeviceSpec", "org/jflow/config/DeviceScope");

    /** Names from above the layer that one of its classes may use, with why. */
    private static final Map<String, Set<String>> UPWARD = Map.of(
            // Python's operators on tf.Tensor (x.add(y), x.get(0)) call the raw ops; TF's math_ops installs them on
            // the Tensor class the same way (Tensor.__add__). TensorLike, what the engine takes, carries none.
            "org/jflow/Tensor", Set.of("org/jflow/math/MathOperators", "org/jflow/array/IndexOperators",
                    // the sealed Tensor-or-RaggedTensor type TF's ragged-aware functions return
                    "org/jflow/RaggedOrDense"));

    @Test
    void engineLayerNamesOnlyItselfAndTheListedUpwardNames() throws Exception {
        Path classes = classes();
        List<String> violations = new ArrayList<>();
        List<Path> files = engineLayerClassFiles(classes);
        for (Path file : files) violations.addAll(upwardNames(classes, file));
        assertTrue(files.size() > 40, "only " + files.size() + " engine-layer classes found under " + classes);
        assertEquals(List.of(), violations);
    }

    /** The check above fails where it should: Variable (above the engine) names the graph package, the facade's families... */
    @Test
    void theLayerCheckFlagsAClassAboveTheEngine() throws Exception {
        Path classes = classes();
        List<String> flagged = upwardNames(classes, classes.resolve("org/jflow/Variable.class"));
        assertTrue(flagged.contains("org/jflow/Variable -> org/jflow/graph/GraphOps"), flagged::toString);
        assertTrue(flagged.contains("org/jflow/Variable -> org/jflow/math/MathOperators"), flagged::toString);
    }

    @Test
    void facadeSetHoldsTfItsFunctionInterfacesAndNamespaces() {
        Set<String> facade = facadeInternalNames();
        assertTrue(facade.contains("org/jflow/TF"), facade::toString);
        assertTrue(facade.contains("org/jflow/math/ElementwiseFunctions"), facade::toString);
        assertTrue(facade.contains("org/jflow/math/MathNamespace"), facade::toString);
        assertTrue(facade.contains("org/jflow/nn/NN"), facade::toString);
    }

    @Test
    void tensorsPrintAndReadBackThroughTheEngineInterfaces() {
        Tensor t = Tensor.wrap(DType.FLOAT32, Shape.of(2, 2), new float[] {1, 2, 3, 4});
        assertEquals("tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)", t.toString());
        assertEquals("[[1. 2.]\n [3. 4.]]", t.numpyString());
        assertEquals(4f, ((float[][]) t.numpy())[1][1]);
        assertEquals("(1+2j)", new Complex(1, 2).toString());
    }

    private static Set<String> facadeInternalNames() {
        Set<String> names = new TreeSet<>();
        for (String n : FacadeClasses.names()) names.add(n.replace('.', '/'));
        return names;
    }

    private static Path classes() throws Exception {
        return Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The class's internal name, a nested class's its top-level class's: {@code org/jflow/Tensor}. */
    private static String self(Path classes, Path file) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '/').replace(".class", "");
        return name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
    }

    private static boolean inLayer(String name) {
        return CLASSES.contains(name) || PACKAGES.contains(name.substring(0, name.lastIndexOf('/')));
    }

    /** {@code "self -> name"} for every org.jflow name the class file uses that is neither in the layer nor listed for it. */
    private static List<String> upwardNames(Path classes, Path file) throws Exception {
        String self = self(classes, file);
        List<String> found = new ArrayList<>();
        for (String ref : referencedNames(Files.readAllBytes(file))) {
            if (!inLayer(ref) && !UPWARD.getOrDefault(self, Set.of()).contains(ref)) found.add(self + " -> " + ref);
        }
        return found;
    }

    /** Class files of the layer's packages and classes (nested classes too). */
    private static List<Path> engineLayerClassFiles(Path classes) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> s = Files.list(classes.resolve(pkg))) {
                s.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
            }
        }
        for (String c : CLASSES) {
            Path dir = classes.resolve(c).getParent();
            String name = c.substring(c.lastIndexOf('/') + 1);
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> {
                    String f = p.getFileName().toString();
                    return f.equals(name + ".class") || f.startsWith(name + "$");
                }).forEach(files::add);
            }
        }
        return files;
    }

    /** Internal names of every class a class file mentions: class entries and the types inside descriptors. */
    private static Set<String> referencedNames(byte[] bytes) {
        Set<String> names = new TreeSet<>();
        for (PoolEntry e : ClassFile.of().parse(bytes).constantPool()) {
            if (!(e instanceof Utf8Entry u)) continue;
            String s = u.stringValue();
            int i = s.indexOf("org/jflow/");
            while (i >= 0) {
                int end = i;
                while (end < s.length() && (Character.isJavaIdentifierPart(s.charAt(end)) || s.charAt(end) == '/')) end++;
                String name = s.substring(i, end);
                names.add(name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
                i = s.indexOf("org/jflow/", end);
            }
        }
        return names;
    }
}
