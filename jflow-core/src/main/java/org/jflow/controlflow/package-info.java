/**
 * Control flow on tensor values: {@code tf.cond}, {@code tf.case_}, {@code tf.whileLoop} and
 * {@code tf.forRange} (AutoGraph's {@code for i in tf.range(n)}), from {@link org.jflow.controlflow.ControlFlowFunctions}.
 *
 * <p>Eagerly they are Java {@code if}s and loops. Inside {@code tf.function}, branches, loop
 * conditions and bodies are traced once into graphs nested in the function's graph (outer tensors
 * they read become captures) and one {@code If}/{@code StatelessIf} or {@code While}/{@code StatelessWhile}
 * node runs them with the executor, so only a taken branch's side effects happen, and a loop
 * body's on every iteration.
 *
 * <p>Gradients: {@code If}'s is another cond on the same predicate that recomputes the taken
 * branch under a tape; {@code While}'s is a {@code WhileGrad} node that reruns the loop under a tape
 * (no second order through loops yet). Both recompute without side effects and reach the variables
 * the branches or the body read through a read of each taken before the op; a branch or body that
 * assigns a variable it also reads is differentiated as if it read the value from before the op.
 * With {@code exclusive}, {@code tf.case_} checks predicates whose values are known only.
 */
package org.jflow.controlflow;
