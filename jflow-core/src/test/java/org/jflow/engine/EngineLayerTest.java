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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core reads bottom up: Tensor, Shape, DType, Complex and the engine, device and errors
 * packages name nothing of the graph package, the printer (format) or the {@code tf} facade. A
 * symbolic tensor knows its producer as an {@link Operation}, prints through {@link TensorPrinter},
 * and the registry finds op families through a resource list. Checked on the compiled classes:
 * every class name, field and method descriptor in their constant pools.
 */
class EngineLayerTest {
    private static final List<String> FORBIDDEN_PACKAGES = List.of("org/jflow/graph/", "org/jflow/format/");

    @Test
    void engineLayerNamesNoGraphPrinterOrFacadeClass() throws Exception {
        Path classes = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> facade = facadeInternalNames();
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Path file : engineLayerClassFiles(classes)) {
            checked++;
            String self = classes.relativize(file).toString().replace(".class", "");
            for (String ref : referencedNames(Files.readAllBytes(file))) {
                boolean forbidden = FORBIDDEN_PACKAGES.stream().anyMatch(ref::startsWith) || facade.contains(ref);
                if (forbidden) violations.add(self + " -> " + ref);
            }
        }
        assertTrue(checked > 40, "only " + checked + " engine-layer classes found under " + classes);
        assertEquals(List.of(), violations);
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

    /** Class files of Tensor, Shape, DType, Complex (nested classes too) and of the engine, device and errors packages. */
    private static List<Path> engineLayerClassFiles(Path classes) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String pkg : List.of("org/jflow/engine", "org/jflow/device", "org/jflow/errors")) {
            try (Stream<Path> s = Files.list(classes.resolve(pkg))) {
                s.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
            }
        }
        for (Class<?> c : List.of(Tensor.class, Shape.class, DType.class, Complex.class)) {
            try (Stream<Path> s = Files.list(classes.resolve("org/jflow"))) {
                String name = c.getSimpleName();
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
