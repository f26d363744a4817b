package org.jflow.conformance;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** JFlow's gradients against TensorFlow's: see {@link GradientConformance}; the report lands in target/gradient-conformance-report.md. */
class GradientConformanceTest {
    @Test
    void gradientsMatchTensorFlow() throws Exception {
        KnownDifferences known = KnownDifferences.load("/gradient-known-differences.txt");
        GradientConformance.Results results = GradientConformance.run(known);
        GradientReport.write(results, Path.of("target", "gradient-conformance-report.md"));
        System.out.println(GradientReport.summary(results));
        System.out.println("Ops without TF gradient: " + String.join(", ", results.noTfGradient()));
        System.out.println("Differentiable ops without a smooth float case: " + String.join(", ", results.noCases()));

        List<String> problems = new ArrayList<>(results.mismatches());
        known.stale().forEach(e -> problems.add("stale known difference (matches no case): " + e));
        assertTrue(problems.isEmpty(), problems.size() + " gradient conformance problems (see target/gradient-conformance-report.md):\n"
                + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    }
}
