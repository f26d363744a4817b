package org.jflow.config;

import org.jflow.engine.Parallel;
import org.jflow.errors.RuntimeError;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** tf.config.threading with TF's rules: settable until the pool starts, then only to the same value. */
class ThreadingTest {
    /** Run in a fresh JVM: sets the pool to 2 threads and inter-op to -1 before any op, then prints what it sees. */
    public static void main(String[] args) {
        var threading = tf.config.threading;
        threading.setIntraOpParallelismThreads(-1);
        threading.setIntraOpParallelismThreads(2);
        threading.setInterOpParallelismThreads(-3);
        System.out.println(threading.getIntraOpParallelismThreads() + " " + threading.getInterOpParallelismThreads());
        tf.reduceSum(tf.ones(1 << 20)); // starts the pool
        System.out.println(Parallel.threads() + " " + Parallel.interOpThreads());
        try {
            threading.setIntraOpParallelismThreads(3);
        } catch (RuntimeError e) {
            System.out.println(e.getMessage());
        }
    }

    @Test
    void settingsApplyBeforeThePoolStarts() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classPath = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", classPath,
                ThreadingTest.class.getName()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(List.of("2 -3", "2 1", "Intra op parallelism cannot be modified after initialization."),
                out.lines().toList());
    }

    @Test
    void afterStartOnlyTheCurrentValueIsAccepted() {
        tf.reduceSum(tf.ones(1 << 20));
        Parallel.threads(); // the pool has started
        var threading = tf.config.threading;
        int intra = threading.getIntraOpParallelismThreads(), inter = threading.getInterOpParallelismThreads();
        threading.setIntraOpParallelismThreads(intra);
        threading.setInterOpParallelismThreads(inter);
        var e = assertThrows(RuntimeError.class, () -> threading.setIntraOpParallelismThreads(intra + 5));
        assertEquals("Intra op parallelism cannot be modified after initialization.", e.getMessage());
        e = assertThrows(RuntimeError.class, () -> threading.setInterOpParallelismThreads(inter + 5));
        assertEquals("Inter op parallelism cannot be modified after initialization.", e.getMessage());
    }
}
