package org.jflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Every op JFlow has, by TF name; the families {@link #FAMILIES} lists are loaded so that {@link #all()} is complete. */
public final class OpRegistry {
    /**
     * The resource that names the classes whose static fields declare ops, one class a line: every
     * jar on the class path may have one (the core's lists its own families), so a module above the
     * core registers its ops as TF's op libraries do, and the engine names no op family itself.
     * {@code OpRegistryTest} fails for an op declared in a class missing from the core's list.
     */
    static final String FAMILIES = "META-INF/jflow/op-families";

    /**
     * The ops by name. Not guarded by a lock that loading a family takes, so two threads initializing
     * families at once (one through an op call, one through {@link #all()}) cannot deadlock.
     */
    private static final Map<String, Op> OPS = new ConcurrentSkipListMap<>();
    private static volatile boolean loaded;

    private OpRegistry() {}

    static void register(Op op) {
        Op previous = OPS.putIfAbsent(op.name(), op);
        if (previous != null && previous != op) {
            throw new IllegalStateException("Op " + op.name() + " is declared twice");
        }
    }

    private static void loadFamilies() {
        if (loaded) return;
        ClassLoader loader = OpRegistry.class.getClassLoader();
        try {
            for (URL list : Collections.list(loader.getResources(FAMILIES))) {
                for (String family : familyNames(list)) {
                    Class.forName(family, true, loader); // runs its static initializer once
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Op families could not be loaded: " + e, e);
        }
        loaded = true;
    }

    private static List<String> familyNames(URL list) throws IOException {
        try (InputStream in = list.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    /** The op with TF name {@code name}, or null. */
    public static Op get(String name) {
        loadFamilies();
        return OPS.get(name);
    }

    /** All ops, sorted by name. */
    public static Collection<Op> all() {
        loadFamilies();
        return Collections.unmodifiableCollection(OPS.values());
    }
}
