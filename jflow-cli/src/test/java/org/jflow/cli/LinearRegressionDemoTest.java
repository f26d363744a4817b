package org.jflow.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 001a 4.5: the printed lines have the tutorial's form (its numbers come from TF's own random data)
 * and training recovers w = [[2], [-3]] and b = 3, as the tutorial's w=[[1.977], [-2.984]], b=3.010.
 */
class LinearRegressionDemoTest {
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?(?:e[-+]\\d+)?)";

    @Test
    void printsEveryFiftyEpochsAndRecoversTheLine() {
        CliRun run = CliRun.of("demo", "linear-regression");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();

        assertTrue(out.contains("], shape=(8, 2), dtype=float32)\n"), out);
        assertTrue(out.contains("], shape=(8, 1), dtype=float32)\n"), out);
        assertTrue(Pattern.compile("\n<tf.Tensor: shape=\\(\\), dtype=float32, numpy=" + NUMBER + ">\n").matcher(out).find(), out);

        Matcher epochs = Pattern.compile("(?m)^={80}\\d\\d:\\d\\d:\\d\\d\nepoch = (\\d+) loss =  " + NUMBER
                + "\nw = \\[\\[" + NUMBER + "]\n \\[" + NUMBER + "]]\nb = \\[\\[" + NUMBER + "]]$").matcher(out);
        List<MatchResult> printed = epochs.results().toList();
        // 200 epochs eagerly, then 200 more with the step as a tf.function (the tutorial's Autograph part)
        assertEquals(List.of("50", "100", "150", "200", "50", "100", "150", "200"), printed.stream().map(m -> m.group(1)).toList(), out);
        assertTrue(out.contains("\n## Autograph\n"), out);

        MatchResult last = printed.getLast();
        assertEquals(2.0, Double.parseDouble(last.group(3)), 0.05, out);
        assertEquals(-3.0, Double.parseDouble(last.group(4)), 0.05, out);
        assertEquals(3.0, Double.parseDouble(last.group(5)), 0.3, out);
        assertTrue(Double.parseDouble(last.group(2)) < 5, out); // half the squared noise (sigma 2) is 2 on average
    }
}
