package org.jflow.conformance;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** JFlow's registered ops against TensorFlow's: see {@link Conformance}; the report lands in target/conformance-report.md. */
class RegistryConformanceTest {
    @Test
    void registeredOpsMatchTensorFlow() throws Exception {
        KnownDifferences known = KnownDifferences.load("/known-differences.txt");
        Conformance.Results results = Conformance.run(known);
        Report.write(results, Path.of("target", "conformance-report.md"));
        System.out.println(Report.summary(results));
        System.out.println("Ops not covered yet: " + String.join(", ", results.uncovered()));

        List<String> problems = new ArrayList<>(results.mismatches());
        known.stale().forEach(e -> problems.add("stale known difference (matches no case): " + e));
        assertTrue(problems.isEmpty(), problems.size() + " conformance problems (see target/conformance-report.md):\n"
                + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    }
}
