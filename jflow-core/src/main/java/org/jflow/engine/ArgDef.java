package org.jflow.engine;

/**
 * One input or output of an op's signature, as TF's {@code OpDef.ArgDef}: its name and what TF writes for its
 * type ({@code T}, {@code int32}, {@code N * T}); a list ({@code N * T}, or a list of types) stands for any number
 * of tensors, and an optional input ({@code weights?}), which JFlow's op may be called without, for zero or one.
 */
public record ArgDef(String name, String type, boolean list, boolean optional) {
    @Override
    public String toString() { return type.isEmpty() ? name : name + ":" + type; }
}
