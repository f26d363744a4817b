package org.jflow.featurecolumn;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Op;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.graph.ConcreteFunction;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jflow-data's registered ops (every family its op-families lists): what the core's RawOpsTest and OpSignatureTest ask of the core's ops (those tests
 * see only the core's classpath), and DenseCrossHashed's values against TF 2.21's {@code sparse.cross_hashed}.
 */
class FeatureColumnOpsTest {
    /** jflow-data's own op-families list: the one resource beside this module's classes. */
    private static List<Class<?>> families() throws IOException, ReflectiveOperationException {
        String here = FeatureColumnOps.class.getProtectionDomain().getCodeSource().getLocation().toString();
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = FeatureColumnOps.class.getClassLoader();
        for (URL list : Collections.list(loader.getResources("META-INF/jflow/op-families"))) {
            if (!list.toString().startsWith(here)) continue;
            try (var in = new BufferedReader(new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
                for (String line : in.lines().map(String::strip).toList()) {
                    if (!line.isEmpty() && !line.startsWith("#")) classes.add(Class.forName(line));
                }
            }
        }
        return classes;
    }

    @Test
    void everyOpOfTheModuleHasASignatureAndARawMethod() throws Exception {
        List<Class<?>> families = families();
        assertTrue(families.contains(FeatureColumnOps.class), families.toString());
        int ops = 0;
        for (Class<?> family : families) {
            for (Field f : family.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !Op.class.isAssignableFrom(f.getType())) continue;
                Op op = (Op) f.get(null);
                ops++;
                assertNotNull(op.signature(), op.name());
                // The raw-method rule of the core (RawOpsTest): the op's name in lowerCamelCase, public and static.
                String method = Character.toLowerCase(op.name().charAt(0)) + op.name().substring(1);
                // raw methods sit in the family class itself or, for the image ops, in RawImage (RGBToHSV: rgbToHsv)
                boolean found = false;
                for (Class<?> holder : List.of(family, org.jflow.image.RawImage.class)) {
                    for (Method m : holder.getDeclaredMethods()) {
                        found |= m.getName().equalsIgnoreCase(method) && Modifier.isPublic(m.getModifiers())
                                && Modifier.isStatic(m.getModifiers());
                    }
                }
                assertTrue(found, op.name() + " has no raw method " + method);
            }
        }
        assertTrue(ops >= 20, "jflow-data registers DenseCrossHashed and the 19 image ops, found " + ops);
    }

    @Test
    void denseCrossHashedIsTfsHashCrosser() {
        Tensor ids = tf.constant(new long[][] {{1, 2}, {3, -1}});
        byte[][] s = {"a".getBytes(), "b".getBytes(), "c".getBytes(), "d".getBytes(), new byte[0], "f".getBytes()};
        Tensor strings = Tensor.wrap(DType.STRING, Shape.of(2, 3), s);
        Tensor out = FeatureColumnOps.denseCrossHashed(List.of(ids, strings), 1000, 99);
        assertEquals("(2, 6)", out.shape().toString());
        assertArrayEquals(Golden.flatten(Golden.load("feature_columns").get("cross_hashed")), out.toDoubleArray());
    }

    @Test
    void denseCrossHashedShapeRuleKeepsUnknownDims() {
        var f = tf.function((Tensor a, Tensor b) -> FeatureColumnOps.denseCrossHashed(List.of(a, b), 7, 1));
        ConcreteFunction known = f.getConcreteFunction(tf.TensorSpec(new int[] {-1, 2}, tf.int64),
                tf.TensorSpec(new int[] {-1, 3}, tf.string));
        assertEquals("(None, 6)", known.outputs().get(0).shape().toString());
        ConcreteFunction unknown = f.getConcreteFunction(tf.TensorSpec(new int[] {4, -1}, tf.int64),
                tf.TensorSpec(new int[] {-1, 3}, tf.string));
        assertEquals("(4, None)", unknown.outputs().get(0).shape().toString());
        InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> FeatureColumnOps.denseCrossHashed(
                List.of(tf.constant(new float[][] {{1}})), 7, 1));
        assertEquals("DenseCrossHashed inputs must be int64 or string, got float32 [Op:DenseCrossHashed]",
                e.getMessage());
        assertFalse(FeatureColumnOps.DENSE_CROSS_HASHED.stateful(), "a pure hash: traced graphs may fold and cache it");
    }
}
