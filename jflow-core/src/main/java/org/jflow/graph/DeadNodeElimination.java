package org.jflow.graph;

/**
 * Drops the nodes that neither the program's outputs nor any stateful node need (TF grappler's
 * pruning): what other passes leave behind when they bypass a node.
 */
public final class DeadNodeElimination implements GraphPass {
    @Override
    public Program apply(Program program) {
        boolean[] needed = Pruning.needed(program.graph(), program.outputs(), program.inputs(), true);
        return NodeRewrites.apply(program, (r, n) -> !needed[n.id()]);
    }
}
