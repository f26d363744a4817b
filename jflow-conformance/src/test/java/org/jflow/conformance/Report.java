package org.jflow.conformance;

import org.jflow.opinfo.OpInfos;

import org.tensorflow.TensorFlow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The markdown report of a run, and its one-line summary. */
final class Report {
    private Report() {}

    static String summary(Conformance.Results r) {
        return "Conformance with TensorFlow " + TensorFlow.version() + ": " + r.byOp().size() + " ops covered, " + r.cases() + " cases, "
                + r.count(Conformance.Verdict.MISMATCH) + " mismatches, " + r.count(Conformance.Verdict.KNOWN) + " known differences, "
                + r.noTfCounterpart().size() + " ops without TF counterpart, " + r.notCompared().size() + " not comparable (plumbing), "
                + r.uncovered().size() + " ops not covered yet";
    }

    static void write(Conformance.Results r, Path file) throws IOException {
        StringBuilder md = new StringBuilder("# JFlow op conformance with TensorFlow\n\n").append(summary(r)).append(".\n\n");
        md.append("Each covered op runs its generated cases in JFlow and in TF's op of the same name (TF-Java, CPU); ")
                .append("results must match in dtype and shape, bit-exactly for integers, bools and strings, within the op's ulps for floats, ")
                .append("and where one side rejects a call the other must reject it too. ")
                .append("Decompositions are compared by their invariants (InvariantChecks), stateful random ops by sample statistics (SampleStatistics).\n\n")
                .append("Gradients against TF's: gradient-conformance-report.md, next to this file (GradientConformanceTest).\n\n");
        md.append("## Covered ops\n\n| op | cases | pass | known | mismatch |\n|---|---|---|---|---|\n");
        r.byOp().forEach((op, outcomes) -> md.append("| ").append(op).append(" | ").append(outcomes.size())
                .append(" | ").append(count(outcomes, Conformance.Verdict.PASS))
                .append(" | ").append(count(outcomes, Conformance.Verdict.KNOWN))
                .append(" | ").append(count(outcomes, Conformance.Verdict.MISMATCH)).append(" |\n"));
        md.append("\n## Mismatches\n\n");
        List<String> mismatches = r.mismatches();
        if (mismatches.isEmpty()) md.append("None.\n");
        mismatches.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("\n## Known differences (src/test/resources/known-differences.txt)\n\n")
                .append("Each entry with the cases it accepted and the first of them.\n\n");
        Map<KnownDifferences.Entry, List<String>> byEntry = new LinkedHashMap<>();
        r.byOp().forEach((op, outcomes) -> outcomes.stream().filter(o -> o.verdict() == Conformance.Verdict.KNOWN)
                .forEach(o -> byEntry.computeIfAbsent(o.known(), e -> new ArrayList<>()).add(op + " | " + o.label() + " | " + o.detail())));
        byEntry.forEach((e, cases) -> md.append("- `").append(e.op()).append(" | ").append(e.cases()).append("`: ").append(e.reason())
                .append("\n  ").append(cases.size()).append(cases.size() == 1 ? " case: " : " cases, first: ").append(cases.get(0)).append('\n'));
        for (KnownDifferences.Entry e : r.known().stale()) md.append("- STALE (matches no case): ").append(e).append('\n');
        md.append("\n## Ops without a TF counterpart (JFlow composes them, or TF composes them in Python)\n\n")
                .append(String.join(", ", r.noTfCounterpart())).append("\n");
        md.append("\n## Ops not compared by value (graph and runtime plumbing)\n\n");
        r.notCompared().forEach(op -> md.append("- ").append(op).append(": ").append(OpInfos.WITHOUT_SAMPLES.get(op)).append('\n'));
        md.append("\n## Ops not covered by this slice yet\n\n").append(String.join(", ", r.uncovered())).append("\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
    }

    private static long count(List<Conformance.Outcome> outcomes, Conformance.Verdict v) {
        return outcomes.stream().filter(o -> o.verdict() == v).count();
    }
}
