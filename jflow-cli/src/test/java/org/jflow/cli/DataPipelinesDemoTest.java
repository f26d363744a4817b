package org.jflow.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 001b G-T1 to G-T14: the tf.data demo prints the tutorial's outputs. */
class DataPipelinesDemoTest {
    @Test
    void transformationsPrintAsInTheTutorial() {
        CliRun run = CliRun.of("demo", "data");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("""
                ## map
                tf.Tensor([b'hello' b'world'], shape=(2,), dtype=string)
                tf.Tensor([b'hello' b'China'], shape=(2,), dtype=string)
                tf.Tensor([b'hello' b'Beijing'], shape=(2,), dtype=string)
                """), out);
        assertTrue(out.contains("""
                ## interleave
                tf.Tensor(b'hello', shape=(), dtype=string)
                tf.Tensor(b'hello', shape=(), dtype=string)
                tf.Tensor(b'hello', shape=(), dtype=string)
                tf.Tensor(b'world', shape=(), dtype=string)
                tf.Tensor(b'China', shape=(), dtype=string)
                tf.Tensor(b'Beijing', shape=(), dtype=string)
                """), out);
        assertTrue(out.contains("""
                ## filter
                tf.Tensor(b'hello China', shape=(), dtype=string)
                tf.Tensor(b'hello Beijing', shape=(), dtype=string)

                ## zip
                0 3 6
                1 4 7
                2 5 8
                """), out);
        assertTrue(out.contains("""
                ## reduce
                <tf.Tensor: shape=(), dtype=float32, numpy=15.0>

                ## batch
                tf.Tensor([0 1 2 3], shape=(4,), dtype=int64)
                tf.Tensor([4 5 6 7], shape=(4,), dtype=int64)
                tf.Tensor([ 8  9 10 11], shape=(4,), dtype=int64)

                ## padded_batch
                tf.Tensor(
                [[1 2 0 0]
                 [3 4 5 0]], shape=(2, 4), dtype=int32)
                tf.Tensor(
                [[6 7 0 0]
                 [8 0 0 0]], shape=(2, 4), dtype=int32)
                """), out);
        assertTrue(out.contains("""
                tf.Tensor([ 8  9 10], shape=(3,), dtype=int64)
                tf.Tensor([ 9 10 11], shape=(3,), dtype=int64)

                ## shuffle (seed 42)
                tf.Tensor(0, shape=(), dtype=int64)
                tf.Tensor(2, shape=(), dtype=int64)
                tf.Tensor(3, shape=(), dtype=int64)
                """), out);
        assertTrue(out.contains("""
                ## shard
                tf.Tensor(1, shape=(), dtype=int64)
                tf.Tensor(4, shape=(), dtype=int64)
                tf.Tensor(7, shape=(), dtype=int64)
                tf.Tensor(10, shape=(), dtype=int64)

                ## take
                [0, 1, 2]
                """), out);
    }
}
