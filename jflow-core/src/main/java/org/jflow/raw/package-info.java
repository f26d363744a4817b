/**
 * The raw-op layer, TF's {@code tf.raw_ops} / {@code gen_*_ops} (PyTorch's {@code at::}): one
 * static typed method per registered op, named as the TF op in lowerCamelCase ({@code AddV2} is
 * {@link org.jflow.raw.RawMath#addV2}, {@code Conv2D} is {@link org.jflow.raw.RawNn#conv2D}; a Java
 * keyword gets a trailing underscore: {@code If} is {@code if_}), grouped by TF's gen modules.
 * Parameters are the op's tensor inputs in TF's order, then its attributes, typed. No Python
 * semantics: no literal conversion, no implicit casts; constants come from {@link org.jflow.raw.Raw#scalar}
 * with an explicit dtype. Gradients, composites and every internal caller use this layer; the
 * {@code tf} facade (Python semantics) sits on top. The classes look ops up by name in the
 * {@link org.jflow.engine.OpRegistry}, so they depend on the engine only, never on op families.
 */
package org.jflow.raw;
