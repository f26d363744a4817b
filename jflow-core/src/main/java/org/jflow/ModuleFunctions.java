package org.jflow;

import org.jflow.graph.NameScope;

/** {@code tf.Module} and {@code tf.name_scope}, part of the {@link TF} facade. */
public interface ModuleFunctions {
    /** {@code tf.Module()}: a module named {@code module}, to which variables are attached with {@link Module#track}. */
    default Module Module() { return new Module(); }

    /** {@code tf.Module(name=...)}. */
    default Module Module(String name) { return new Module(name); }

    /**
     * {@code with tf.name_scope(name):} as try-with-resources: variables and graph nodes created
     * inside are named {@code name/...}.
     */
    default NameScope nameScope(String name) { return NameScope.enter(name); }
}
