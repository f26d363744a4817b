package org.jflow.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell fed from a string, as from a pipe: one JShell start for all cases keeps this quick. */
class ShellCommandTest {
    @Test
    void evaluatesSnippetsAndPrintsValuesAsJShellDoes() {
        String script = """
                tf.constant(1)
                var x = tf.constant(new float[] {1, 2});
                System.out.println(tf.add(x,
                        1));
                int n = "s";
                tf.add(x, new float[3])
                String greet(String who) { return "hi " + who; }
                greet("tf")
                tf.keras == org.jflow.keras.Keras.keras
                /exit
                tf.constant(99)
                """;
        CliRun run = CliRun.withInput(script, "shell");
        String out = run.out();
        assertTrue(out.startsWith("$1 ==> tf.Tensor("), out);
        assertTrue(out.contains("shape=(), dtype=int32)\n"), out);
        assertTrue(out.contains("\nx ==> tf.Tensor("), out);
        assertTrue(out.contains("\ntf.Tensor(") && out.contains("shape=(2,), dtype=float32)\n"), out);
        assertTrue(out.contains("|  Error:\n|  incompatible types: java.lang.String cannot be converted to int\n|  int n = \"s\";\n|          ^-^\n"), out);
        assertTrue(out.contains("|  Exception org.jflow.errors.InvalidArgumentError: Incompatible shapes: [2] vs. [3] [Op:AddV2]\n"), out);
        assertTrue(out.contains(" ==> \"hi tf\"\n"), out);
        assertTrue(out.contains(" ==> true\n"), "the shell's tf is the aggregate one, with tf.keras:\n" + out);
        assertTrue(!out.contains("99"), "input after /exit must not run:\n" + out);
        assertEquals(1, run.exitCode(), "a failed snippet fails the script");
    }
}
