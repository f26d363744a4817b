package org.jflow.graph;

/** One graph optimization: a program in, an equivalent (same outputs, same side effects in the same order) program out. */
@FunctionalInterface
public interface GraphPass {
    Program apply(Program program);
}
