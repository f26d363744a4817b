package org.jflow.engine;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every op declared anywhere in the core is reachable from {@link OpRegistry#all()}: the gradient
 * check, the conformance run and the GraphDef importer all start there, so an op in a family the
 * registry does not list would silently leave them.
 */
class OpRegistryTest {
    @Test
    void everyStaticOpFieldOfEveryCoreClassIsRegistered() throws Exception {
        Path classes = Path.of(OpRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // A fresh class loader: only what OpRegistry.all() itself loads is registered when it answers.
        // The whole class path (the core's dependencies, such as RE2/J, too), loaded anew.
        URL[] classPath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (URLClassLoader fresh = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> registry = fresh.loadClass(OpRegistry.class.getName()), opType = fresh.loadClass(Op.class.getName());
            Collection<?> all = (Collection<?>) registry.getMethod("all").invoke(null);
            Set<Object> registered = Collections.newSetFromMap(new IdentityHashMap<>());
            registered.addAll(all);
            Method name = opType.getMethod("name");
            List<String> unreachable = new ArrayList<>();
            int fields = 0;
            for (String className : classNames(classes)) {
                Class<?> c = Class.forName(className, false, fresh);
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) || !opType.isAssignableFrom(f.getType())) continue;
                    f.setAccessible(true);
                    Object op = f.get(null); // initializes the class: its ops register now, too late for all()
                    fields++;
                    if (op != null && !registered.contains(op)) {
                        unreachable.add(className + "." + f.getName() + " (" + name.invoke(op) + ")");
                    }
                }
            }
            assertTrue(fields > registered.size() / 2, "the scan found " + fields + " op fields");
            assertEquals(List.of(), unreachable, "ops declared in classes missing from " + OpRegistry.FAMILIES);
        }
    }

    private static List<String> classNames(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root.resolve("org/jflow"))) {
            return files.map(p -> root.relativize(p).toString()).filter(p -> p.endsWith(".class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
    }
}
