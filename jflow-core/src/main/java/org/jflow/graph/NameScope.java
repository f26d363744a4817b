package org.jflow.graph;

import org.jflow.engine.Tracer;

import java.util.ArrayList;

/**
 * TF's {@code tf.name_scope(name)}: while open, the names of variables and graph nodes created on
 * this thread start with the scope's path ({@code outer/inner/Variable:0}). As in TF, a scope
 * belongs to the graph that was current when it opened (eager code has its own): a graph being
 * traced meanwhile does not inherit an eager scope. Inside a graph, a scope's name is made unique
 * like a node's ({@code scope}, {@code scope_1}); eagerly it is taken as given.
 */
public final class NameScope implements AutoCloseable {
    private static final ThreadLocal<ArrayList<NameScope>> OPEN = ThreadLocal.withInitial(ArrayList::new);

    /** The graph (or null: eager code) whose names this scope prefixes. */
    private final Tracer owner;
    /** The full path, without the trailing slash: {@code outer/inner}. */
    private final String path;

    private NameScope(Tracer owner, String path) {
        this.owner = owner;
        this.path = path;
    }

    /**
     * Opens {@code name} inside the scope open for the current graph (or eager code). As in TF, a
     * name ending in {@code /} is a full path taken as is, and an empty name returns to the top level.
     */
    public static NameScope enter(String name) {
        if (name == null) throw new org.jflow.errors.TypeError("name for name_scope must be a string.");
        if (name.isEmpty() || name.endsWith("/")) return reenter(name.isEmpty() ? "" : name.substring(0, name.length() - 1));
        Tracer owner = Tracer.Stack.current();
        String path = owner instanceof Graph g ? g.uniqueName(name) : prefix(null) + name;
        return open(owner, path);
    }

    /** Re-opens a full path as it is: how a module re-enters its own scope. */
    public static NameScope reenter(String path) { return open(Tracer.Stack.current(), path); }

    private static NameScope open(Tracer owner, String path) {
        NameScope scope = new NameScope(owner, path);
        OPEN.get().add(scope);
        return scope;
    }

    /** The full path, {@code outer/inner}, without the trailing slash; empty at the top level. */
    public String path() { return path; }

    /** The prefix names created for {@code owner} take: {@code outer/inner/}, or "" outside any scope. */
    public static String prefix(Tracer owner) {
        ArrayList<NameScope> open = OPEN.get();
        for (int i = open.size() - 1; i >= 0; i--) {
            NameScope scope = open.get(i);
            if (scope.owner == owner) return scope.path.isEmpty() ? "" : scope.path + "/";
        }
        return "";
    }

    /**
     * The name of a variable created now: {@code base} in the current scope, and in a TF1 graph
     * also made unique ({@link Graph#variableName}).
     */
    public static String variableName(String base) {
        Tracer current = Tracer.Stack.current();
        return current instanceof Graph g ? g.variableName(base) : prefix(null) + base;
    }

    @Override
    public void close() { OPEN.get().remove(this); }
}
