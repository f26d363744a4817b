package org.jflow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code tf} facade as the tests that guard the layers see it, derived from {@link TF} itself
 * rather than listed: TF, the function interfaces it implements, and the namespace objects it holds
 * ({@code tf.math}, {@code tf.config.experimental}, ...) with their interfaces.
 */
public final class FacadeClasses {
    private FacadeClasses() {}

    /** The facade's top-level classes, by binary name ({@code org.jflow.math.MathNamespace}). */
    public static Set<String> names() {
        Set<Class<?>> found = new LinkedHashSet<>();
        add(TF.class, found);
        Set<String> names = new TreeSet<>();
        for (Class<?> c : found) {
            while (c.getEnclosingClass() != null) c = c.getEnclosingClass();
            names.add(c.getName());
        }
        return names;
    }

    private static void add(Class<?> c, Set<Class<?>> found) {
        if (!c.getName().startsWith("org.jflow.") || c == DType.class || !found.add(c)) return;
        for (Class<?> i : c.getInterfaces()) add(i, found);
        for (Field f : c.getFields()) if (!Modifier.isStatic(f.getModifiers())) add(f.getType(), found);
    }
}
